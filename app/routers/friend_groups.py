from fastapi import APIRouter

from app.deps import (
    DEFAULT_LIMIT,
    AnyStaff,
    CurrentPrincipal,
    DemonstrationId,
    FriendGroupId,
    PageCursor,
    PageLimit,
    SessionDep,
)
from app.errors import problem_responses
from app.models.friend_group import FriendGroupPublic
from app.models.household import GroupHouseholdPublic
from app.models.pagination import Page
from app.services import friend_groups

router = APIRouter(tags=["friend groups"])


@router.get(
    "/v1/demonstrations/{demonstration_id}/friend-groups",
    summary="List a demonstration's friend groups with their sizes",
    operation_id="friend_groups_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_groups(
    demonstration_id: DemonstrationId,
    actor: AnyStaff,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[FriendGroupPublic]:
    items, next_cursor = friend_groups.list_groups(
        session, actor, demonstration_id, cursor=cursor, limit=limit
    )
    return Page(items=items, next_cursor=next_cursor)


@router.get(
    "/v1/friend-groups/{friend_group_id}",
    summary="Read a friend group (a family: its own)",
    operation_id="friend_groups_read",
    responses=problem_responses(401, 404, 422),
)
def read_group(
    friend_group_id: FriendGroupId, actor: CurrentPrincipal, session: SessionDep
) -> FriendGroupPublic:
    return friend_groups.read_group(session, actor, friend_group_id)


@router.get(
    "/v1/friend-groups/{friend_group_id}/households",
    summary="The group's households: labels and what each chose to share, never phones",
    operation_id="friend_groups_households",
    responses=problem_responses(401, 404, 422),
)
def group_households(
    friend_group_id: FriendGroupId, actor: CurrentPrincipal, session: SessionDep
) -> list[GroupHouseholdPublic]:
    return friend_groups.group_households(session, actor, friend_group_id)
