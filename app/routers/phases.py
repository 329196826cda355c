"""A demonstration's phase, its history and the readiness signals for moving it."""

from fastapi import APIRouter, status

from app.deps import DEFAULT_LIMIT, DemonstrationId, PageCursor, PageLimit, PartnerStaff, SessionDep
from app.errors import problem_responses
from app.models.pagination import Page
from app.models.phase_change import PhaseChangeCreate, PhaseChangePublic
from app.models.readiness import ReadinessPublic
from app.services import phases, readiness

router = APIRouter(prefix="/v1/demonstrations", tags=["phases"])


@router.post(
    "/{demonstration_id}/phase",
    status_code=status.HTTP_201_CREATED,
    summary="Move a demonstration to phase I or II, giving a reason (partner admin)",
    operation_id="phase_change",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def change_phase(
    demonstration_id: DemonstrationId,
    body: PhaseChangeCreate,
    actor: PartnerStaff,
    session: SessionDep,
) -> PhaseChangePublic:
    change = phases.change_phase(session, actor, demonstration_id, body)
    return PhaseChangePublic.model_validate(change)


@router.get(
    "/{demonstration_id}/phase-history",
    summary="Every phase change of a demonstration, newest first",
    operation_id="phase_history",
    responses=problem_responses(401, 403, 404, 422),
)
def phase_history(
    demonstration_id: DemonstrationId,
    actor: PartnerStaff,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[PhaseChangePublic]:
    rows, next_cursor = phases.phase_history(
        session, actor, demonstration_id, cursor=cursor, limit=limit
    )
    return Page(
        items=[PhaseChangePublic.model_validate(row) for row in rows], next_cursor=next_cursor
    )


@router.get(
    "/{demonstration_id}/readiness",
    summary="Signals that inform moving to phase II (they never move it by themselves)",
    operation_id="phase_readiness",
    responses=problem_responses(401, 403, 404, 422),
)
def read_readiness(
    demonstration_id: DemonstrationId, actor: PartnerStaff, session: SessionDep
) -> ReadinessPublic:
    return readiness.readiness(session, actor, demonstration_id)
