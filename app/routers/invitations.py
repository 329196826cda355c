from fastapi import APIRouter, status

from app.deps import (
    DEFAULT_LIMIT,
    ClockDep,
    CurrentPrincipal,
    Family,
    FriendGroupId,
    InvitationId,
    PageCursor,
    PageLimit,
    SessionDep,
)
from app.errors import problem_responses
from app.models.household import HouseholdPublic
from app.models.invitation import (
    InvitationCreate,
    InvitationIssued,
    InvitationPublic,
    InvitationRedeem,
)
from app.models.pagination import Page
from app.services import households, invitations

router = APIRouter(tags=["invitations"])


@router.post(
    "/v1/friend-groups/{friend_group_id}/invitations",
    status_code=status.HTTP_201_CREATED,
    summary="Issue an invitation code for a friend household (seed household only)",
    description="The code is in this answer only; only a keyed hash of it is kept.",
    operation_id="invitations_issue",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def issue_invitation(
    friend_group_id: FriendGroupId,
    body: InvitationCreate,
    actor: Family,
    session: SessionDep,
    clock: ClockDep,
) -> InvitationIssued:
    invitation, code = invitations.issue(session, actor, clock, friend_group_id, body)
    public = invitations.describe(invitation, clock.now)
    return InvitationIssued(**public.model_dump(), code=code)


@router.get(
    "/v1/friend-groups/{friend_group_id}/invitations",
    summary="List a group's invitations, without their codes",
    operation_id="invitations_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_invitations(
    friend_group_id: FriendGroupId,
    actor: CurrentPrincipal,
    session: SessionDep,
    clock: ClockDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[InvitationPublic]:
    rows, next_cursor = invitations.list_invitations(
        session, actor, friend_group_id, cursor=cursor, limit=limit
    )
    return Page(
        items=[invitations.describe(row, clock.now) for row in rows], next_cursor=next_cursor
    )


@router.post(
    "/v1/friend-groups/{friend_group_id}/invitations/{invitation_id}/revoke",
    summary="Revoke an unused invitation; its code stops working at once",
    operation_id="invitations_revoke",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def revoke_invitation(
    friend_group_id: FriendGroupId,
    invitation_id: InvitationId,
    actor: Family,
    session: SessionDep,
    clock: ClockDep,
) -> InvitationPublic:
    invitation = invitations.revoke(session, actor, clock, friend_group_id, invitation_id)
    return invitations.describe(invitation, clock.now)


@router.post(
    "/v1/invitations/redeem",
    status_code=status.HTTP_201_CREATED,
    summary="Join a friend group with an invitation code: creates my household",
    description="For a signed-in family member who belongs to no household yet. "
    "`program_data_consent` must be true.",
    operation_id="invitations_redeem",
    responses=problem_responses(401, 403, 404, 409, 410, 422, 429),
)
def redeem_invitation(
    body: InvitationRedeem, actor: Family, session: SessionDep, clock: ClockDep
) -> HouseholdPublic:
    household = invitations.redeem(session, actor, clock, body)
    return households.describe(session, [household], for_staff=False)[0]
