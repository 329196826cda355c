"""Shared measurement: per organization for platform admins, totals for the public."""

from fastapi import APIRouter

from app.deps import PlatformAdmin, SessionDep
from app.errors import problem_responses
from app.models.progress import Measurement, PublicMeasurement
from app.services import measurement

router = APIRouter(prefix="/v1", tags=["measurement"])


@router.get(
    "/measurement",
    summary="Core indicators per partner organization and in total (small cells suppressed)",
    operation_id="measurement_read",
    responses=problem_responses(401, 403),
)
def read_measurement(actor: PlatformAdmin, session: SessionDep) -> Measurement:
    return measurement.for_platform(session, actor)


@router.get(
    "/public/measurement",
    summary="Core indicators across all partners, totals only (small cells suppressed)",
    operation_id="public_measurement_read",
)
def read_public_measurement(session: SessionDep) -> PublicMeasurement:
    return measurement.for_public(session)
