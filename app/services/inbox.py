"""A household's inbox: delivered messages, read state, and replies to staff.

A family sees only its own household's deliveries. Replies go from the family to staff and
are not filtered: the rules bind what staff say, not what families say.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.errors import Conflict, NotFound
from app.models.base import utcnow
from app.models.inbox import (
    InboxItem,
    MessageDelivery,
    MessageReply,
    ReplyCreate,
    ReplyPublic,
)
from app.models.message import LiaisonMessage
from app.models.user import User
from app.services import messages
from app.services.pagination import paginate
from app.services.principal import Principal


class DeliveryNotFound(NotFound):
    code = "delivery-not-found"


class ClientReplyIdReused(Conflict):
    code = "client-reply-id-reused"
    title = "Id already used for another reply"


def _own(actor: Principal) -> sa.ColumnElement[bool]:
    """The condition on `MessageDelivery` that keeps the caller's household's deliveries."""
    if actor.household_id is None:
        return sa.false()
    return col(MessageDelivery.household_id) == actor.household_id


def list_inbox(
    session: Session, actor: Principal, *, cursor: str | None, limit: int
) -> tuple[list[InboxItem], str | None, int]:
    """Newest first, with the count of unread messages in the whole inbox."""
    rows, next_cursor = paginate(
        session,
        select(MessageDelivery).where(_own(actor)),
        MessageDelivery.delivered_at,
        MessageDelivery.id,
        cursor=cursor,
        limit=limit,
    )
    unread = session.exec(
        select(sa.func.count())
        .select_from(MessageDelivery)
        .where(_own(actor), col(MessageDelivery.read_at).is_(None))
    ).one()
    return describe(session, rows), next_cursor, unread


def mark_read(session: Session, actor: Principal, delivery_id: uuid.UUID) -> InboxItem:
    """Idempotent: the first read time is kept."""
    delivery = _delivery(session, actor, delivery_id)
    if delivery.read_at is None:
        delivery.read_at = utcnow()
        session.add(delivery)
        session.flush()
    return describe(session, [delivery])[0]


def reply(
    session: Session, actor: Principal, delivery_id: uuid.UUID, data: ReplyCreate
) -> ReplyPublic:
    delivery = _delivery(session, actor, delivery_id)
    if data.client_reply_id is not None:
        earlier = _by_client_id(session, actor, data.client_reply_id)
        if earlier is not None:
            return _replay(earlier, delivery, data)
    answer = MessageReply(
        delivery_id=delivery.id,
        household_id=delivery.household_id,
        author_user_id=actor.user_id,
        text=data.text,
        client_reply_id=data.client_reply_id,
        created_at=utcnow(),
    )
    try:
        with session.begin_nested():
            session.add(answer)
    except IntegrityError:  # the same client id sent twice at the same moment
        if data.client_reply_id is None:
            raise
        earlier = _by_client_id(session, actor, data.client_reply_id)
        assert earlier is not None
        return _replay(earlier, delivery, data)
    if delivery.read_at is None:  # answering a message reads it
        delivery.read_at = answer.created_at
        session.add(delivery)
    session.flush()
    return _public(answer, delivery.message_id)


def list_replies(
    session: Session,
    actor: Principal,
    demonstration_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[ReplyPublic], str | None]:
    """Replies of the demonstration's families, newest first, for its staff."""
    demonstration = messages.staff_demonstration(session, actor, demonstration_id)
    statement = (
        select(MessageReply)
        .join(MessageDelivery, col(MessageDelivery.id) == MessageReply.delivery_id)
        .join(LiaisonMessage, col(LiaisonMessage.id) == MessageDelivery.message_id)
        .where(LiaisonMessage.demonstration_id == demonstration.id)
    )
    rows, next_cursor = paginate(
        session, statement, MessageReply.created_at, MessageReply.id, cursor=cursor, limit=limit
    )
    message_ids = dict(
        session.exec(
            select(MessageDelivery.id, MessageDelivery.message_id).where(
                col(MessageDelivery.id).in_({row.delivery_id for row in rows})
            )
        ).all()
    )
    return [_public(row, message_ids[row.delivery_id]) for row in rows], next_cursor


def describe(session: Session, deliveries: Sequence[MessageDelivery]) -> list[InboxItem]:
    ids = {delivery.message_id for delivery in deliveries}
    found = session.exec(
        select(LiaisonMessage, User.full_name)
        .join(User, col(User.id) == LiaisonMessage.sender_user_id)
        .where(col(LiaisonMessage.id).in_(ids))
    ).all()
    by_id = {message.id: (message, name) for message, name in found}
    items = []
    for delivery in deliveries:
        message, sender_name = by_id[delivery.message_id]
        items.append(
            InboxItem(
                delivery_id=delivery.id,
                message_id=message.id,
                sender_user_id=message.sender_user_id,
                sender_name=sender_name,
                intent=message.intent,
                text=message.text,
                practice_post_id=message.practice_post_id,
                delivered_at=delivery.delivered_at,
                read_at=delivery.read_at,
            )
        )
    return items


def _delivery(session: Session, actor: Principal, delivery_id: uuid.UUID) -> MessageDelivery:
    delivery = session.exec(
        select(MessageDelivery).where(MessageDelivery.id == delivery_id, _own(actor))
    ).first()
    if delivery is None:
        raise DeliveryNotFound("No such message in your inbox.")
    return delivery


def _by_client_id(
    session: Session, actor: Principal, client_reply_id: uuid.UUID
) -> MessageReply | None:
    return session.exec(
        select(MessageReply).where(
            MessageReply.author_user_id == actor.user_id,
            MessageReply.client_reply_id == client_reply_id,
        )
    ).first()


def _replay(earlier: MessageReply, delivery: MessageDelivery, data: ReplyCreate) -> ReplyPublic:
    if earlier.delivery_id != delivery.id or earlier.text != data.text:
        raise ClientReplyIdReused("This client_reply_id was already used for a different reply.")
    return _public(earlier, delivery.message_id)


def _public(answer: MessageReply, message_id: uuid.UUID) -> ReplyPublic:
    return ReplyPublic.model_validate(answer, update={"message_id": message_id})
