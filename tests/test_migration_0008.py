"""Migration 0008 alters `liaison_messages`, which deliveries, reasons and replies hang off: on
SQLite that means copying the table, and the rows below it must survive both ways."""

from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Session

from app import migrations
from app.config import Settings
from app.db import build_engine
from app.models.base import utcnow
from app.models.demonstration import Phase
from app.models.inbox import MessageDelivery, MessageReply
from app.models.message import (
    LiaisonMessage,
    LiaisonMessageReason,
    MessageCategory,
    MessageIntent,
    MessageStatus,
    StaffTextChannel,
)
from app.models.user import Role
from tests.factories import make_demonstration, make_household, make_organization, make_user

CHILDREN = ("liaison_message_reasons", "message_deliveries", "message_replies")


def _message_with_children(session: Session) -> None:
    organization = make_organization(session)
    demonstration = make_demonstration(session, organization)
    household = make_household(session, demonstration)
    liaison = make_user(session, Role.LIAISON, organization_id=organization.id)
    family = make_user(session, Role.FAMILY, household_id=household.id)
    message = LiaisonMessage(
        organization_id=organization.id,
        demonstration_id=demonstration.id,
        sender_user_id=liaison.id,
        household_id=household.id,
        channel=StaffTextChannel.MESSAGE,
        intent=MessageIntent.LOGISTICS,
        text="Meeting at 6.",
        detected_language="en",
        phase=Phase.I,
        category=MessageCategory.NEUTRAL,
        status=MessageStatus.DELIVERED,
    )
    session.add(message)
    session.flush()
    session.add(
        LiaisonMessageReason(
            message_id=message.id,
            position=0,
            rule_id="neutral.logistics",
            category=MessageCategory.NEUTRAL,
            span="Meeting",
            start_offset=0,
            end_offset=7,
            explanation="A meeting time.",
        )
    )
    delivery = MessageDelivery(message_id=message.id, household_id=household.id)
    session.add(delivery)
    session.flush()
    session.add(
        MessageReply(
            delivery_id=delivery.id,
            household_id=household.id,
            author_user_id=family.id,
            text="Thanks!",
            created_at=utcnow(),
        )
    )
    session.commit()


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table: connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()  # noqa: S608
            for table in ("liaison_messages", *CHILDREN)
        }


def test_messages_and_what_hangs_off_them_survive_0008_both_ways(scratch: Engine) -> None:
    with scratch.begin() as connection:
        migrations.upgrade(connection=connection)
    with Session(scratch) as session:
        _message_with_children(session)
    everything = dict.fromkeys(("liaison_messages", *CHILDREN), 1)
    assert _counts(scratch) == everything
    with scratch.begin() as connection:
        migrations.downgrade("0007_progress", connection=connection)
        columns = {
            column["name"] for column in sa.inspect(connection).get_columns("liaison_messages")
        }
        assert "practice_post_id" not in columns
    assert _counts(scratch) == everything
    with scratch.begin() as connection:
        migrations.upgrade(connection=connection)
    assert _counts(scratch) == everything
    with scratch.connect() as connection:
        temporary = (
            sa.inspect(connection).get_temp_table_names()
            if scratch.dialect.name == "sqlite"
            else []
        )
        assert not [name for name in temporary if name.startswith("_kept_")]
        [reference] = connection.execute(
            sa.text("SELECT practice_post_id FROM liaison_messages")
        ).all()
        assert reference == (None,)


def test_sqlite_table_copies_keep_child_rows_when_migrating_an_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0002 copies `users` on SQLite; the sign-in sessions hanging off a user must survive it.
    The migration environment turns foreign keys off around a migration (SQLite's documented
    procedure for table copies) and checks them afterwards."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    monkeypatch.setenv("MUTUALITY_DATABASE_URL", url)
    migrations.upgrade("0001")  # the path `mutuality migrate` takes: its own connection
    engine = build_engine(Settings(DATABASE_URL=url))
    user, session = "0" * 31 + "1", "0" * 31 + "2"
    try:
        with engine.begin() as connection:
            connection.execute(
                sa.text(
                    "INSERT INTO users (id, role, email, is_active, created_at, updated_at)"
                    " VALUES (:id, 'platform_admin', 'a@example.org', 1, '2026-01-01',"
                    " '2026-01-01')"
                ),
                {"id": user},
            )
            connection.execute(
                sa.text(
                    "INSERT INTO auth_sessions (id, user_id, created_at)"
                    " VALUES (:id, :user, '2026-01-01')"
                ),
                {"id": session, "user": user},
            )
        migrations.upgrade()
        with engine.connect() as connection:
            kept = connection.execute(sa.text("SELECT count(*) FROM auth_sessions")).scalar_one()
            enforced = connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one()
        assert kept == 1
        assert enforced == 1  # the app's connections still enforce foreign keys
    finally:
        engine.dispose()
