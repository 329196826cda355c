"""Liaison messages: the dry-run check, sending, the sent list, families' replies, and the
blocked attempts partner admins coach from."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, status

from app.deps import (
    DEFAULT_LIMIT,
    DemonstrationId,
    OrganizationId,
    PageCursor,
    PageLimit,
    PartnerStaff,
    SessionDep,
)
from app.errors import PROBLEM_MEDIA_TYPE, Problem, problem_responses
from app.models.inbox import ReplyPublic
from app.models.message import (
    BlockedMessagePublic,
    BlockedSummary,
    LiaisonMessageCreate,
    LiaisonMessagePublic,
    MessageCheck,
    RuleId,
    VerdictPublic,
)
from app.models.pagination import Page
from app.services import blocked_messages, inbox, messages
from app.services.blocked_messages import BlockedFilters

router = APIRouter(tags=["messages"])


class MessageBlockedProblem(Problem):
    """A 422: invalid input (`validation-error`), a text the rules blocked (`message-blocked`,
    with the verdict and the id of the recorded attempt), or a `practice_post_id` written by a
    recipient (`practice-post-own`)."""

    verdict: VerdictPublic | None = None
    blocked_message_id: uuid.UUID | None = None


_BLOCKED: dict[int | str, dict[str, Any]] = {
    422: {
        "model": MessageBlockedProblem,
        "description": "Invalid input, blocked by the rules module (code `message-blocked`), "
        "or a post written by a recipient (code `practice-post-own`)",
        "content": {PROBLEM_MEDIA_TYPE: {}},
    }
}

_REFERENCE: dict[int | str, dict[str, Any]] = {
    422: {
        "model": Problem,
        "description": "Invalid input, or a post written by a recipient (code `practice-post-own`)",
        "content": {PROBLEM_MEDIA_TYPE: {}},
    }
}

LiaisonFilter = Annotated[uuid.UUID | None, Query(description="Only this sender's attempts.")]
RuleFilter = Annotated[RuleId | None, Query(description="Only attempts in which this rule fired.")]
DemonstrationFilter = Annotated[uuid.UUID | None, Query(description="Only this demonstration.")]
HouseholdFilter = Annotated[uuid.UUID | None, Query(description="Only messages it received.")]


def blocked_filters(
    liaison_id: LiaisonFilter = None,
    rule_id: RuleFilter = None,
    demonstration_id: DemonstrationFilter = None,
) -> BlockedFilters:
    return BlockedFilters(liaison_id, rule_id, demonstration_id)


Filters = Annotated[BlockedFilters, Depends(blocked_filters)]


@router.post(
    "/v1/demonstrations/{demonstration_id}/messages/check",
    summary="Check a draft against the rules without sending or recording it",
    operation_id="messages_check",
    responses={**problem_responses(401, 403, 404), **_REFERENCE},
)
def check_message(
    demonstration_id: DemonstrationId, body: MessageCheck, actor: PartnerStaff, session: SessionDep
) -> VerdictPublic:
    return messages.check_message(session, actor, demonstration_id, body)


@router.post(
    "/v1/demonstrations/{demonstration_id}/messages",
    status_code=status.HTTP_201_CREATED,
    summary="Send a message to a household or a friend group, through the rules module",
    operation_id="messages_send",
    responses={**problem_responses(401, 403, 404, 409), **_BLOCKED},
)
def send_message(
    demonstration_id: DemonstrationId,
    body: LiaisonMessageCreate,
    actor: PartnerStaff,
    session: SessionDep,
) -> LiaisonMessagePublic:
    message = messages.send_message(session, actor, demonstration_id, body)
    return messages.describe(session, [message])[0]


@router.get(
    "/v1/demonstrations/{demonstration_id}/messages",
    summary="Messages delivered in a demonstration, newest first, with read counts",
    operation_id="messages_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_messages(
    demonstration_id: DemonstrationId,
    actor: PartnerStaff,
    session: SessionDep,
    household_id: HouseholdFilter = None,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[LiaisonMessagePublic]:
    items, next_cursor = messages.list_messages(
        session, actor, demonstration_id, household_id=household_id, cursor=cursor, limit=limit
    )
    return Page(items=items, next_cursor=next_cursor)


@router.get(
    "/v1/demonstrations/{demonstration_id}/replies",
    summary="Families' replies to messages of a demonstration, newest first",
    operation_id="messages_replies_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_replies(
    demonstration_id: DemonstrationId,
    actor: PartnerStaff,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[ReplyPublic]:
    items, next_cursor = inbox.list_replies(
        session, actor, demonstration_id, cursor=cursor, limit=limit
    )
    return Page(items=items, next_cursor=next_cursor)


@router.get(
    "/v1/organizations/{organization_id}/blocked-messages",
    summary="Blocked attempts of the organization's staff, newest first (partner admin)",
    operation_id="blocked_messages_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_blocked(
    organization_id: OrganizationId,
    actor: PartnerStaff,
    session: SessionDep,
    filters: Filters,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[BlockedMessagePublic]:
    items, next_cursor = blocked_messages.list_blocked(
        session, actor, organization_id, filters, cursor=cursor, limit=limit
    )
    return Page(items=items, next_cursor=next_cursor)


@router.get(
    "/v1/organizations/{organization_id}/blocked-messages/summary",
    summary="Blocked attempts counted per sender and per rule, to coach staff (partner admin)",
    operation_id="blocked_messages_summary",
    responses=problem_responses(401, 403, 404, 422),
)
def summarize_blocked(
    organization_id: OrganizationId, actor: PartnerStaff, session: SessionDep, filters: Filters
) -> BlockedSummary:
    return blocked_messages.summarize(session, actor, organization_id, filters)
