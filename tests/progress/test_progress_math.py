"""Progress maths against hand-computed examples, and as properties."""

from hypothesis import given
from hypothesis import strategies as st

from app.services import progress_math
from app.services.progress_math import MIN_HOUSEHOLDS, change_summary, csv_cell, progress, suppress


def test_hand_computed_progress() -> None:
    # Out of order on purpose; None months (no value) are skipped.
    result = progress([("2026-03", 150), ("2026-01", 100), ("2026-02", None), ("2026-04", 90)])
    assert result.baseline == 100 and result.baseline_period == "2026-01"
    assert result.latest == 90 and result.latest_period == "2026-04"
    assert result.change == -10
    assert result.series == [("2026-01", 100), ("2026-03", 150), ("2026-04", 90)]


def test_no_verified_month() -> None:
    result = progress([])
    assert (result.baseline, result.latest, result.change, result.series) == (None, None, None, [])


def test_total_income_needs_all_three_incomes() -> None:
    values = progress_math.indicator_values(
        {"income_work": 1000, "income_business": 250, "income_other": 5, "savings": True}
    )
    assert values["total_income"] == 1255
    assert values["savings"] is None  # a bool is not a number
    assert progress_math.indicator_values({"income_work": 1000})["total_income"] is None


def test_hand_computed_change_summary() -> None:
    pairs = [(100, 150), (200, 180), (50, 50), (0, 40), (10, 110)]  # changes 50 -20 0 40 100
    summary = change_summary(pairs)
    assert summary["mean_change"] == {"value": 34.0, "suppressed": False}
    assert summary["median_change"] == {"value": 40.0, "suppressed": False}
    assert summary["mean_baseline"]["value"] == 72.0
    assert summary["households"] == {"value": 5.0, "suppressed": False}


def test_fewer_than_five_households_is_suppressed_not_zero() -> None:
    summary = change_summary([(1, 2)] * 4)
    for figure in summary.values():
        assert figure == {"value": None, "suppressed": True}
    assert suppress(0.0, 4) == {"value": None, "suppressed": True}
    assert suppress(0.0, 5) == {"value": 0.0, "suppressed": False}
    assert csv_cell(suppress(12.0, 3)) == "suppressed"
    assert csv_cell(suppress(12.0, 7)) == "12"
    assert csv_cell(suppress(0.25, 7)) == "0.25"


periods = st.integers(2020 * 12, 2030 * 12).map(lambda i: f"{i // 12:04d}-{i % 12 + 1:02d}")
histories = st.dictionaries(periods, st.integers(-(10**9), 10**9), min_size=1, max_size=30)


@given(histories)
def test_change_is_latest_minus_baseline(history: dict[str, int]) -> None:
    result = progress(history.items())
    assert result.change == result.latest - result.baseline  # type: ignore[operator]


@given(histories)
def test_series_is_sorted_by_period(history: dict[str, int]) -> None:
    result = progress(history.items())
    assert [period for period, _ in result.series] == sorted(history)


@given(histories)
def test_baseline_is_the_earliest_and_latest_the_last(history: dict[str, int]) -> None:
    result = progress(reversed(list(history.items())))
    assert result.baseline_period == min(history)
    assert result.baseline == history[min(history)]
    assert result.latest == history[max(history)]


@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)), max_size=12))
def test_summary_is_suppressed_exactly_below_the_threshold(pairs: list[tuple[int, int]]) -> None:
    summary = change_summary(pairs)
    for figure in summary.values():
        assert figure["suppressed"] == (len(pairs) < MIN_HOUSEHOLDS)
        assert (figure["value"] is None) == figure["suppressed"]
