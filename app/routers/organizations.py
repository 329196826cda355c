import uuid
from typing import Annotated

from fastapi import APIRouter, Path, status

from app.deps import (
    DEFAULT_LIMIT,
    AnyStaff,
    OrgAdmin,
    OrganizationId,
    PageCursor,
    PageLimit,
    PlatformAdmin,
    SessionDep,
)
from app.errors import problem_responses
from app.models.organization import OrganizationCreate, OrganizationPublic, OrganizationUpdate
from app.models.pagination import Page
from app.models.user import StaffCreate, StaffPublic, StaffUpdate
from app.services import organizations

router = APIRouter(prefix="/v1/organizations", tags=["organizations"])

StaffId = Annotated[uuid.UUID, Path(description="The staff member's user id.")]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Create a partner organization",
    operation_id="organizations_create",
    responses=problem_responses(401, 403, 422),
)
def create_organization(
    body: OrganizationCreate, actor: PlatformAdmin, session: SessionDep
) -> OrganizationPublic:
    organization = organizations.create_organization(session, actor, body)
    return OrganizationPublic.model_validate(organization)


@router.get(
    "",
    summary="List organizations (staff see only their own)",
    operation_id="organizations_list",
    responses=problem_responses(401, 403, 422),
)
def list_organizations(
    actor: AnyStaff,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[OrganizationPublic]:
    rows, next_cursor = organizations.list_organizations(session, actor, cursor=cursor, limit=limit)
    return Page(
        items=[OrganizationPublic.model_validate(row) for row in rows], next_cursor=next_cursor
    )


@router.get(
    "/{organization_id}",
    summary="Read an organization",
    operation_id="organizations_read",
    responses=problem_responses(401, 403, 404, 422),
)
def read_organization(
    organization_id: OrganizationId, actor: AnyStaff, session: SessionDep
) -> OrganizationPublic:
    organization = organizations.get_organization(session, actor, organization_id)
    return OrganizationPublic.model_validate(organization)


@router.patch(
    "/{organization_id}",
    summary="Update an organization's name, country or region",
    operation_id="organizations_update",
    responses=problem_responses(401, 403, 404, 422),
)
def update_organization(
    organization_id: OrganizationId, body: OrganizationUpdate, actor: OrgAdmin, session: SessionDep
) -> OrganizationPublic:
    organization = organizations.update_organization(session, actor, organization_id, body)
    return OrganizationPublic.model_validate(organization)


@router.post(
    "/{organization_id}/staff",
    status_code=status.HTTP_201_CREATED,
    summary="Add a partner admin or liaison to an organization",
    operation_id="staff_create",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def add_staff(
    organization_id: OrganizationId, body: StaffCreate, actor: OrgAdmin, session: SessionDep
) -> StaffPublic:
    return StaffPublic.model_validate(
        organizations.add_staff(session, actor, organization_id, body)
    )


@router.get(
    "/{organization_id}/staff",
    summary="List an organization's staff",
    operation_id="staff_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_staff(
    organization_id: OrganizationId,
    actor: AnyStaff,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[StaffPublic]:
    rows, next_cursor = organizations.list_staff(
        session, actor, organization_id, cursor=cursor, limit=limit
    )
    return Page(items=[StaffPublic.model_validate(row) for row in rows], next_cursor=next_cursor)


@router.patch(
    "/{organization_id}/staff/{user_id}",
    summary="Rename, change the role of, or deactivate a staff member",
    operation_id="staff_update",
    responses=problem_responses(401, 403, 404, 422),
)
def update_staff(
    organization_id: OrganizationId,
    user_id: StaffId,
    body: StaffUpdate,
    actor: OrgAdmin,
    session: SessionDep,
) -> StaffPublic:
    user = organizations.update_staff(session, actor, organization_id, user_id, body)
    return StaffPublic.model_validate(user)
