"""Demonstrations, liaison assignment, staff listings with filters, the diversity report and
the audit log, as partner staff use them."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import Settings
from app.models.friend_group import FriendGroup
from app.models.household import HouseholdNetworkTag, NetworkKind
from app.models.user import Role
from tests.api.enrolment_world import DEMONSTRATION_BODY, Enrolment, make_enrolment
from tests.factories import Actors, make_demonstration, make_user


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> Enrolment:
    return make_enrolment(db, test_settings, actors)


def test_a_partner_admin_creates_lists_and_updates_demonstrations(
    client: TestClient, actors: Actors
) -> None:
    headers = actors.partner_admin.headers
    url = f"/v1/organizations/{actors.organization.id}/demonstrations"
    created = client.post(url, json=DEMONSTRATION_BODY | {"friends_per_seed": 8}, headers=headers)
    assert created.status_code == 201, created.text
    demonstration = created.json()
    assert demonstration["phase"] == "I"
    assert demonstration["organization_id"] == str(actors.organization.id)
    listed = client.get(url, headers=headers).json()
    assert [item["id"] for item in listed["items"]] == [demonstration["id"]]
    updated = client.patch(
        f"/v1/demonstrations/{demonstration['id']}",
        json={"stipend_amount_minor": 2000, "languages": ["en"]},
        headers=headers,
    )
    assert updated.status_code == 200, updated.text
    assert (updated.json()["stipend_amount_minor"], updated.json()["languages"]) == (2000, ["en"])
    assert updated.json()["name"] == "West Point"


def test_liaisons_see_only_the_demonstrations_assigned_to_them(
    client: TestClient, actors: Actors, world: Enrolment, db: Session
) -> None:
    unassigned = world.unassigned_liaison
    url = f"/v1/organizations/{actors.organization.id}/demonstrations"
    assert client.get(url, headers=unassigned.headers).json()["items"] == []
    demo = f"/v1/demonstrations/{world.demonstration.id}"
    admin = actors.partner_admin.headers
    assign = client.put(
        f"{demo}/liaisons/{unassigned.user.id}", headers=actors.partner_admin.headers
    )
    assert assign.status_code == 200, assign.text
    again = client.put(
        f"{demo}/liaisons/{unassigned.user.id}", headers=actors.partner_admin.headers
    )
    assert again.status_code == 200
    liaisons = client.get(f"{demo}/liaisons", headers=admin).json()
    assert {item["id"] for item in liaisons} == {
        str(actors.liaison.user.id),
        str(unassigned.user.id),
    }
    assert [i["id"] for i in client.get(url, headers=unassigned.headers).json()["items"]] == [
        str(world.demonstration.id)
    ]
    gone = client.delete(
        f"{demo}/liaisons/{unassigned.user.id}", headers=actors.partner_admin.headers
    )
    assert gone.status_code == 204
    assert client.get(demo, headers=unassigned.headers).status_code == 404
    colleague = make_user(db, Role.PARTNER_ADMIN, organization_id=actors.organization.id)
    not_a_liaison = client.put(f"{demo}/liaisons/{colleague.id}", headers=admin)
    assert not_a_liaison.json()["code"] == "liaison-not-found"


def test_the_limit_cannot_go_below_a_groups_size(
    client: TestClient, actors: Actors, world: Enrolment, db: Session
) -> None:
    group = db.get_one(FriendGroup, world.seed.friend_group_id)
    group.friends_count = 2
    db.add(group)
    url = f"/v1/demonstrations/{world.demonstration.id}"
    admin = actors.partner_admin.headers
    response = client.patch(url, json={"friends_per_seed": 1}, headers=admin)
    assert response.status_code == 409
    assert response.json()["code"] == "limit-below-group-size"
    assert client.patch(url, json={"friends_per_seed": 2}, headers=admin).status_code == 200


def test_seed_enrolment_attaches_a_phone_that_signed_in_before(
    client: TestClient, actors: Actors, world: Enrolment, db: Session
) -> None:
    earlier = make_user(db, Role.FAMILY, phone="+14155550190")
    url = f"/v1/demonstrations/{world.demonstration.id}/seeds"
    admin = actors.partner_admin.headers
    body = {"label": "Mensah", "preferred_language": "en", "phone": "415 555 0190"}
    response = client.post(url, json=body, headers=admin)
    assert response.status_code == 201, response.text
    db.refresh(earlier)
    assert str(earlier.household_id) == response.json()["id"]
    again = client.post(url, json=body | {"label": "Twice"}, headers=admin)
    assert again.status_code == 409
    assert again.json()["code"] == "phone-already-enrolled"
    staff_phone = client.post(
        url, json=body | {"phone": "123"}, headers=actors.partner_admin.headers
    )
    assert staff_phone.json()["code"] == "invalid-phone"


def _page(client: TestClient, headers: dict[str, str], url: str, **params: Any) -> list[str]:
    response = client.get(url, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return [item["label"] for item in response.json()["items"]]


def test_staff_list_households_with_filters_and_pages(
    client: TestClient, actors: Actors, world: Enrolment, db: Session
) -> None:
    db.add(
        HouseholdNetworkTag(household_id=world.loner.id, kind=NetworkKind.RELIGION, value="Muslim")
    )
    world.friend.preferred_language = "es"
    db.add(world.friend)
    db.flush()
    url = f"/v1/demonstrations/{world.demonstration.id}/households"
    headers = actors.liaison.headers
    every = _page(client, headers, url)
    assert set(every) == {world.seed.label, world.friend.label, world.loner.label}
    assert _page(client, headers, url, friend_group_id=str(world.seed.friend_group_id)) == [
        world.friend.label,
        world.seed.label,
    ]
    assert _page(client, headers, url, language="ES") == [world.friend.label]
    assert _page(client, headers, url, tag="muslim") == [world.loner.label]
    assert _page(client, headers, url, tag_kind="religion") == [world.loner.label]
    assert _page(client, headers, url, tag_kind="culture") == []
    assert set(_page(client, headers, url, seeds_only=True)) == {
        world.seed.label,
        world.loner.label,
    }
    first = client.get(url, params={"limit": 2}, headers=headers).json()
    rest = client.get(url, params={"limit": 2, "cursor": first["next_cursor"]}, headers=headers)
    labels = [h["label"] for h in first["items"]] + [h["label"] for h in rest.json()["items"]]
    assert labels == every and rest.json()["next_cursor"] is None
    groups = client.get(
        f"/v1/demonstrations/{world.demonstration.id}/friend-groups", headers=headers
    ).json()["items"]
    assert sorted(group["friends_count"] for group in groups) == [0, 1]


def test_the_diversity_report_counts_networks_groups_and_invitations(
    client: TestClient, actors: Actors, db: Session, test_settings: Settings
) -> None:
    demonstration = make_demonstration(db, actors.organization, friends_per_seed=1)
    url = f"/v1/demonstrations/{demonstration.id}"
    headers = actors.partner_admin.headers
    seeds = [
        ("Garcia", [("culture", "Mexican"), ("religion", "Catholic")], "+14155550161"),
        ("Kamara", [("culture", "Mende"), ("religion", "catholic")], "+14155550162"),
    ]
    for label, tags, phone in seeds:
        body = {
            "label": label,
            "preferred_language": "en",
            "phone": phone,
            "network_tags": [{"kind": kind, "value": value} for kind, value in tags],
        }
        assert client.post(f"{url}/seeds", json=body, headers=headers).status_code == 201
    report = client.get(f"{url}/diversity", headers=headers).json()
    networks = {n["kind"]: (n["distinct_count"], n["values"]) for n in report["networks"]}
    assert networks["culture"] == (2, ["Mende", "Mexican"])
    assert networks["religion"] == (1, ["Catholic"])
    assert networks["language"] == (0, [])
    assert report["group_sizes"] == {
        "groups": 2,
        "households": 2,
        "friends_limit": 1,
        "smallest": 0,
        "largest": 0,
        "full_groups": 0,
    }
    assert [seed["label"] for seed in report["seeds"]] == ["Garcia", "Kamara"]


def test_the_audit_log_is_paged_and_filtered(
    client: TestClient, actors: Actors, world: Enrolment
) -> None:
    client.patch(
        f"/v1/households/{world.seed.id}",
        json={"label": "Renamed"},
        headers=world.seed_family.headers,
    )
    url = f"/v1/organizations/{actors.organization.id}/audit-log"
    response = client.get(
        url,
        params={"entity": "household", "entity_id": str(world.seed.id)},
        headers=actors.partner_admin.headers,
    )
    assert response.status_code == 200, response.text
    [entry] = response.json()["items"]
    assert entry["action"] == "household.updated"
    assert entry["changes"]["label"] == {"from": world.seed.label, "to": "Renamed"}
    assert entry["actor_user_id"] == str(world.seed_family.user.id)
    other = client.get(
        f"/v1/organizations/{actors.other_organization.id}/audit-log",
        headers=actors.other_partner_admin.headers,
    ).json()
    assert other["items"] == []
