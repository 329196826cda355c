"""Withdrawing `public_feature` through the consent endpoint withdraws the stored highlights
that feature the household, with an audit entry, in the same request — not only hides them
from the public query."""

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.config import Settings
from app.models.audit import AuditEntry
from app.models.consent import ConsentPurpose
from app.models.highlight import Highlight, HighlightStatus
from tests.factories import Actors
from tests.practice_factories import Member, World, make_world, set_consent


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> World:
    return make_world(db, test_settings, actors)


def draft(client: TestClient, world: World, actors: Actors, *members: Member) -> uuid.UUID:
    response = client.post(
        "/v1/highlights",
        json={
            "demonstration_id": str(world.demonstration.id),
            "title": "A savings circle",
            "text": "It started at a kitchen table.",
            "region": "West Point",
            "household_ids": [str(member.household.id) for member in members],
        },
        headers=actors.partner_admin.headers,
    )
    assert response.status_code == 201, response.text
    return uuid.UUID(response.json()["id"])


def consent_to(client: TestClient, highlight_id: uuid.UUID, *members: Member) -> None:
    for member in members:
        client.put(
            f"/v1/me/highlight-requests/{highlight_id}",
            json={"consent": True},
            headers=member.headers,
        )


def withdraw(client: TestClient, member: Member) -> None:
    response = client.put(
        f"/v1/households/{member.household.id}/consents/public_feature",
        json={"granted": False},
        headers=member.headers,
    )
    assert response.status_code == 200, response.text


def stored(db: Session, highlight_id: uuid.UUID) -> Highlight:
    db.expire_all()
    return db.get_one(Highlight, highlight_id)


def withdrawals(db: Session, highlight_id: uuid.UUID) -> list[AuditEntry]:
    return list(
        db.exec(
            select(AuditEntry)
            .where(
                AuditEntry.entity_id == str(highlight_id),
                AuditEntry.action == "highlight.withdrawn",
            )
            .order_by(col(AuditEntry.created_at))
        ).all()
    )


def test_withdrawing_consent_withdraws_the_stored_highlight_and_audits_it(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    for member in (world.a1, world.a2):
        set_consent(db, member.household, ConsentPurpose.PUBLIC_FEATURE, True)
    published = draft(client, world, actors, world.a1, world.a2)
    consent_to(client, published, world.a1, world.a2)
    assert stored(db, published).status is HighlightStatus.PUBLISHED
    featured = client.put(
        f"/v1/highlights/{published}/featured",
        json={"featured": True},
        headers=actors.platform_admin.headers,
    )
    assert featured.status_code == 200
    elsewhere = draft(client, world, actors, world.a1)  # does not feature a2: unaffected

    withdraw(client, world.a2)

    highlight = stored(db, published)
    assert highlight.status is HighlightStatus.WITHDRAWN
    assert highlight.withdrawn_at is not None and highlight.featured_internationally is False
    [entry] = withdrawals(db, published)
    assert entry.actor_user_id == world.a2.signed_in.user.id
    assert entry.organization_id == actors.organization.id
    assert entry.changes == {"status": "withdrawn", "household_id": str(world.a2.household.id)}
    assert stored(db, elsewhere).status is HighlightStatus.AWAITING_CONSENT
    assert client.get("/v1/public/highlights").json()["items"] == []


def test_a_draft_awaiting_consent_is_withdrawn_too(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    set_consent(db, world.a1.household, ConsentPurpose.PUBLIC_FEATURE, True)
    awaiting = draft(client, world, actors, world.a1, world.a2)
    consent_to(client, awaiting, world.a1)
    withdraw(client, world.a1)
    assert stored(db, awaiting).status is HighlightStatus.WITHDRAWN
    assert len(withdrawals(db, awaiting)) == 1
    # Saying it again changes nothing and records nothing more.
    withdraw(client, world.a1)
    assert len(withdrawals(db, awaiting)) == 1
    # An edit asks every household again.
    edited = client.patch(
        f"/v1/highlights/{awaiting}",
        json={"title": "Saving together"},
        headers=actors.partner_admin.headers,
    )
    assert edited.json()["status"] == "awaiting_consent"


def test_other_consents_leave_highlights_alone(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    awaiting = draft(client, world, actors, world.a1)
    for purpose in ("share_beyond_group", "program_data"):
        response = client.put(
            f"/v1/households/{world.a1.household.id}/consents/{purpose}",
            json={"granted": False},
            headers=world.a1.headers,
        )
        assert response.status_code == 200
    granted = client.put(
        f"/v1/households/{world.a1.household.id}/consents/public_feature",
        json={"granted": True},
        headers=world.a1.headers,
    )
    assert granted.status_code == 200
    assert stored(db, awaiting).status is HighlightStatus.AWAITING_CONSENT
    assert withdrawals(db, awaiting) == []
