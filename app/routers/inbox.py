"""A family's inbox: the messages its household received, read state, and replies."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, status

from app.deps import DEFAULT_LIMIT, Family, PageCursor, PageLimit, SessionDep
from app.errors import problem_responses
from app.models.inbox import InboxItem, InboxPage, ReplyCreate, ReplyPublic
from app.services import inbox

router = APIRouter(prefix="/v1/me/inbox", tags=["inbox"])

DeliveryId = Annotated[uuid.UUID, Path(description="The `delivery_id` of an inbox item.")]


@router.get(
    "",
    summary="My household's messages, newest first, with the unread count",
    operation_id="inbox_list",
    responses=problem_responses(401, 403, 422),
)
def list_inbox(
    actor: Family,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> InboxPage:
    items, next_cursor, unread = inbox.list_inbox(session, actor, cursor=cursor, limit=limit)
    return InboxPage(items=items, next_cursor=next_cursor, unread_count=unread)


@router.post(
    "/{delivery_id}/read",
    summary="Mark a message of my household as read",
    operation_id="inbox_mark_read",
    responses=problem_responses(401, 403, 404, 422),
)
def mark_read(delivery_id: DeliveryId, actor: Family, session: SessionDep) -> InboxItem:
    return inbox.mark_read(session, actor, delivery_id)


@router.post(
    "/{delivery_id}/reply",
    status_code=status.HTTP_201_CREATED,
    summary="Reply to the staff member who sent a message",
    operation_id="inbox_reply",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def reply(
    delivery_id: DeliveryId, body: ReplyCreate, actor: Family, session: SessionDep
) -> ReplyPublic:
    return inbox.reply(session, actor, delivery_id, body)
