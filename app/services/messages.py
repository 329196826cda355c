"""Liaison messages: every staff text to families goes through the rules module here.

An allowed message is stored and delivered (one delivery per recipient household). A blocked
one is not delivered: it is stored as a blocked attempt with its verdict, and the request
fails with a 422 `message-blocked` problem listing the reasons — the attempt is kept even
though the request fails, so the partner can coach the sender.

`screen_staff_text` is the same gate for staff text written anywhere else (e.g. the comment
of a survey or story review): "nowhere else to advise".

A message may point to a feed post (`practice_post_id`): phase II's "apprise families of
best practices of other families". The post must be one every recipient already sees in its
own feed and that none of them wrote; the text still goes through the rules module, as a
declared best-practice message, so phase I blocks it like any best-practice text.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.errors import Conflict, Forbidden, NotFound, Unprocessable
from app.models.base import utcnow
from app.models.demonstration import Demonstration, Phase
from app.models.friend_group import FriendGroup
from app.models.household import Household
from app.models.inbox import MessageDelivery
from app.models.message import (
    LiaisonMessage,
    LiaisonMessageCreate,
    LiaisonMessagePublic,
    LiaisonMessageReason,
    MessageCategory,
    MessageCheck,
    MessageIntent,
    MessageStatus,
    ReasonPublic,
    StaffTextChannel,
    VerdictPublic,
)
from app.models.practice import PracticePost
from app.models.user import Role
from app.services import demonstrations, practices, rules
from app.services.pagination import paginate
from app.services.principal import Principal

IntentT = TypeVar("IntentT", MessageIntent, MessageIntent | None)


class MessageBlocked(Unprocessable):
    """The rules module blocked the text; the attempt is recorded, nothing is delivered."""

    code = "message-blocked"
    title = "Blocked: staff may not advise families"
    keeps_changes = True  # the blocked attempt is the request's one write, and it must stay


class RecipientNotFound(NotFound):
    code = "recipient-not-found"


class ClientMessageIdReused(Conflict):
    code = "client-message-id-reused"
    title = "Id already used for another message"


class PracticePostNotFound(NotFound):
    """Unknown, deleted, hidden, another organization's, or not in every recipient's feed: one
    answer for all, so a reference cannot probe what exists elsewhere."""

    code = "practice-post-not-found"
    title = "No such practice post for these recipients"


class PracticePostOwn(Unprocessable):
    code = "practice-post-own"
    title = "The post is the recipient's own"


@dataclass(frozen=True)
class Recipient:
    """Who a text is for: one household, a friend group, or neither (e.g. a review comment)."""

    household_id: uuid.UUID | None = None
    friend_group_id: uuid.UUID | None = None


def evaluate(
    demonstration: Demonstration,
    text: str,
    *,
    intent: MessageIntent | None,
    language: str | None,
) -> rules.Verdict:
    """The rules module's verdict on `text` for the demonstration's current phase."""
    return rules.evaluate_liaison_message(
        rules.Phase(demonstration.phase.value),
        text,
        intent=rules.Intent(intent.value) if intent else None,
        language=language,
    )


def verdict_public(verdict: rules.Verdict) -> VerdictPublic:
    return VerdictPublic(
        allowed=verdict.allowed,
        category=MessageCategory(verdict.category.value),
        reasons=[
            ReasonPublic(
                rule_id=reason.rule_id,
                category=MessageCategory(reason.category.value),
                span=reason.span,
                start=reason.start,
                end=reason.end,
                explanation=reason.explanation,
            )
            for reason in verdict.reasons
        ],
        language=verdict.language,
        language_supported=verdict.language_supported,
        phase=Phase(verdict.phase.value),
        declared_intent=MessageIntent(verdict.declared_intent.value)
        if verdict.declared_intent
        else None,
    )


def staff_demonstration(
    session: Session, actor: Principal, demonstration_id: uuid.UUID
) -> Demonstration:
    """A demonstration the caller may write to families of: a partner admin of its
    organization, or a liaison assigned to it."""
    if actor.role not in (Role.PARTNER_ADMIN, Role.LIAISON):
        raise Forbidden("Only the partner's admins and liaisons write to families.")
    return demonstrations.get_demonstration(session, actor, demonstration_id)


def check_message(
    session: Session, actor: Principal, demonstration_id: uuid.UUID, data: MessageCheck
) -> VerdictPublic:
    """The dry run for warning while typing: the verdict, nothing recorded. A referenced post
    is checked against the recipients as a send would check it."""
    demonstration = staff_demonstration(session, actor, demonstration_id)
    recipient = Recipient(data.household_id, data.friend_group_id)
    if recipient != Recipient():
        households = _recipient_households(session, demonstration, recipient)
        if data.practice_post_id is not None:
            check_practice_reference(session, data.practice_post_id, households)
    intent = _effective_intent(data.intent, data.practice_post_id)
    return verdict_public(evaluate(demonstration, data.text, intent=intent, language=data.language))


def send_message(
    session: Session, actor: Principal, demonstration_id: uuid.UUID, data: LiaisonMessageCreate
) -> LiaisonMessage:
    demonstration = staff_demonstration(session, actor, demonstration_id)
    if data.client_message_id is not None:
        earlier = _by_client_id(session, actor, data.client_message_id)
        if earlier is not None:
            return _replay(session, earlier, demonstration, data)
    recipient = Recipient(data.household_id, data.friend_group_id)
    households = _recipient_households(session, demonstration, recipient)
    if data.practice_post_id is not None:
        check_practice_reference(session, data.practice_post_id, households)
    intent = _effective_intent(data.intent, data.practice_post_id)
    verdict = evaluate(demonstration, data.text, intent=intent, language=data.language)
    message = _new_attempt(
        actor,
        demonstration,
        verdict,
        channel=StaffTextChannel.MESSAGE,
        intent=intent,
        text=data.text,
        language=data.language,
        recipient=recipient,
        client_message_id=data.client_message_id,
        practice_post_id=data.practice_post_id,
    )
    try:
        with session.begin_nested():
            session.add(message)
    except IntegrityError:  # the same client id sent twice at the same moment
        if data.client_message_id is None:
            raise
        earlier = _by_client_id(session, actor, data.client_message_id)
        assert earlier is not None
        return _replay(session, earlier, demonstration, data)
    _store_reasons(session, message, verdict)
    if not verdict.allowed:
        raise blocked_error(message, verdict_public(verdict))
    now = message.created_at
    for household_id in households:
        session.add(
            MessageDelivery(message_id=message.id, household_id=household_id, delivered_at=now)
        )
    session.flush()
    return message


def check_practice_reference(
    session: Session, post_id: uuid.UUID, households: Sequence[uuid.UUID]
) -> None:
    """A post the message may point every recipient to, or `PracticePostNotFound` /
    `PracticePostOwn`. Telling a household about its own post is not news of another family."""
    author = session.exec(
        select(PracticePost.household_id).where(PracticePost.id == post_id, practices.live())
    ).first()
    # Only a recipient's own post gets this answer, and recipients are of the sender's own
    # demonstration: it tells nothing about posts elsewhere.
    if author is not None and author in households:
        raise PracticePostOwn(
            "The practice post was written by a household this message goes to; point them "
            "to another family's post.",
            practice_post_id=str(post_id),
            household_id=str(author),
        )
    if not households:
        raise PracticePostNotFound("No household receives this message to see the post.")
    for household_id in households:
        try:
            practices.visible_post_for(session, post_id, household_id)
        except practices.PostNotFound:
            raise PracticePostNotFound(
                "No such practice post in the feed of every household this message goes to.",
                practice_post_id=str(post_id),
            ) from None


def screen_staff_text(
    session: Session,
    demonstration: Demonstration,
    text: str,
    *,
    actor: Principal,
    intent: MessageIntent | None = MessageIntent.VERIFICATION,
    language: str | None = None,
    household_id: uuid.UUID | None = None,
    channel: StaffTextChannel = StaffTextChannel.REVIEW_COMMENT,
) -> VerdictPublic:
    """Gate any staff-to-family text outside messages (e.g. a review comment).

    Allowed: returns the verdict, records nothing. Blocked: undoes whatever the request wrote
    so far, records the blocked attempt and raises `MessageBlocked` (422 `message-blocked`),
    so a blocked comment never lands next to a half-made review. Call it with a demonstration
    the caller may see (e.g. from `demonstrations.get_demonstration`).
    """
    verdict = evaluate(demonstration, text, intent=intent, language=language)
    if verdict.allowed:
        return verdict_public(verdict)
    attempt = _new_attempt(
        actor,
        demonstration,
        verdict,
        channel=channel,
        intent=intent or MessageIntent.VERIFICATION,
        text=text,
        language=language,
        recipient=Recipient(household_id=household_id),
        client_message_id=None,
        practice_post_id=None,
    )
    session.rollback()
    session.add(attempt)
    session.flush()
    _store_reasons(session, attempt, verdict)
    raise blocked_error(attempt, verdict_public(verdict))


def blocked_error(message: LiaisonMessage, verdict: VerdictPublic) -> MessageBlocked:
    rules_fired = ", ".join(dict.fromkeys(reason.rule_id for reason in verdict.reasons))
    return MessageBlocked(
        "Not sent: the text reads as "
        + ("advice" if verdict.category is MessageCategory.ADVICE else "not allowed")
        + f" in phase {verdict.phase.value} ({rules_fired or 'no rule'}). It was not delivered.",
        blocked_message_id=str(message.id),
        verdict=verdict.model_dump(mode="json"),
    )


def list_messages(
    session: Session,
    actor: Principal,
    demonstration_id: uuid.UUID,
    *,
    household_id: uuid.UUID | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[LiaisonMessagePublic], str | None]:
    """Delivered messages of the demonstration, newest first, with how many households read them."""
    demonstration = staff_demonstration(session, actor, demonstration_id)
    statement = select(LiaisonMessage).where(
        LiaisonMessage.demonstration_id == demonstration.id,
        LiaisonMessage.status == MessageStatus.DELIVERED,
    )
    if household_id is not None:
        reached = select(MessageDelivery.message_id).where(
            MessageDelivery.household_id == household_id
        )
        statement = statement.where(col(LiaisonMessage.id).in_(reached))
    rows, next_cursor = paginate(
        session, statement, LiaisonMessage.created_at, LiaisonMessage.id, cursor=cursor, limit=limit
    )
    return describe(session, rows), next_cursor


def describe(session: Session, messages: Sequence[LiaisonMessage]) -> list[LiaisonMessagePublic]:
    ids = [message.id for message in messages]
    counts: dict[uuid.UUID, tuple[int, int]] = {}
    if ids:
        rows = session.exec(
            select(
                MessageDelivery.message_id,
                sa.func.count(),
                sa.func.count(col(MessageDelivery.read_at)),
            )
            .where(col(MessageDelivery.message_id).in_(ids))
            .group_by(col(MessageDelivery.message_id))
        ).all()
        counts = {message_id: (total, read) for message_id, total, read in rows}
    return [
        LiaisonMessagePublic.model_validate(
            message,
            update={
                "recipients": counts.get(message.id, (0, 0))[0],
                "read_by": counts.get(message.id, (0, 0))[1],
            },
        )
        for message in messages
    ]


def reasons_of(
    session: Session, message_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[ReasonPublic]]:
    found: dict[uuid.UUID, list[ReasonPublic]] = {message_id: [] for message_id in message_ids}
    if not message_ids:
        return found
    rows = session.exec(
        select(LiaisonMessageReason)
        .where(col(LiaisonMessageReason.message_id).in_(message_ids))
        .order_by(col(LiaisonMessageReason.message_id), col(LiaisonMessageReason.position))
    ).all()
    for row in rows:
        found[row.message_id].append(
            ReasonPublic(
                rule_id=row.rule_id,
                category=row.category,
                span=row.span,
                start=row.start_offset,
                end=row.end_offset,
                explanation=row.explanation,
            )
        )
    return found


def _by_client_id(
    session: Session, actor: Principal, client_message_id: uuid.UUID
) -> LiaisonMessage | None:
    return session.exec(
        select(LiaisonMessage).where(
            LiaisonMessage.sender_user_id == actor.user_id,
            LiaisonMessage.client_message_id == client_message_id,
        )
    ).first()


def _replay(
    session: Session,
    earlier: LiaisonMessage,
    demonstration: Demonstration,
    data: LiaisonMessageCreate,
) -> LiaisonMessage:
    """The same answer as the first time, or a 409 when the id came with another message."""
    same = (
        earlier.demonstration_id == demonstration.id
        and earlier.household_id == data.household_id
        and earlier.friend_group_id == data.friend_group_id
        and earlier.intent == _effective_intent(data.intent, data.practice_post_id)
        and earlier.text == data.text
        and earlier.language == data.language
        and earlier.practice_post_id == data.practice_post_id
    )
    if not same:
        raise ClientMessageIdReused(
            "This client_message_id was already used for a different message."
        )
    if earlier.status is MessageStatus.BLOCKED:
        raise blocked_error(earlier, _stored_verdict(session, earlier))
    return earlier


def _stored_verdict(session: Session, message: LiaisonMessage) -> VerdictPublic:
    return VerdictPublic(
        allowed=message.status is MessageStatus.DELIVERED,
        category=message.category,
        reasons=reasons_of(session, [message.id])[message.id],
        language=message.detected_language,
        language_supported=message.language_supported,
        phase=message.phase,
        declared_intent=message.intent,
    )


def _effective_intent(intent: IntentT, practice_post_id: uuid.UUID | None) -> IntentT:
    """Pointing to a feed post is sharing a best practice, whatever the sender declared; the
    declared intent can only make the rules stricter, so this never lets more through."""
    return MessageIntent.BEST_PRACTICE if practice_post_id is not None else intent


def _recipient_households(
    session: Session, demonstration: Demonstration, recipient: Recipient
) -> list[uuid.UUID]:
    """The households a message reaches; only those of the demonstration count."""
    if recipient.household_id is not None:
        households = session.exec(
            select(Household.id).where(
                Household.id == recipient.household_id,
                Household.demonstration_id == demonstration.id,
            )
        ).all()
        if not households:
            raise RecipientNotFound("No such household in this demonstration.")
        return list(households)
    group = session.exec(
        select(FriendGroup).where(
            FriendGroup.id == recipient.friend_group_id,
            FriendGroup.demonstration_id == demonstration.id,
        )
    ).first()
    if group is None:
        raise RecipientNotFound("No such friend group in this demonstration.")
    return list(
        session.exec(
            select(Household.id)
            .where(Household.friend_group_id == group.id)
            .order_by(col(Household.created_at), col(Household.id))
        ).all()
    )


def _new_attempt(
    actor: Principal,
    demonstration: Demonstration,
    verdict: rules.Verdict,
    *,
    channel: StaffTextChannel,
    intent: MessageIntent,
    text: str,
    language: str | None,
    recipient: Recipient,
    client_message_id: uuid.UUID | None,
    practice_post_id: uuid.UUID | None,
) -> LiaisonMessage:
    return LiaisonMessage(
        organization_id=demonstration.organization_id,
        demonstration_id=demonstration.id,
        sender_user_id=actor.user_id,
        household_id=recipient.household_id,
        friend_group_id=recipient.friend_group_id,
        channel=channel,
        intent=intent,
        text=text,
        language=language,
        detected_language=verdict.language[:35],
        language_supported=verdict.language_supported,
        phase=demonstration.phase,
        category=MessageCategory(verdict.category.value),
        status=MessageStatus.DELIVERED if verdict.allowed else MessageStatus.BLOCKED,
        client_message_id=client_message_id,
        practice_post_id=practice_post_id,
        created_at=utcnow(),
    )


def _store_reasons(session: Session, message: LiaisonMessage, verdict: rules.Verdict) -> None:
    for position, reason in enumerate(verdict.reasons):
        session.add(
            LiaisonMessageReason(
                message_id=message.id,
                position=position,
                rule_id=reason.rule_id[:80],
                category=MessageCategory(reason.category.value),
                span=reason.span[:1000],
                start_offset=reason.start,
                end_offset=reason.end,
                explanation=reason.explanation[:500],
            )
        )
    session.flush()
