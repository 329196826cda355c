"""Shared measurement across partners: the same core indicators per organization and in
total, from the rollups, with small cells suppressed. Platform admins see per organization;
the public sees totals only.

The figures are computed in the database, in a fixed number of queries whatever the number of
households or organizations. On PostgreSQL one query: counts, sums and `percentile_cont`
medians grouped by `ROLLUP(organization)` (the total is the rollup's row). Elsewhere (SQLite,
which has no ordered-set aggregates) two: counts and sums grouped by organization (the totals
are their sums), and the medians from each change's rank within its organization and overall,
keeping only the middle row or two (window functions and FILTER: SQLite ≥ 3.30). The public
totals skip the per-organization work. Python then does the arithmetic of
`progress_math.change_summary` on those few numbers, so the figures are the ones it computes
over every household's rollup, to the last bit (for values below 2**53 in magnitude).
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from app.errors import Forbidden
from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.organization import Organization
from app.models.progress import (
    DASHBOARD_INDICATORS,
    Figure,
    HouseholdProgress,
    IndicatorChange,
    Measurement,
    MeasurementBlock,
    OrganizationMeasurement,
    PublicMeasurement,
)
from app.services import progress_math
from app.services.principal import Principal
from app.services.progress_math import suppress

Scope = uuid.UUID | None
"""An organization's id, or `TOTAL` for all organizations together."""
TOTAL: Scope = None


@dataclass
class _Changes:
    """One indicator in one scope, over the households with both values and a month after
    the baseline: how many, the sums of their baseline and latest values, the median change."""

    households: int = 0
    sum_baseline: int = 0
    sum_latest: int = 0
    median: float | None = None

    def summary(self) -> dict[str, dict[str, Any]]:
        """What `progress_math.change_summary` returns over these households: its means are
        `statistics.fmean` of integers, i.e. the float of the exact sum over n."""
        n = self.households

        def mean(total: int) -> float | None:
            return float(total) / n if n else None

        return {
            "households": suppress(float(n), n),
            "mean_baseline": suppress(mean(self.sum_baseline), n),
            "mean_latest": suppress(mean(self.sum_latest), n),
            "mean_change": suppress(mean(self.sum_latest - self.sum_baseline), n),
            "median_change": suppress(self.median, n),
        }


Figures = dict[Scope, dict[str, _Changes]]


def _no_figures() -> Figures:
    return defaultdict(lambda: {name: _Changes() for name in DASHBOARD_INDICATORS})


def _values(name: str) -> tuple[Any, Any]:
    baseline = getattr(HouseholdProgress, f"baseline_{name}")
    return baseline, getattr(HouseholdProgress, f"latest_{name}")


def _with_a_later_month(*columns: Any) -> Any:
    """`columns` of the rollup rows that have a month after the baseline, joined to their
    demonstration (for its organization)."""
    return (
        sa.select(*columns)
        .select_from(HouseholdProgress)
        .join(Demonstration, col(Demonstration.id) == HouseholdProgress.demonstration_id)
        .where(col(HouseholdProgress.latest_period) > col(HouseholdProgress.baseline_period))
    )


def _sums(name: str) -> list[Any]:
    """Households with both values, and the sums of each over them."""
    baseline, latest = _values(name)
    both = sa.and_(baseline.is_not(None), latest.is_not(None))
    return [
        func.count().filter(both),
        func.sum(baseline).filter(both),
        func.sum(latest).filter(both),
    ]


def _changes(households: int, sum_baseline: Any, sum_latest: Any, median: Any = None) -> _Changes:
    """From a row's values: PostgreSQL sums bigints as numeric, and a sum over none is NULL."""
    return _Changes(households, int(sum_baseline or 0), int(sum_latest or 0), median)


def _figures_postgresql(session: Session, *, per_organization: bool) -> Figures:
    """One query: per organization and, in the rollup's row (organization NULL), in total;
    or only the total.

    `percentile_cont` interpolates in float8: `lo + (hi - lo) * 0.5`, which is rounded once,
    like `statistics.median`'s `(lo + hi) / 2`, while the values are below 2**53."""
    columns = []
    for name in DASHBOARD_INDICATORS:
        baseline, latest = _values(name)
        columns += [*_sums(name), func.percentile_cont(0.5).within_group(latest - baseline)]
    organization = col(Demonstration.organization_id)
    if per_organization:
        statement = _with_a_later_month(organization, *columns).group_by(func.rollup(organization))
    else:
        statement = _with_a_later_month(sa.null(), *columns)
    figures = _no_figures()
    for scope, *values in session.execute(statement):
        for index, name in enumerate(DASHBOARD_INDICATORS):
            figures[scope][name] = _changes(*values[4 * index : 4 * index + 4])
    return figures


