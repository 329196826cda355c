"""The demo program (loads once, fast), and a household's export and erasure on it."""

import json
import time
import uuid
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlmodel import Session, select

from app.config import Settings
from app.models import metadata
from app.models.highlight import Highlight, HighlightHousehold, HighlightStatus
from app.models.household import Household, HouseholdMember
from app.models.photo import ImageType, Photo
from app.models.practice import PracticePost
from app.models.story import Story, Visibility
from app.models.survey import ReviewState
from app.models.user import User
from app.services import dashboards, demo
from tests.factories import sign_in


def counts(db: Session) -> dict[str, int]:
    return {
        table.name: db.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        for table in metadata.sorted_tables
    }


@pytest.fixture
def loaded(db: Session) -> demo.DemoReport:
    return demo.load(db)


def test_demo_loads_once_quickly(db: Session) -> None:
    started = time.monotonic()
    first = demo.load(db)
    assert time.monotonic() - started < 30
    assert first.created and first.households == 100 and first.surveys > 1000
    before = counts(db)
    again = demo.load(db)
    assert not again.created
    assert counts(db) == before
    assert before["phase_changes"] >= 1 and before["payout_batches"] == 1
    assert before["practice_adoptions"] > 20 and before["highlights"] == 1
    assert before["household_progress"] == 100
    assert len(first.family_phones) == 10 and len(first.staff) == 3


def _featured(db: Session) -> Household:
    featured = db.exec(select(HighlightHousehold)).first()
    assert featured is not None
    household = db.get(Household, featured.household_id)
    assert household is not None
    return household


def _family(db: Session, settings: Settings, household: Household):  # type: ignore[no-untyped-def]
    user = db.exec(select(User).where(User.household_id == household.id)).one()
    return user, sign_in(db, settings, user)


def test_export_has_every_table_that_references_the_household(
    client, db: Session, test_settings: Settings, loaded
) -> None:
    household = _featured(db)
    _, family = _family(db, test_settings, household)
    body = client.get("/v1/me/export", headers=family.headers).json()
    # Walk the schema independently: every table with a foreign key to households.
    for table in metadata.sorted_tables:
        columns = [
            c
            for c in table.columns
            if any(fk.column.table.name == "households" for fk in c.foreign_keys)
        ]
        if not columns:
            continue
        expected = db.execute(
            sa.select(sa.func.count())
            .select_from(table)
            .where(sa.or_(*(c == household.id for c in columns)))
        ).scalar_one()
        assert len(body.get(table.name, [])) == expected, table.name
    assert body["households"][0]["id"] == str(household.id)
    assert {"survey_submissions", "practice_posts", "highlight_households", "users"} <= set(body)
    assert "password_hash" not in json.dumps(body) and "token_hash" not in json.dumps(body)


def test_erasure_leaves_no_personal_data_and_keeps_aggregates(
    app, client, db: Session, test_settings: Settings, loaded
) -> None:
    household = _featured(db)
    user, family = _family(db, test_settings, household)
    demonstration_id = loaded.demonstration_id
    post = db.exec(select(PracticePost).where(PracticePost.household_id == household.id)).first()
    assert post is not None
    story = Story(
        household_id=household.id,
        demonstration_id=demonstration_id,
        friend_group_id=household.friend_group_id,
        client_story_id=uuid.uuid4(),
        period="2026-01",
        text="Our secret story about Uncle Bob",
        visibility=Visibility.GROUP,
        state=ReviewState.SUBMITTED,
    )
    db.add(story)
    db.flush()
    user.full_name = "Zelda Quillfeather"
    db.add(user)
    db.add(HouseholdMember(household_id=household.id, first_name="Quintessa", age_band="6-11"))
    photo_bytes = b"\x89PNG\r\n\x1a\n" + uuid.uuid4().bytes  # unique, so not shared
    photo_key = app.state.photo_storage.put(photo_bytes)
    db.add(
        Photo(
            household_id=household.id,
            story_id=story.id,
            content_type=ImageType.PNG,
            size_bytes=len(photo_bytes),
            sha256=photo_key,
            storage_key=photo_key,
        )
    )
    highlight_ids = [
        row.highlight_id
        for row in db.exec(
            select(HighlightHousehold).where(HighlightHousehold.household_id == household.id)
        )
    ]
    db.flush()
    secrets = [
        user.phone,
        "Zelda Quillfeather",
        household.label,
        post.text,
        "Uncle Bob",
        "Quintessa",
    ]

    board_before = dashboards.build(db, db.get(demo.Demonstration, demonstration_id), _now())
    response = client.post("/v1/me/erasure", headers=family.headers)
    assert response.status_code == 200, response.text
    assert response.json()["erased"]["users"] >= 1
    db.expire_all()
    dump = ""
    for table in metadata.sorted_tables:
        for row in db.execute(sa.select(table)):
            dump += json.dumps([str(v) for v in row], ensure_ascii=False)
    leaked = [secret for secret in secrets if secret in dump]
    assert leaked == []
    erased_entry = list(
        db.execute(sa.text("SELECT changes FROM audit_log WHERE action = 'household.erased'"))
    )
    assert len(erased_entry) == 1
    board_after = dashboards.build(db, db.get(demo.Demonstration, demonstration_id), _now())
    assert board_after.changes == board_before.changes
    assert board_after.months == board_before.months
    # Its photos are gone, files included, and no highlight featuring it stays published.
    assert not app.state.photo_storage.exists(photo_key)
    assert db.exec(select(Photo).where(Photo.household_id == household.id)).first() is None
    for highlight_id in highlight_ids:
        highlight = db.get(Highlight, highlight_id)
        assert highlight is not None and highlight.status is HighlightStatus.WITHDRAWN
    assert client.get("/v1/public/highlights").json()["items"] == []
    # The erased family can no longer sign in with its old session.
    assert client.get("/v1/me", headers=family.headers).status_code == 401


def _now() -> datetime:
    return datetime.now(UTC)
