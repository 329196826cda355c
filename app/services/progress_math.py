"""Pure progress maths over plain data: indicator values, baseline, latest, change, series,
summary statistics and small-cell suppression. No I/O."""

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

MIN_HOUSEHOLDS = 5
"""Any figure built from fewer households than this is suppressed."""

INCOMES = ("income_work", "income_business", "income_other")
NUMERIC_CORE = (
    *INCOMES,
    "savings",
    "debt",
    "members_employed",
    "businesses_run",
    "children_in_school",
    "help_given_count",
    "help_received_count",
)
INDICATORS = ("total_income", *NUMERIC_CORE)
MONEY = frozenset({*INCOMES, "total_income", "savings", "debt"})


def _number(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def indicator_values(answers: Mapping[str, Any]) -> dict[str, int | None]:
    """Each indicator's value in one survey's answers; total income needs all three incomes."""
    values = {name: _number(answers.get(name)) for name in NUMERIC_CORE}
    incomes = [values[name] for name in INCOMES]
    values["total_income"] = None if None in incomes else sum(i for i in incomes if i is not None)
    return values


@dataclass(frozen=True)
class Progress:
    baseline: int | None
    baseline_period: str | None
    latest: int | None
    latest_period: str | None
    change: int | None
    series: list[tuple[str, int]]


def progress(points: Iterable[tuple[str, int | None]]) -> Progress:
    """Baseline (earliest period with a value), latest, change and the series, oldest first.

    `points` are (period `YYYY-MM`, value) of verified surveys; periods sort as text."""
    series = sorted((period, value) for period, value in points if value is not None)
    if not series:
        return Progress(None, None, None, None, None, [])
    (first_period, first), (last_period, last) = series[0], series[-1]
    return Progress(first, first_period, last, last_period, last - first, series)


def mean(values: Sequence[float]) -> float | None:
    return float(statistics.fmean(values)) if values else None


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


@dataclass(frozen=True)
class Cell:
    """A figure and how many households it was built from."""

    value: float | None
    households: int

    @property
    def suppressed(self) -> bool:
        return self.households < MIN_HOUSEHOLDS


def suppress(value: float | None, households: int) -> dict[str, Any]:
    """The one place small cells are hidden: `{"value": None, "suppressed": True}` below the
    threshold, never a zero."""
    if households < MIN_HOUSEHOLDS:
        return {"value": None, "suppressed": True}
    return {"value": value, "suppressed": False}


def csv_cell(figure: Mapping[str, Any]) -> str:
    """A suppressed figure is the literal `suppressed` in CSV; a missing one is empty."""
    if figure["suppressed"]:
        return "suppressed"
    value = figure["value"]
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def rate(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def change_summary(pairs: Sequence[tuple[int, int]]) -> dict[str, dict[str, Any]]:
    """Mean baseline/latest, mean and median change over households' (baseline, latest)."""
    n = len(pairs)
    changes = [latest - base for base, latest in pairs]
    return {
        "households": suppress(float(n), n),
        "mean_baseline": suppress(mean([b for b, _ in pairs]), n),
        "mean_latest": suppress(mean([lt for _, lt in pairs]), n),
        "mean_change": suppress(mean(changes), n),
        "median_change": suppress(median(changes), n),
    }