def _figures_portable(session: Session, *, per_organization: bool) -> Figures:
    """Two queries: counts and sums per organization (the totals are their sums), and the
    middle changes from window functions."""
    columns = [column for name in DASHBOARD_INDICATORS for column in _sums(name)]
    organization = col(Demonstration.organization_id)
    statement = _with_a_later_month(organization, *columns).group_by(organization)
    figures = _no_figures()
    for organization_id, *values in session.execute(statement):
        for index, name in enumerate(DASHBOARD_INDICATORS):
            changes = _changes(*values[3 * index : 3 * index + 3])
            figures[organization_id][name] = changes
            total = figures[TOTAL][name]
            total.households += changes.households
            total.sum_baseline += changes.sum_baseline
            total.sum_latest += changes.sum_latest
    middles: dict[tuple[Scope, str], list[int]] = defaultdict(list)
    for number, organization_id, change, *in_the_middle in session.execute(
        _middles(per_organization=per_organization)
    ):
        name = DASHBOARD_INDICATORS[number]
        for scope, middle in zip((TOTAL, organization_id), in_the_middle, strict=False):
            if middle:
                middles[scope, name].append(change)
    for (scope, name), middle in middles.items():
        # statistics.median: the middle value, or the half-sum of the two middle values.
        figures[scope][name].median = float(middle[0] if len(middle) == 1 else sum(middle) / 2)
    return figures


def _is_middle(rank: Any, count: Any) -> Any:
    """2·rank within [count, count + 2]: the middle rank (1-based) of an odd count, either of
    the two middle ranks of an even one."""
    return sa.between(2 * rank, count, count + 2)


def _middles(*, per_organization: bool) -> Any:
    """The middle change(s) of each indicator overall and, if asked, per organization.

    Each rollup row is paired with each indicator's number (a constant table of 0..5) and that
    indicator's change; the changes are ranked within the indicator (and within indicator and
    organization), and only the rows in the middle of a ranking come back: one or two per
    indicator and scope. Rows: (indicator number, organization, change, in the middle overall
    [, in the middle of its organization])."""
    indicators = sa.union_all(
        *(
            sa.select(sa.literal(number).label("number"))
            for number in range(len(DASHBOARD_INDICATORS))
        )
    ).subquery("indicators")
    number = indicators.c.number
    change = sa.case(
        *(
            (number == index, latest - baseline)
            for index, (baseline, latest) in enumerate(map(_values, DASHBOARD_INDICATORS))
        )
    )
    changes = (
        _with_a_later_month(col(Demonstration.organization_id), number, change.label("change"))
        .join(indicators, sa.true())
        .subquery("changes")
    )
    partitions = [[changes.c.number]]
    if per_organization:
        partitions.append([changes.c.number, changes.c.organization_id])
    ranks = []
    for index, partition in enumerate(partitions):
        # The count's window sorts like the rank's, so both share one sort.
        window = {"partition_by": partition, "order_by": changes.c.change}
        ranks += [
            func.row_number().over(**window).label(f"rank_{index}"),
            func.count().over(**window, rows=(None, None)).label(f"count_{index}"),
        ]
    ranked = sa.select(changes, *ranks).where(changes.c.change.is_not(None)).subquery("ranked")
    in_the_middle = [
        _is_middle(ranked.c[f"rank_{index}"], ranked.c[f"count_{index}"])
        for index in range(len(partitions))
    ]
    return sa.select(
        ranked.c.number, ranked.c.organization_id, ranked.c.change, *in_the_middle
    ).where(sa.or_(*in_the_middle))


def _figures(session: Session, *, per_organization: bool) -> Figures:
    if session.get_bind().dialect.name == "postgresql":
        return _figures_postgresql(session, per_organization=per_organization)
    return _figures_portable(session, per_organization=per_organization)


def _households(session: Session) -> dict[uuid.UUID, int]:
    """Households enrolled, per organization that has any."""
    return dict(
        session.exec(
            select(Demonstration.organization_id, func.count())
            .select_from(Household)
            .join(Demonstration, col(Demonstration.id) == Household.demonstration_id)
            .group_by(col(Demonstration.organization_id))
        ).all()
    )


def _block(changes: dict[str, _Changes], households: int) -> MeasurementBlock:
    return MeasurementBlock(
        households=Figure.model_validate(suppress(float(households), households)),
        changes=[
            IndicatorChange.model_validate({"indicator": name, **figure.summary()})
            for name, figure in changes.items()
        ],
    )


def for_platform(session: Session, actor: Principal) -> Measurement:
    if not actor.is_platform_admin:
        raise Forbidden("Only platform admins read measurement per organization.")
    counts = _households(session)
    figures = _figures(session, per_organization=True)
    names = dict(session.exec(select(Organization.id, Organization.name)).all())
    organizations = [
        OrganizationMeasurement(
            organization_id=organization_id,
            organization_name=names[organization_id],
            **dict(_block(figures[organization_id], counts[organization_id])),
        )
        for organization_id in sorted(counts, key=lambda key: names[key])
    ]
    return Measurement(
        minimum_households=progress_math.MIN_HOUSEHOLDS,
        total=_block(figures[TOTAL], sum(counts.values())),
        organizations=organizations,
    )


def for_public(session: Session) -> PublicMeasurement:
    counts = _households(session)
    return PublicMeasurement(
        minimum_households=progress_math.MIN_HOUSEHOLDS,
        total=_block(_figures(session, per_organization=False)[TOTAL], sum(counts.values())),
    )
