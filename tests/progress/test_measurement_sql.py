"""Shared measurement computed in the database equals the plain-Python computation over every
rollup row, to the last bit, on the database under test; and its number of queries does not
grow with the number of organizations."""

import random
import uuid
from collections import defaultdict
from typing import Any

import pytest
from sqlalchemy import Connection, event
from sqlmodel import Session, col, func, select

from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.organization import Organization
from app.models.progress import (
    DASHBOARD_INDICATORS,
    Figure,
    HouseholdProgress,
    Measurement,
    MeasurementBlock,
    OrganizationMeasurement,
    PublicMeasurement,
)
from app.models.user import Role
from app.services import measurement, progress_math
from app.services.dashboards import changes
from app.services.principal import Principal
from tests.factories import make_demonstration, make_household, make_organization

PLATFORM_ADMIN = Principal(user_id=uuid.uuid4(), role=Role.PLATFORM_ADMIN, session_id=uuid.uuid4())

# Households per organization: odd and even, below, at and above the suppression threshold;
# the last enrolls households none of which has a rollup row.
SIZES = (1, 2, 4, 5, 6, 7, 10, 13, 0)


def _value(rng: random.Random) -> int | None:
    """Small ranges (many ties), money amounts, negatives, missing answers, and values so large
    that their sums pass 2**53 (where a float mean needs care) while each change stays below."""
    kind = rng.random()
    if kind < 0.15:
        return None
    if kind < 0.55:
        return rng.randint(-3, 3)
    if kind < 0.8:
        return rng.randint(-(10**9), 10**9)
    return rng.randint(-(2**51), 2**51)


def _periods(rng: random.Random) -> tuple[str, str]:
    """Mostly a later month; sometimes only the baseline month (left out of the changes)."""
    baseline = f"2026-{rng.randint(1, 6):02d}"
    if rng.random() < 0.2:
        return baseline, baseline
    return baseline, f"2026-{rng.randint(int(baseline[5:]) + 1, 12):02d}"


def _world(db: Session, rng: random.Random, sizes: tuple[int, ...] = SIZES) -> None:
    """Organizations with rollup rows written directly (the values are random, not surveys)."""
    for size in sizes:
        organization = make_organization(db)
        demonstrations = [make_demonstration(db, organization) for _ in range(2)]
        for i in range(max(size, 1)):
            demonstration = demonstrations[i % 2]
            household = make_household(db, demonstration)
            if size == 0:
                continue
            baseline_period, latest_period = _periods(rng)
            values: dict[str, Any] = {}
            for name in DASHBOARD_INDICATORS:
                values[f"baseline_{name}"] = _value(rng)
                values[f"latest_{name}"] = _value(rng)
            db.add(
                HouseholdProgress(
                    household_id=household.id,
                    demonstration_id=demonstration.id,
                    friend_group_id=household.friend_group_id,
                    verified_months=2,
                    baseline_period=baseline_period,
                    latest_period=latest_period,
                    **values,
                )
            )
    db.flush()


def _in_python(db: Session) -> Measurement:
    """What the service computed before the figures moved to SQL: every rollup row loaded,
    the dashboards' per-indicator summary over them."""
    rows: dict[uuid.UUID, list[HouseholdProgress]] = defaultdict(list)
    for progress, organization_id in db.exec(
        select(HouseholdProgress, Demonstration.organization_id).join(
            Demonstration, col(Demonstration.id) == HouseholdProgress.demonstration_id
        )
    ):
        rows[organization_id].append(progress)
    counts = dict(
        db.exec(
            select(Demonstration.organization_id, func.count())
            .select_from(Household)
            .join(Demonstration, col(Demonstration.id) == Household.demonstration_id)
            .group_by(col(Demonstration.organization_id))
        ).all()
    )
    names = dict(db.exec(select(Organization.id, Organization.name)).all())

    def block(group: list[HouseholdProgress], households: int) -> MeasurementBlock:
        figure = Figure.model_validate(progress_math.suppress(float(households), households))
        return MeasurementBlock(households=figure, changes=changes(group))

    every = [row for group in rows.values() for row in group]
    return Measurement(
        minimum_households=progress_math.MIN_HOUSEHOLDS,
        total=block(every, sum(counts.values())),
        organizations=[
            OrganizationMeasurement(
                organization_id=organization_id,
                organization_name=names[organization_id],
                **dict(block(rows.get(organization_id, []), counts[organization_id])),
            )
            for organization_id in sorted(counts, key=lambda key: names[key])
        ],
    )


