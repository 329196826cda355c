"""A program starts, end to end over HTTP: a demonstration, a seed, its invitation, a friend."""

import re

from fastapi.testclient import TestClient

from app.services.sms import OutboxSmsSender
from tests.factories import Actors

SEED_PHONE = "+14155550142"
FRIEND_PHONE = "+14155550143"


def sign_in_by_phone(client: TestClient, outbox: OutboxSmsSender, phone: str) -> dict[str, str]:
    assert client.post("/v1/auth/phone/code", json={"phone": phone}).status_code == 202
    message = outbox.last_to(phone)
    assert message is not None
    code = re.search(r"\b(\d{6})\b", message.text)
    assert code is not None
    response = client.post("/v1/auth/phone/verify", json={"phone": phone, "code": code.group(1)})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def test_a_program_starts_and_grows_peer_to_peer(
    client: TestClient, actors: Actors, outbox: OutboxSmsSender
) -> None:
    admin = actors.partner_admin.headers
    organization = actors.organization.id

    # The partner admin starts a demonstration and assigns a liaison.
    response = client.post(
        f"/v1/organizations/{organization}/demonstrations",
        json={
            "name": "Fruitvale families",
            "area": "Fruitvale, Oakland",
            "country": "us",
            "languages": ["EN", "es-mx"],
            "stipend_amount_minor": 2500,
            "stipend_currency": "usd",
            "started_on": "2026-12-01",
        },
        headers=admin,
    )
    assert response.status_code == 201, response.text
    demonstration = response.json()
    assert demonstration["phase"] == "I"
    assert demonstration["friends_per_seed"] == 10
    assert demonstration["languages"] == ["en", "es-MX"]
    assert (demonstration["country"], demonstration["stipend_currency"]) == ("US", "USD")
    demo = demonstration["id"]
    liaison_id = actors.liaison.user.id
    assert client.put(f"/v1/demonstrations/{demo}/liaisons/{liaison_id}", headers=admin).is_success

    # The liaison enrols a seed household.
    response = client.post(
        f"/v1/demonstrations/{demo}/seeds",
        json={
            "label": "Garcia",
            "preferred_language": "es",
            "network_tags": [
                {"kind": "culture", "value": "Mexican"},
                {"kind": "neighbourhood", "value": "Fruitvale"},
            ],
            "phone": "(415) 555-0142",
            "full_name": "Ana Garcia",
        },
        headers=actors.liaison.headers,
    )
    assert response.status_code == 201, response.text
    seed = response.json()
    assert seed["is_seed"] is True
    assert seed["contact_phones"] == ["+14•••••••42"], "staff see phones masked"
    group = seed["friend_group_id"]

    # The seed member signs in with a one-time code, consents and invites a friend.
    seed_headers = sign_in_by_phone(client, outbox, SEED_PHONE)
    assert client.get("/v1/me", headers=seed_headers).json()["household_id"] == seed["id"]
    own = client.get(f"/v1/households/{seed['id']}", headers=seed_headers).json()
    assert own["contact_phones"] == [SEED_PHONE]
    response = client.put(
        f"/v1/households/{seed['id']}/consents/program_data",
        json={"granted": True},
        headers=seed_headers,
    )
    assert response.status_code == 200, response.text
    response = client.post(
        f"/v1/friend-groups/{group}/invitations",
        json={"phone": FRIEND_PHONE},
        headers=seed_headers,
    )
    assert response.status_code == 201, response.text
    invitation = response.json()
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", invitation["code"])
    assert invitation["status"] == "active"
    assert invitation["phone_hint"] == "+14•••••••43"

    # A friend signs in with their phone and redeems the code, read aloud in lower case.
    friend_headers = sign_in_by_phone(client, outbox, FRIEND_PHONE)
    assert client.get("/v1/me", headers=friend_headers).json()["household_id"] is None
    response = client.post(
        "/v1/invitations/redeem",
        json={
            "code": invitation["code"].lower().replace("-", " "),
            "label": "Okafor",
            "preferred_language": "en",
            "network_tags": [{"kind": "religion", "value": "Baptist"}],
            "program_data_consent": True,
        },
        headers=friend_headers,
    )
    assert response.status_code == 201, response.text
    friend = response.json()
    assert friend["friend_group_id"] == group
    assert friend["is_seed"] is False
    assert client.get("/v1/me", headers=friend_headers).json()["household_id"] == friend["id"]

    # The friend has consented by joining; the group has one friend; the code is spent.
    consents = client.get(f"/v1/households/{friend['id']}/consents", headers=friend_headers)
    assert {c["purpose"]: c["granted"] for c in consents.json()} == {
        "program_data": True,
        "share_beyond_group": False,
        "public_feature": False,
    }
    read = client.get(f"/v1/friend-groups/{group}", headers=friend_headers).json()
    assert (read["friends_count"], read["friends_limit"], read["seed_label"]) == (1, 10, "Garcia")
    listed = client.get(f"/v1/friend-groups/{group}/invitations", headers=seed_headers).json()
    assert [item["status"] for item in listed["items"]] == ["redeemed"]
    assert "code" not in listed["items"][0]

    # Each sees the other's label in the group, but no phones.
    households = client.get(f"/v1/friend-groups/{group}/households", headers=friend_headers)
    assert [h["label"] for h in households.json()] == ["Garcia", "Okafor"]
    assert "+1415" not in households.text

    # The partner sees it all in the diversity report and the audit log.
    report = client.get(f"/v1/demonstrations/{demo}/diversity", headers=admin).json()
    assert report["invitations"] == {
        "issued": 1,
        "redeemed": 1,
        "expired": 0,
        "revoked": 0,
        "active": 0,
    }
    assert report["group_sizes"]["households"] == 2
    log = client.get(f"/v1/organizations/{organization}/audit-log", headers=admin).json()
    actions = {entry["action"] for entry in log["items"]}
    assert {
        "demonstration.created",
        "demonstration.liaison_assigned",
        "friend_group.created",
        "household.created",
        "household.adult_added",
        "consent.granted",
        "invitation.issued",
        "invitation.redeemed",
    } <= actions
    assert invitation["code"] not in str(log)
    assert invitation["code"].replace("-", "") not in str(log)
