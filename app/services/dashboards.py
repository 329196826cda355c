"""Demonstration dashboards for the partner's staff, read from the rollups (never every
survey), with every figure from fewer than 5 households suppressed."""

import csv
import io
import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, func, select

from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.practice import Adoption, PracticePost
from app.models.progress import (
    DASHBOARD_INDICATORS,
    Dashboard,
    DemonstrationMonthStats,
    Figure,
    GroupDashboard,
    HouseholdProgress,
    IndicatorChange,
    MonthFigures,
)
from app.models.survey import ReviewState, SurveySubmission
from app.services import charts, demonstrations, progress_math
from app.services.principal import Principal
from app.services.progress_math import suppress

ACTIVE_MONTHS = 3


def _figure(value: float | None, households: int) -> Figure:
    return Figure.model_validate(suppress(value, households))


def _period(now: datetime, months_ago: int) -> str:
    index = now.year * 12 + now.month - 1 - months_ago
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def changes(rows: Sequence[HouseholdProgress]) -> list[IndicatorChange]:
    """Mean and median change vs baseline per indicator over households with a later month."""
    result = []
    for name in DASHBOARD_INDICATORS:
        pairs = [
            (base, latest)
            for row in rows
            if row.latest_period > row.baseline_period
            and (base := getattr(row, f"baseline_{name}")) is not None
            and (latest := getattr(row, f"latest_{name}")) is not None
        ]
        summary = progress_math.change_summary(pairs)
        result.append(IndicatorChange.model_validate({"indicator": name, **summary}))
    return result


def dashboard(
    session: Session, actor: Principal, demonstration_id: uuid.UUID, now: datetime | None = None
) -> Dashboard:
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    return build(session, demonstration, now or datetime.now(UTC))


def build(session: Session, demonstration: Demonstration, now: datetime) -> Dashboard:
    demo_id = demonstration.id
    enrolled: dict[uuid.UUID, int] = dict(
        session.exec(
            select(Household.friend_group_id, func.count())
            .where(Household.demonstration_id == demo_id)
            .group_by(col(Household.friend_group_id))
        ).all()
    )
    seeds = dict(
        session.exec(
            select(Household.friend_group_id, Household.label).where(
                Household.demonstration_id == demo_id, col(Household.is_seed).is_(True)
            )
        ).all()
    )
    progress_rows = session.exec(
        select(HouseholdProgress).where(HouseholdProgress.demonstration_id == demo_id)
    ).all()
    active_since = _period(now, ACTIVE_MONTHS)
    by_group: dict[uuid.UUID, list[HouseholdProgress]] = defaultdict(list)
    for row in progress_rows:
        by_group[row.friend_group_id].append(row)
    stats = session.exec(
        select(DemonstrationMonthStats).where(DemonstrationMonthStats.demonstration_id == demo_id)
    ).all()
    # Surveys not (yet) verified are few: the review queue's index finds them directly.
    pending: dict[str, int] = dict(
        session.exec(
            select(SurveySubmission.period, func.count())
            .where(
                SurveySubmission.demonstration_id == demo_id,
                SurveySubmission.state != ReviewState.VERIFIED,
            )
            .group_by(col(SurveySubmission.period))
        ).all()
    )
    posted = _counts(session, PracticePost, demo_id, live=True)
    adopted = _counts(session, Adoption, demo_id, live=False)
    total_enrolled = sum(enrolled.values())
    months = _months(stats, pending, total_enrolled)
    groups = [
        GroupDashboard(
            friend_group_id=group_id,
            seed_label=seeds.get(group_id, ""),
            households_enrolled=_figure(float(count), count),
            households_active=_active(by_group[group_id], active_since, count),
            changes=changes(by_group[group_id]),
            practices_posted=_figure(float(posted.get(group_id, 0)), count),
            practices_adopted=_figure(float(adopted.get(group_id, 0)), count),
        )
        for group_id, count in sorted(enrolled.items(), key=lambda item: seeds.get(item[0], ""))
    ]
    return Dashboard(
        demonstration_id=demo_id,
        currency=demonstration.stipend_currency,
        minimum_households=progress_math.MIN_HOUSEHOLDS,
        households_enrolled=_figure(float(total_enrolled), total_enrolled),
        households_active=_active(progress_rows, active_since, total_enrolled),
        months=months,
        changes=changes(progress_rows),
        practices_posted=_figure(float(sum(posted.values())), total_enrolled),
        practices_adopted=_figure(float(sum(adopted.values())), total_enrolled),
        groups=groups,
    )


