from fastapi import APIRouter, status

from app.deps import (
    DEFAULT_LIMIT,
    AnyStaff,
    ClockDep,
    DemonstrationId,
    OrgAdmin,
    OrganizationId,
    PageCursor,
    PageLimit,
    SessionDep,
    UserId,
)
from app.errors import problem_responses
from app.models.demonstration import DemonstrationCreate, DemonstrationPublic, DemonstrationUpdate
from app.models.diversity import DiversityReport
from app.models.pagination import Page
from app.models.user import StaffPublic
from app.services import demonstrations, diversity

router = APIRouter(tags=["demonstrations"])


@router.post(
    "/v1/organizations/{organization_id}/demonstrations",
    status_code=status.HTTP_201_CREATED,
    summary="Start a demonstration (it begins in phase I)",
    operation_id="demonstrations_create",
    responses=problem_responses(401, 403, 404, 422),
)
def create_demonstration(
    organization_id: OrganizationId,
    body: DemonstrationCreate,
    actor: OrgAdmin,
    session: SessionDep,
) -> DemonstrationPublic:
    demonstration = demonstrations.create_demonstration(session, actor, organization_id, body)
    return DemonstrationPublic.model_validate(demonstration)


@router.get(
    "/v1/organizations/{organization_id}/demonstrations",
    summary="List an organization's demonstrations (liaisons: those assigned to them)",
    operation_id="demonstrations_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_demonstrations(
    organization_id: OrganizationId,
    actor: AnyStaff,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[DemonstrationPublic]:
    rows, next_cursor = demonstrations.list_demonstrations(
        session, actor, organization_id, cursor=cursor, limit=limit
    )
    return Page(
        items=[DemonstrationPublic.model_validate(row) for row in rows], next_cursor=next_cursor
    )


@router.get(
    "/v1/demonstrations/{demonstration_id}",
    summary="Read a demonstration",
    operation_id="demonstrations_read",
    responses=problem_responses(401, 403, 404, 422),
)
def read_demonstration(
    demonstration_id: DemonstrationId, actor: AnyStaff, session: SessionDep
) -> DemonstrationPublic:
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    return DemonstrationPublic.model_validate(demonstration)


@router.patch(
    "/v1/demonstrations/{demonstration_id}",
    summary="Update a demonstration's name, area, languages, stipend, limit or start date",
    operation_id="demonstrations_update",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def update_demonstration(
    demonstration_id: DemonstrationId,
    body: DemonstrationUpdate,
    actor: OrgAdmin,
    session: SessionDep,
) -> DemonstrationPublic:
    demonstration = demonstrations.update_demonstration(session, actor, demonstration_id, body)
    return DemonstrationPublic.model_validate(demonstration)


@router.get(
    "/v1/demonstrations/{demonstration_id}/liaisons",
    summary="List the liaisons assigned to a demonstration",
    operation_id="demonstration_liaisons_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_liaisons(
    demonstration_id: DemonstrationId, actor: AnyStaff, session: SessionDep
) -> list[StaffPublic]:
    liaisons = demonstrations.list_liaisons(session, actor, demonstration_id)
    return [StaffPublic.model_validate(liaison) for liaison in liaisons]


@router.put(
    "/v1/demonstrations/{demonstration_id}/liaisons/{user_id}",
    summary="Assign a liaison of the organization to a demonstration",
    operation_id="demonstration_liaisons_assign",
    responses=problem_responses(401, 403, 404, 422),
)
def assign_liaison(
    demonstration_id: DemonstrationId, user_id: UserId, actor: OrgAdmin, session: SessionDep
) -> StaffPublic:
    liaison = demonstrations.assign_liaison(session, actor, demonstration_id, user_id)
    return StaffPublic.model_validate(liaison)


@router.delete(
    "/v1/demonstrations/{demonstration_id}/liaisons/{user_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Unassign a liaison: they stop seeing the demonstration at once",
    operation_id="demonstration_liaisons_unassign",
    responses=problem_responses(401, 403, 404, 422),
)
def unassign_liaison(
    demonstration_id: DemonstrationId, user_id: UserId, actor: OrgAdmin, session: SessionDep
) -> None:
    demonstrations.unassign_liaison(session, actor, demonstration_id, user_id)


@router.get(
    "/v1/demonstrations/{demonstration_id}/diversity",
    summary="Diversity report: the seeds' networks, group sizes, invitations",
    operation_id="demonstrations_diversity_report",
    responses=problem_responses(401, 403, 404, 422),
)
def diversity_report(
    demonstration_id: DemonstrationId, actor: AnyStaff, session: SessionDep, clock: ClockDep
) -> DiversityReport:
    return diversity.report(session, actor, demonstration_id, clock.now)
