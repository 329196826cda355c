"""A family's own household, members, second adult, group view and consent; all audited."""

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import Settings
from app.models.audit import AuditEntry
from app.models.user import Role, User
from tests.api.enrolment_world import Enrolment, make_enrolment
from tests.factories import Actors, make_user, sign_in


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> Enrolment:
    return make_enrolment(db, test_settings, actors)


def household_url(world: Enrolment) -> str:
    return f"/v1/households/{world.seed.id}"


def audit_actions(db: Session, entity_id: Any) -> list[str]:
    entries = db.exec(select(AuditEntry).where(AuditEntry.entity_id == str(entity_id))).all()
    return [entry.action for entry in entries]


def test_a_family_updates_its_household_and_it_is_audited(
    client: TestClient, world: Enrolment, db: Session
) -> None:
    headers = world.seed_family.headers
    response = client.patch(
        household_url(world),
        json={
            "label": "Garcia-Lopez",
            "preferred_language": "ES-mx",
            "adults_count": 2,
            "children_count": 3,
            "network_tags": [
                {"kind": "religion", "value": " Catholic "},
                {"kind": "religion", "value": "catholic"},
            ],
            "shared_with_group": ["network_tags", "preferred_language"],
        },
        headers=headers,
    )
    assert response.status_code == 200, response.text
    household = response.json()
    assert household["preferred_language"] == "es-MX"
    assert household["network_tags"] == [{"kind": "religion", "value": "Catholic"}]
    assert household["shared_with_group"] == ["preferred_language", "network_tags"]
    assert household["contact_phones"] == [world.seed_family.user.phone]
    entry = db.exec(
        select(AuditEntry).where(
            AuditEntry.entity_id == str(world.seed.id), AuditEntry.action == "household.updated"
        )
    ).one()
    assert entry.actor_user_id == world.seed_family.user.id
    assert entry.changes["children_count"] == {"from": 0, "to": 3}
    assert entry.changes["network_tags"]["to"] == [{"kind": "religion", "value": "Catholic"}]
    assert "adults_count" in entry.changes


def test_members_are_listed_added_changed_and_removed(
    client: TestClient, world: Enrolment, db: Session
) -> None:
    url = f"{household_url(world)}/members"
    headers = world.seed_family.headers
    created = client.post(
        url, json={"first_name": "Lupe", "age_band": "6-11", "relation": "child"}, headers=headers
    )
    assert created.status_code == 201, created.text
    member = created.json()
    changed = client.patch(
        f"{url}/{member['id']}", json={"age_band": "12-17", "first_name": None}, headers=headers
    )
    assert changed.status_code == 200, changed.text
    assert (changed.json()["age_band"], changed.json()["first_name"]) == ("12-17", None)
    assert [m["id"] for m in client.get(url, headers=headers).json()] == [member["id"]]
    assert client.delete(f"{url}/{member['id']}", headers=headers).status_code == 204
    assert client.get(url, headers=headers).json() == []
    assert audit_actions(db, world.seed.id) == [
        "household.member_added",
        "household.member_updated",
        "household.member_removed",
    ]


def test_a_second_adult_signs_in_for_the_same_household(
    client: TestClient, world: Enrolment, db: Session, test_settings: Settings
) -> None:
    response = client.post(
        f"{household_url(world)}/adults",
        json={"phone": "+1 (415) 555-0181", "full_name": "Luis Garcia"},
        headers=world.seed_family.headers,
    )
    assert response.status_code == 201, response.text
    adult = db.get_one(User, uuid.UUID(response.json()["user_id"]))
    assert adult.household_id == world.seed.id
    second = sign_in(db, test_settings, adult)
    me = client.get("/v1/me", headers=second.headers).json()
    assert me["household_id"] == str(world.seed.id)
    phones = client.get(household_url(world), headers=second.headers).json()["contact_phones"]
    assert phones == [world.seed_family.user.phone, "+14155550181"]


def test_a_phone_of_another_household_cannot_be_added(client: TestClient, world: Enrolment) -> None:
    response = client.post(
        f"{household_url(world)}/adults",
        json={"phone": world.loner_family.user.phone},
        headers=world.seed_family.headers,
    )
    assert response.status_code == 409
    assert response.json()["code"] == "phone-already-enrolled"


def test_the_group_view_shows_labels_and_only_what_each_household_shares(
    client: TestClient, world: Enrolment, db: Session
) -> None:
    friend = client.patch(
        f"/v1/households/{world.friend.id}",
        json={"shared_with_group": ["household_size"], "children_count": 2},
        headers=world.friend_family.headers,
    )
    assert friend.status_code == 200
    response = client.get(
        f"/v1/friend-groups/{world.seed.friend_group_id}/households",
        headers=world.seed_family.headers,
    )
    assert response.status_code == 200
    seed, other = response.json()
    assert seed["label"] == world.seed.label and seed["preferred_language"] == "en"
    assert other["label"] == world.friend.label
    assert (other["children_count"], other["preferred_language"]) == (2, None)
    assert other["network_tags"] is None and other["members"] is None
    for phone in (world.seed_family.user.phone, world.friend_family.user.phone):
        assert phone and phone not in response.text


def test_consent_is_granted_withdrawn_and_kept_as_dated_history(
    client: TestClient, world: Enrolment
) -> None:
    headers = world.seed_family.headers
    url = f"{household_url(world)}/consents"
    changes = [
        ("program_data", True),
        ("public_feature", True),
        ("public_feature", True),  # a repeat changes nothing
        ("public_feature", False),
        ("share_beyond_group", True),
    ]
    for purpose, granted in changes:
        response = client.put(f"{url}/{purpose}", json={"granted": granted}, headers=headers)
        assert response.status_code == 200, response.text
        assert response.json()["granted"] is granted
    current = {c["purpose"]: c["granted"] for c in client.get(url, headers=headers).json()}
    assert current == {"program_data": True, "share_beyond_group": True, "public_feature": False}
    history = client.get(
        f"{household_url(world)}/consent-history", params={"limit": 2}, headers=headers
    ).json()
    assert [(r["purpose"], r["granted"]) for r in history["items"]] == [
        ("share_beyond_group", True),
        ("public_feature", False),
    ]
    rest = client.get(
        f"{household_url(world)}/consent-history",
        params={"cursor": history["next_cursor"]},
        headers=headers,
    ).json()
    assert [(r["purpose"], r["granted"]) for r in rest["items"]] == [
        ("public_feature", True),
        ("program_data", True),
    ]
    assert rest["next_cursor"] is None
    staff_view = client.get(url, headers=world.unassigned_liaison.headers)
    assert staff_view.status_code == 404


def test_the_liaison_of_the_demonstration_reads_consent_and_household(
    client: TestClient, world: Enrolment, actors: Actors
) -> None:
    response = client.get(household_url(world), headers=actors.liaison.headers)
    assert response.status_code == 200
    phone = world.seed_family.user.phone or ""
    assert response.json()["contact_phones"] == [phone[:3] + "•" * (len(phone) - 5) + phone[-2:]]
    consents = client.get(f"{household_url(world)}/consents", headers=actors.liaison.headers)
    assert consents.status_code == 200


def test_a_family_without_a_household_sees_none(
    client: TestClient, world: Enrolment, db: Session, test_settings: Settings
) -> None:
    newcomer = sign_in(db, test_settings, make_user(db, Role.FAMILY))
    assert client.get(household_url(world), headers=newcomer.headers).status_code == 404
    group = f"/v1/friend-groups/{world.seed.friend_group_id}"
    assert client.get(group, headers=newcomer.headers).status_code == 404