def _active(rows: Sequence[HouseholdProgress], since: str, enrolled: int) -> Figure:
    del enrolled  # the figure is built from the active households themselves
    active = sum(1 for row in rows if row.latest_period >= since)
    return _figure(float(active), active)


def _counts(session: Session, model: Any, demo_id: uuid.UUID, *, live: bool) -> dict[Any, int]:
    statement = (
        select(model.friend_group_id, func.count())
        .where(model.demonstration_id == demo_id)
        .group_by(model.friend_group_id)
    )
    if live:
        statement = statement.where(col(model.deleted_at).is_(None))
    return dict(session.exec(statement).all())


def _months(
    stats: Sequence[DemonstrationMonthStats], pending: dict[str, int], enrolled: int
) -> list[MonthFigures]:
    verified: dict[str, int] = defaultdict(int)
    income: dict[str, int] = defaultdict(int)
    for row in stats:
        verified[row.period] += row.verified_count
        income[row.period] += row.sum_total_income
    months = []
    for period in sorted(set(verified) | set(pending)):
        v, submitted = verified[period], verified[period] + pending.get(period, 0)
        months.append(
            MonthFigures(
                period=period,
                submitted=_figure(float(submitted), submitted),
                verified=_figure(float(v), v),
                completion_rate=_figure(progress_math.rate(submitted, enrolled), submitted),
                verification_rate=_figure(progress_math.rate(v, submitted), submitted),
                mean_total_income=_figure(income[period] / v if v else None, v),
            )
        )
    return months


# CSV and SVG renderings of the same figures.

CHANGE_MEASURES = ("households", "mean_baseline", "mean_latest", "mean_change", "median_change")
CSV_HEADER = ("scope", "friend_group_id", "seed_label", "period", "indicator", "measure", "value")


def _cell(figure: Figure) -> str:
    return progress_math.csv_cell(figure.model_dump())


def csv_rows(board: Dashboard) -> Iterator[tuple[str, ...]]:
    yield CSV_HEADER

    def block(
        scope: str, group: str, seed: str, change_list: list[IndicatorChange], **figures: Figure
    ) -> Iterator[tuple[str, ...]]:
        for measure, figure in figures.items():
            yield (scope, group, seed, "", "", measure, _cell(figure))
        for change in change_list:
            for measure in CHANGE_MEASURES:
                cell = _cell(getattr(change, measure))
                yield (scope, group, seed, "", change.indicator, measure, cell)

    yield from block(
        "demonstration",
        "",
        "",
        board.changes,
        households_enrolled=board.households_enrolled,
        households_active=board.households_active,
        practices_posted=board.practices_posted,
        practices_adopted=board.practices_adopted,
    )
    for month in board.months:
        for measure in ("submitted", "verified", "completion_rate", "verification_rate",
                        "mean_total_income"):  # fmt: skip
            yield ("month", "", "", month.period, "", measure, _cell(getattr(month, measure)))
    for group in board.groups:
        yield from block(
            "friend_group",
            str(group.friend_group_id),
            group.seed_label,
            group.changes,
            households_enrolled=group.households_enrolled,
            households_active=group.households_active,
            practices_posted=group.practices_posted,
            practices_adopted=group.practices_adopted,
        )


def csv_lines(board: Dashboard) -> Iterator[str]:
    for row in csv_rows(board):
        buffer = io.StringIO()
        csv.writer(buffer).writerow([_safe(value) for value in row])
        yield buffer.getvalue()


def _safe(text: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; numbers keep their sign."""
    if text[:1] in ("=", "+", "@") or (text[:1] == "-" and not _is_number(text)):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


CHART = {
    "completion_rate": ("Survey completion rate", "Share of enrolled households that sent "
                        "the month's survey; suppressed months are gaps."),
    "verification_rate": ("Verification rate", "Share of sent surveys verified, per month."),
    "mean_total_income": ("Mean total income", "Mean household income over verified "
                          "surveys, per month; months with fewer than 5 are gaps."),
}  # fmt: skip


def svg(board: Dashboard, measure: str) -> str:
    title, desc = CHART[measure]
    points = [(m.period, getattr(m, measure).value) for m in board.months]
    return charts.line_chart(
        title, desc, points, money=measure == "mean_total_income", gap_text="gaps: suppressed"
    )
