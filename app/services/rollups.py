"""Progress rollups: kept current as surveys are verified or un-verified, and rebuilt from
scratch by `mutuality rebuild-rollups`.

- `household_progress` is recomputed for the one household whose survey changed (a household
  has at most a few dozen verified months).
- `demonstration_month_stats` moves by the survey's own values, added on verification and
  subtracted on un-verification, in one atomic upsert, so concurrent verifications in the same
  group and month both count. Verified answers never change, so the delta is exact.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from app.models.base import utcnow
from app.models.household import Household
from app.models.progress import DASHBOARD_INDICATORS, DemonstrationMonthStats, HouseholdProgress
from app.models.survey import ReviewState, SurveySubmission
from app.services import progress_math
from app.services.survey_forms import dialect_insert


def survey_verified(session: Session, submission: SurveySubmission, *, verified: bool) -> None:
    """Call when a survey moves to verified (`verified=True`) or leaves it (`False`)."""
    household = session.get(Household, submission.household_id)
    assert household is not None
    sign = 1 if verified else -1
    values = progress_math.indicator_values(submission.answers)
    stats = DemonstrationMonthStats.__table__  # type: ignore[attr-defined]
    row: dict[str, Any] = {
        "demonstration_id": submission.demonstration_id,
        "friend_group_id": household.friend_group_id,
        "period": submission.period,
        "verified_count": sign,
        "updated_at": utcnow(),
    }
    row |= {f"sum_{name}": sign * (values[name] or 0) for name in DASHBOARD_INDICATORS}
    insert = dialect_insert(session)(stats).values(**row)
    moved = ["verified_count", *(f"sum_{name}" for name in DASHBOARD_INDICATORS)]
    session.execute(
        insert.on_conflict_do_update(
            index_elements=["demonstration_id", "friend_group_id", "period"],
            set_={name: stats.c[name] + insert.excluded[name] for name in moved}
            | {"updated_at": insert.excluded.updated_at},
        )
    )
    session.execute(
        sa.delete(DemonstrationMonthStats).where(
            col(DemonstrationMonthStats.demonstration_id) == submission.demonstration_id,
            col(DemonstrationMonthStats.friend_group_id) == household.friend_group_id,
            col(DemonstrationMonthStats.period) == submission.period,
            col(DemonstrationMonthStats.verified_count) <= 0,
        )
    )
    refresh_household(session, household)


def refresh_household(session: Session, household: Household) -> None:
    rows = session.exec(
        select(SurveySubmission.period, SurveySubmission.answers).where(
            SurveySubmission.household_id == household.id,
            SurveySubmission.state == ReviewState.VERIFIED,
        )
    ).all()
    progress = household_progress_row(household, [(period, answers) for period, answers in rows])
    if progress is None:
        session.execute(
            sa.delete(HouseholdProgress).where(col(HouseholdProgress.household_id) == household.id)
        )
        return
    # An upsert, not delete + insert: two verifications of the same household at once must
    # not collide on the primary key.
    values = progress.model_dump()
    table = HouseholdProgress.__table__  # type: ignore[attr-defined]
    insert = dialect_insert(session)(table).values(**values)
    session.execute(
        insert.on_conflict_do_update(
            index_elements=["household_id"],
            set_={name: insert.excluded[name] for name in values if name != "household_id"},
        )
    )


def household_progress_row(
    household: Household, verified: Sequence[tuple[str, Mapping[str, Any]]]
) -> HouseholdProgress | None:
    """The rollup row of a household from its verified (period, answers); None without any."""
    if not verified:
        return None
    by_indicator: dict[str, list[tuple[str, int | None]]] = defaultdict(list)
    for period, answers in verified:
        for name, value in progress_math.indicator_values(answers).items():
            by_indicator[name].append((period, value))
    periods = sorted(period for period, _ in verified)
    values: dict[str, Any] = {}
    for name in DASHBOARD_INDICATORS:
        result = progress_math.progress(by_indicator[name])
        values[f"baseline_{name}"] = result.baseline
        values[f"latest_{name}"] = result.latest
    return HouseholdProgress(
        household_id=household.id,
        demonstration_id=household.demonstration_id,
        friend_group_id=household.friend_group_id,
        verified_months=len(periods),
        baseline_period=periods[0],
        latest_period=periods[-1],
        updated_at=utcnow(),
        **values,
    )


def month_stats_rows(
    verified: Iterable[tuple[uuid.UUID, uuid.UUID, str, Mapping[str, Any]]],
) -> list[DemonstrationMonthStats]:
    """Month rows from verified (demonstration, group, period, answers)."""
    sums: dict[tuple[uuid.UUID, uuid.UUID, str], dict[str, int]] = {}
    for demonstration_id, group_id, period, answers in verified:
        key = (demonstration_id, group_id, period)
        values = progress_math.indicator_values(answers)
        acc = sums.setdefault(key, defaultdict(int))
        acc["verified_count"] += 1
        for name in DASHBOARD_INDICATORS:
            acc[f"sum_{name}"] += values[name] or 0
    now = utcnow()
    return [
        DemonstrationMonthStats(
            demonstration_id=d, friend_group_id=g, period=p, updated_at=now, **acc
        )
        for (d, g, p), acc in sums.items()
    ]


def rebuild(session: Session, demonstration_id: uuid.UUID | None = None) -> tuple[int, int]:
    """Recompute both rollups from the verified surveys; returns (households, month rows)."""
    progress_delete = sa.delete(HouseholdProgress)
    stats_delete = sa.delete(DemonstrationMonthStats)
    query = (
        select(
            Household,
            SurveySubmission.period,
            SurveySubmission.answers,
        )
        .join(Household, col(Household.id) == SurveySubmission.household_id)
        .where(SurveySubmission.state == ReviewState.VERIFIED)
        .order_by(col(SurveySubmission.household_id))
    )
    if demonstration_id is not None:
        progress_delete = progress_delete.where(
            col(HouseholdProgress.demonstration_id) == demonstration_id
        )
        stats_delete = stats_delete.where(
            col(DemonstrationMonthStats.demonstration_id) == demonstration_id
        )
        query = query.where(SurveySubmission.demonstration_id == demonstration_id)
    session.execute(progress_delete)
    session.execute(stats_delete)
    per_household: dict[uuid.UUID, tuple[Household, list[tuple[str, Mapping[str, Any]]]]] = {}
    flat: list[tuple[uuid.UUID, uuid.UUID, str, Mapping[str, Any]]] = []
    for household, period, answers in session.exec(query):
        per_household.setdefault(household.id, (household, []))[1].append((period, answers))
        flat.append((household.demonstration_id, household.friend_group_id, period, answers))
    progress_rows = [
        row
        for household, verified in per_household.values()
        if (row := household_progress_row(household, verified)) is not None
    ]
    stats_rows = month_stats_rows(flat)
    session.add_all([*progress_rows, *stats_rows])
    session.flush()
    return len(progress_rows), len(stats_rows)
