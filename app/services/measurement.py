"""Shared measurement across partners: the same core indicators per organization and in
total, from the rollups, with small cells suppressed. Platform admins see per organization;
the public sees totals only."""

import uuid
from collections import defaultdict

from sqlmodel import Session, col, func, select

from app.errors import Forbidden
from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.organization import Organization
from app.models.progress import (
    Figure,
    HouseholdProgress,
    Measurement,
    MeasurementBlock,
    OrganizationMeasurement,
    PublicMeasurement,
)
from app.services import progress_math
from app.services.dashboards import changes
from app.services.principal import Principal
from app.services.progress_math import suppress


def _block(rows: list[HouseholdProgress], households: int) -> MeasurementBlock:
    return MeasurementBlock(
        households=Figure.model_validate(suppress(float(households), households)),
        changes=changes(rows),
    )


def _rows_by_organization(
    session: Session,
) -> tuple[dict[uuid.UUID, list[HouseholdProgress]], dict[uuid.UUID, int]]:
    rows: dict[uuid.UUID, list[HouseholdProgress]] = defaultdict(list)
    for progress, organization_id in session.exec(
        select(HouseholdProgress, Demonstration.organization_id).join(
            Demonstration, col(Demonstration.id) == HouseholdProgress.demonstration_id
        )
    ):
        rows[organization_id].append(progress)
    counts: dict[uuid.UUID, int] = defaultdict(int)
    for organization_id, count in session.exec(
        select(Demonstration.organization_id, func.count())
        .select_from(Household)
        .join(Demonstration, col(Demonstration.id) == Household.demonstration_id)
        .group_by(col(Demonstration.organization_id))
    ):
        counts[organization_id] = count
    return rows, counts


def for_platform(session: Session, actor: Principal) -> Measurement:
    if not actor.is_platform_admin:
        raise Forbidden("Only platform admins read measurement per organization.")
    rows, counts = _rows_by_organization(session)
    names = dict(session.exec(select(Organization.id, Organization.name)).all())
    organizations = [
        OrganizationMeasurement(
            organization_id=organization_id,
            organization_name=names[organization_id],
            **dict(_block(rows.get(organization_id, []), counts[organization_id])),
        )
        for organization_id in sorted(counts, key=lambda key: names[key])
    ]
    every = [row for group in rows.values() for row in group]
    return Measurement(
        minimum_households=progress_math.MIN_HOUSEHOLDS,
        total=_block(every, sum(counts.values())),
        organizations=organizations,
    )


def for_public(session: Session) -> PublicMeasurement:
    rows, counts = _rows_by_organization(session)
    every = [row for group in rows.values() for row in group]
    return PublicMeasurement(
        minimum_households=progress_math.MIN_HOUSEHOLDS,
        total=_block(every, sum(counts.values())),
    )