@pytest.mark.parametrize("seed", range(4))
def test_sql_figures_equal_the_python_computation(db: Session, seed: int) -> None:
    _world(db, random.Random(seed))
    expected = _in_python(db)
    computed = measurement.for_platform(db, PLATFORM_ADMIN)
    assert computed.model_dump() == expected.model_dump()
    public = measurement.for_public(db)
    assert public == PublicMeasurement(
        minimum_households=expected.minimum_households, total=expected.total
    )
    # The world has what the comparison is meant to exercise.
    households = [c.households for o in computed.organizations for c in o.changes]
    assert any(h.suppressed for h in households)
    assert {int(h.value) % 2 for h in households if h.value is not None} == {0, 1}


def test_medians_of_ties_negatives_and_two_middle_values(db: Session) -> None:
    organization = make_organization(db)
    demonstration = make_demonstration(db, organization)
    # Income changes -7, -1, -1, 4, 10, 10 (even: median (-1 + 4) / 2); savings: the last two
    # households have no savings answer, leaving -1, 0, 0, 2 (fewer than 5: suppressed).
    for i, (base, latest) in enumerate(((7, 0), (2, 1), (3, 2), (0, 4), (-5, 5), (10, 20))):
        household = make_household(db, demonstration)
        savings = (i, i + (-1, 0, 0, 2)[i]) if i < 4 else (None, None)
        db.add(
            HouseholdProgress(
                household_id=household.id,
                demonstration_id=demonstration.id,
                friend_group_id=household.friend_group_id,
                baseline_period="2026-01",
                latest_period="2026-03",
                baseline_total_income=base,
                latest_total_income=latest,
                baseline_savings=savings[0],
                latest_savings=savings[1],
            )
        )
    db.flush()
    block = next(
        o
        for o in measurement.for_platform(db, PLATFORM_ADMIN).organizations
        if o.organization_id == organization.id
    )
    income, savings_change = block.changes[0], block.changes[1]
    assert income.median_change == Figure(value=1.5, suppressed=False)
    assert income.mean_change == Figure(value=15 / 6, suppressed=False)
    assert income.mean_baseline == Figure(value=17 / 6, suppressed=False)
    assert savings_change.households == Figure(value=None, suppressed=True)
    assert savings_change.median_change == Figure(value=None, suppressed=True)
    assert block == next(
        o for o in _in_python(db).organizations if o.organization_id == organization.id
    )


def test_the_number_of_queries_does_not_grow_with_organizations(
    db: Session, connection: Connection, is_postgres: bool
) -> None:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    def queries() -> tuple[int, int]:
        db.flush()
        event.listen(connection, "before_cursor_execute", record)
        try:
            statements.clear()
            measurement.for_platform(db, PLATFORM_ADMIN)
            platform = len(statements)
            statements.clear()
            measurement.for_public(db)
            return platform, len(statements)
        finally:
            event.remove(connection, "before_cursor_execute", record)

    _world(db, random.Random(7), sizes=(6,))
    before = queries()
    _world(db, random.Random(8), sizes=(5, 7, 1, 0, 12, 3, 6))
    assert queries() == before
    # Households per organization, the figures (one query on PostgreSQL; sums and medians
    # elsewhere), and the organizations' names for the platform admin.
    assert before == ((3, 2) if is_postgres else (4, 3))
    organizations = measurement.for_platform(db, PLATFORM_ADMIN).organizations
    assert len(organizations) >= 8


def test_window_queries_agree_with_percentile_cont_on_postgresql(
    db: Session, is_postgres: bool
) -> None:
    """PostgreSQL computes with `percentile_cont`; the window-function queries SQLite uses
    run on PostgreSQL too, and give the same figures."""
    if not is_postgres:
        pytest.skip("the PostgreSQL query needs PostgreSQL")
    for seed in range(3):
        _world(db, random.Random(100 + seed))
        for per_organization in (True, False):
            portable = measurement._figures_portable(db, per_organization=per_organization)
            postgresql = measurement._figures_postgresql(db, per_organization=per_organization)
            assert portable[measurement.TOTAL] == postgresql[measurement.TOTAL]
            if per_organization:
                assert portable == postgresql
