import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from app.deps import (
    DEFAULT_LIMIT,
    AnyStaff,
    CurrentPrincipal,
    DemonstrationId,
    Family,
    HouseholdId,
    MemberId,
    PageCursor,
    PageLimit,
    SessionDep,
    SettingsDep,
)
from app.errors import problem_responses
from app.models.base import VISIBLE
from app.models.household import (
    AdultCreate,
    AdultPublic,
    HouseholdPublic,
    HouseholdUpdate,
    MemberCreate,
    MemberPublic,
    MemberUpdate,
    NetworkKind,
    SeedEnrolment,
)
from app.models.language import LANGUAGE_TAG_PATTERN
from app.models.pagination import Page
from app.services import households, members

router = APIRouter(tags=["households"])


@router.post(
    "/v1/demonstrations/{demonstration_id}/seeds",
    status_code=status.HTTP_201_CREATED,
    summary="Enrol a seed household: its friend group and its primary member's account",
    description="The member then signs in with the phone and a one-time code.",
    operation_id="seeds_enrol",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def enrol_seed(
    demonstration_id: DemonstrationId,
    body: SeedEnrolment,
    actor: AnyStaff,
    session: SessionDep,
    settings: SettingsDep,
) -> HouseholdPublic:
    household = households.enrol_seed(
        session, actor, demonstration_id, body, default_region=settings.default_phone_region
    )
    return households.describe(session, [household], for_staff=True)[0]


@router.get(
    "/v1/demonstrations/{demonstration_id}/households",
    summary="List a demonstration's households, with filters",
    operation_id="households_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_households(
    demonstration_id: DemonstrationId,
    actor: AnyStaff,
    session: SessionDep,
    friend_group_id: Annotated[uuid.UUID | None, Query(description="Only this group.")] = None,
    language: Annotated[
        str | None,
        Query(max_length=35, pattern=LANGUAGE_TAG_PATTERN, description="Preferred language."),
    ] = None,
    tag: Annotated[
        str | None,
        Query(max_length=80, pattern=VISIBLE, description="A network tag, any case."),
    ] = None,
    tag_kind: Annotated[NetworkKind | None, Query(description="A kind of network.")] = None,
    seeds_only: Annotated[bool, Query(description="Only seed households.")] = False,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[HouseholdPublic]:
    filters = households.HouseholdFilters(
        friend_group_id=friend_group_id,
        language=language,
        tag=tag,
        tag_kind=tag_kind,
        seeds_only=seeds_only,
    )
    rows, next_cursor = households.list_households(
        session, actor, demonstration_id, filters, cursor=cursor, limit=limit
    )
    return Page(items=households.describe(session, rows, for_staff=True), next_cursor=next_cursor)


@router.get(
    "/v1/households/{household_id}",
    summary="Read a household (a family: its own; staff: of their demonstrations)",
    operation_id="households_read",
    responses=problem_responses(401, 404, 422),
)
def read_household(
    household_id: HouseholdId, actor: CurrentPrincipal, session: SessionDep
) -> HouseholdPublic:
    household = households.get_household(session, actor, household_id)
    return households.describe(session, [household], for_staff=household.id != actor.household_id)[
        0
    ]


@router.patch(
    "/v1/households/{household_id}",
    summary="Update my household: label, language, network tags, counts, what the group sees",
    operation_id="households_update",
    responses=problem_responses(401, 403, 404, 422),
)
def update_household(
    household_id: HouseholdId, body: HouseholdUpdate, actor: Family, session: SessionDep
) -> HouseholdPublic:
    household = households.update_household(session, actor, household_id, body)
    return households.describe(session, [household], for_staff=False)[0]


@router.post(
    "/v1/households/{household_id}/adults",
    status_code=status.HTTP_201_CREATED,
    summary="Add a second adult's phone, so they can sign in for the household too",
    operation_id="households_add_adult",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def add_adult(
    household_id: HouseholdId,
    body: AdultCreate,
    actor: Family,
    session: SessionDep,
    settings: SettingsDep,
) -> AdultPublic:
    user = households.add_adult(
        session, actor, household_id, body, default_region=settings.default_phone_region
    )
    return AdultPublic(user_id=user.id, phone=user.phone or "", full_name=user.full_name)


@router.get(
    "/v1/households/{household_id}/members",
    summary="List a household's members",
    operation_id="members_list",
    responses=problem_responses(401, 404, 422),
)
def list_members(
    household_id: HouseholdId, actor: CurrentPrincipal, session: SessionDep
) -> list[MemberPublic]:
    rows = members.list_members(session, actor, household_id)
    return [MemberPublic.model_validate(row) for row in rows]


@router.post(
    "/v1/households/{household_id}/members",
    status_code=status.HTTP_201_CREATED,
    summary="Add a member to my household",
    operation_id="members_create",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def add_member(
    household_id: HouseholdId, body: MemberCreate, actor: Family, session: SessionDep
) -> MemberPublic:
    return MemberPublic.model_validate(members.add_member(session, actor, household_id, body))


@router.patch(
    "/v1/households/{household_id}/members/{member_id}",
    summary="Change a member of my household",
    operation_id="members_update",
    responses=problem_responses(401, 403, 404, 422),
)
def update_member(
    household_id: HouseholdId,
    member_id: MemberId,
    body: MemberUpdate,
    actor: Family,
    session: SessionDep,
) -> MemberPublic:
    member = members.update_member(session, actor, household_id, member_id, body)
    return MemberPublic.model_validate(member)


@router.delete(
    "/v1/households/{household_id}/members/{member_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Remove a member from my household",
    operation_id="members_delete",
    responses=problem_responses(401, 403, 404, 422),
)
def remove_member(
    household_id: HouseholdId, member_id: MemberId, actor: Family, session: SessionDep
) -> None:
    members.remove_member(session, actor, household_id, member_id)
