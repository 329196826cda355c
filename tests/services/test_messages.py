"""Properties of sending through the rules module, at the service level (no HTTP)."""

import json
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given, reject, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from sqlalchemy import Connection
from sqlmodel import Session, select

from app.config import Settings
from app.db import session_scope
from app.models.audit import AuditEntry
from app.models.demonstration import Demonstration, Phase
from app.models.inbox import MessageDelivery
from app.models.message import (
    LiaisonMessage,
    LiaisonMessageCreate,
    MessageCategory,
    MessageIntent,
    MessageStatus,
    StaffTextChannel,
)
from app.services import audit, messages
from app.services.messages import MessageBlocked
from app.services.principal import Principal
from tests.api.program_world import World, make_world
from tests.factories import Actors

DEV_SET = Path(__file__).resolve().parents[1] / "data" / "liaison_messages_dev.jsonl"
DEV_TEXTS = [
    json.loads(line)["text"] for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line
]

texts = st.sampled_from(DEV_TEXTS) | st.text(min_size=1, max_size=300)
phases = st.sampled_from(list(Phase))
intents = st.sampled_from(list(MessageIntent))


request_session = contextmanager(session_scope)  # a request's session, as `get_session` runs it


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> World:
    return make_world(db, test_settings, actors)


def liaison(actors: Actors) -> Principal:
    user = actors.liaison.user
    return Principal(user.id, user.role, uuid.uuid4(), organization_id=user.organization_id)


def request(
    world: World, text: str, intent: MessageIntent, **extra: object
) -> LiaisonMessageCreate:
    try:
        return LiaisonMessageCreate.model_validate(
            {"friend_group_id": world.seed.friend_group_id, "intent": intent, "text": text} | extra
        )
    except ValidationError:
        reject()


def deliveries_of(db: Session, message_id: uuid.UUID) -> int:
    return db.exec(
        select(sa.func.count())
        .select_from(MessageDelivery)
        .where(MessageDelivery.message_id == message_id)
    ).one()


def attempt(
    db: Session, actors: Actors, world: World, data: LiaisonMessageCreate
) -> LiaisonMessage:
    """Send; return the stored attempt, delivered or blocked."""
    try:
        return messages.send_message(db, liaison(actors), world.demonstration.id, data)
    except MessageBlocked as blocked:
        found = db.get(LiaisonMessage, uuid.UUID(blocked.extra["blocked_message_id"]))
        assert found is not None
        return found


def set_phase(db: Session, demonstration: Demonstration, phase: Phase) -> None:
    demonstration.phase = phase
    db.add(demonstration)
    db.flush()


@settings(max_examples=60)
@given(text=texts, phase=phases, intent=intents)
def test_blocked_is_never_delivered_and_phase_one_delivers_only_neutral(
    db: Session, actors: Actors, world: World, text: str, phase: Phase, intent: MessageIntent
) -> None:
    set_phase(db, world.demonstration, phase)
    data = request(world, text, intent)
    verdict = messages.evaluate(world.demonstration, text, intent=intent, language=None)
    message = attempt(db, actors, world, data)
    delivered = deliveries_of(db, message.id)
    assert (message.status is MessageStatus.DELIVERED) == verdict.allowed
    if message.status is MessageStatus.BLOCKED:
        assert delivered == 0
    else:
        assert delivered == 3  # the seed and its two friends
        assert message.category is not MessageCategory.ADVICE
        if phase is Phase.I:
            assert message.category is MessageCategory.NEUTRAL


@settings(max_examples=40)
@given(text=texts, phase=phases, intent=intents)
def test_resending_the_same_client_id_creates_nothing_new(
    db: Session, actors: Actors, world: World, text: str, phase: Phase, intent: MessageIntent
) -> None:
    set_phase(db, world.demonstration, phase)
    data = request(world, text, intent, client_message_id=uuid.uuid4())
    first = attempt(db, actors, world, data)
    rows = db.exec(select(sa.func.count()).select_from(LiaisonMessage)).one()
    delivered = deliveries_of(db, first.id)
    second = attempt(db, actors, world, data)
    assert second.id == first.id and second.status is first.status
    assert db.exec(select(sa.func.count()).select_from(LiaisonMessage)).one() == rows
    assert deliveries_of(db, first.id) == delivered


def test_screen_staff_text_passes_allowed_text_and_records_nothing(
    db: Session, actors: Actors, world: World
) -> None:
    before = db.exec(select(sa.func.count()).select_from(LiaisonMessage)).one()
    verdict = messages.screen_staff_text(
        db, world.demonstration, "Please retake the photo of the receipt.", actor=liaison(actors)
    )
    assert verdict.allowed is True
    assert db.exec(select(sa.func.count()).select_from(LiaisonMessage)).one() == before


def test_screen_staff_text_blocks_advice_and_keeps_only_the_attempt(
    connection: Connection, db: Session, actors: Actors, world: World
) -> None:
    """As a review route would call it: whatever the request wrote before is undone, the
    blocked attempt is kept (committed), and the 422 problem carries the reasons."""
    db.commit()
    marker = str(uuid.uuid4())
    with (
        pytest.raises(MessageBlocked) as raised,
        request_session(connection, join_transaction_mode="create_savepoint") as session,
    ):
        demonstration = session.get(Demonstration, world.demonstration.id)
        assert demonstration is not None
        audit.record(  # the request's own write, before the comment is screened
            session, None, "survey.reviewed", "survey", marker, organization_id=None
        )
        session.flush()
        messages.screen_staff_text(
            session,
            demonstration,
            "Looks good. Next month you should pay down the card first.",
            actor=liaison(actors),
            household_id=world.seed.id,
        )
    error = raised.value
    assert error.status == 422 and error.code == "message-blocked"
    assert error.extra["verdict"]["reasons"][0]["rule_id"].startswith("advice.")
    db.expire_all()
    stored = db.get(LiaisonMessage, uuid.UUID(error.extra["blocked_message_id"]))
    assert stored is not None
    assert stored.channel is StaffTextChannel.REVIEW_COMMENT
    assert stored.status is MessageStatus.BLOCKED and stored.household_id == world.seed.id
    assert db.exec(select(AuditEntry).where(AuditEntry.entity_id == marker)).all() == []
