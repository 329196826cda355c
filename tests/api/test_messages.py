"""Liaison messages over HTTP: delivered vs blocked, the dry run, resends, inboxes, replies,
and the blocked attempts partner admins coach from."""

import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import Settings
from app.models.audit import AuditEntry
from app.models.demonstration import Phase
from app.models.inbox import MessageDelivery, MessageReply
from app.models.message import LiaisonMessage, LiaisonMessageReason, MessageStatus
from tests.api.program_world import World, make_world
from tests.factories import Actors

ADVICE = [
    ("en", "Great survey! Next month you should pay down the card"),
    ("en", "Take the kids to the clinic for the free checkup."),
    ("es", "Doña Rosa, debería abrir una cuenta de ahorro."),
]
BEST_PRACTICE = [
    ("en", "A family in Monrovia doubled their sales after pooling money with two neighbors."),
    ("es", "Las familias del grupo de Santa Ana organizaron una tanda entre ocho personas."),
]
TRAPS = [
    "You should have received your stipend",
    "Should we move the meeting?",
    "Tap submit again if it failed",
]


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> World:
    return make_world(db, test_settings, actors)


def send(client: TestClient, actors: Actors, world: World, **body: Any) -> Any:
    body.setdefault("intent", "logistics")
    if "friend_group_id" not in body:
        body.setdefault("household_id", str(world.seed.id))
    return client.post(
        f"/v1/demonstrations/{world.demonstration.id}/messages",
        json=body,
        headers=actors.liaison.headers,
    )


def set_phase(db: Session, world: World, phase: Phase) -> None:
    world.demonstration.phase = phase
    db.add(world.demonstration)
    db.flush()


def counts(db: Session) -> dict[str, int]:
    tables = [LiaisonMessage, LiaisonMessageReason, MessageDelivery, MessageReply, AuditEntry]
    return {
        table.__name__: db.exec(select(sa.func.count()).select_from(table)).one()
        for table in tables
    }


@pytest.mark.parametrize("phase", [Phase.I, Phase.II])
@pytest.mark.parametrize(("language", "text"), ADVICE)
def test_advice_is_blocked_in_both_phases(
    client: TestClient,
    db: Session,
    actors: Actors,
    world: World,
    phase: Phase,
    language: str,
    text: str,
) -> None:
    set_phase(db, world, phase)
    response = send(client, actors, world, text=text, intent="verification")
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "message-blocked"
    assert problem["verdict"]["category"] == "advice"
    assert problem["verdict"]["allowed"] is False
    reason = problem["verdict"]["reasons"][0]
    assert reason["rule_id"].startswith("advice.")
    assert reason["span"] and reason["span"] in text
    assert reason["explanation"]
    attempt = db.get(LiaisonMessage, uuid.UUID(problem["blocked_message_id"]))
    assert attempt is not None and attempt.status is MessageStatus.BLOCKED
    assert attempt.phase is phase
    deliveries = db.exec(select(MessageDelivery).where(MessageDelivery.message_id == attempt.id))
    assert deliveries.all() == []
    inbox = client.get("/v1/me/inbox", headers=world.seed_family.headers).json()
    assert inbox["items"] == [] and inbox["unread_count"] == 0


@pytest.mark.parametrize(("language", "text"), BEST_PRACTICE)
def test_best_practice_is_blocked_in_phase_one_and_delivered_in_phase_two(
    client: TestClient, db: Session, actors: Actors, world: World, language: str, text: str
) -> None:
    blocked = send(client, actors, world, text=text, intent="best_practice", language=language)
    assert blocked.status_code == 422
    assert blocked.json()["verdict"]["category"] == "best_practice"
    set_phase(db, world, Phase.II)
    delivered = send(client, actors, world, text=text, intent="best_practice", language=language)
    assert delivered.status_code == 201, delivered.text
    body = delivered.json()
    assert body["status"] == "delivered" and body["category"] == "best_practice"
    assert body["phase"] == "II" and body["recipients"] == 1


@pytest.mark.parametrize("phase", [Phase.I, Phase.II])
@pytest.mark.parametrize("text", TRAPS)
def test_traps_are_delivered(
    client: TestClient, db: Session, actors: Actors, world: World, phase: Phase, text: str
) -> None:
    set_phase(db, world, phase)
    response = send(client, actors, world, text=text)
    assert response.status_code == 201, response.text
    inbox = client.get("/v1/me/inbox", headers=world.seed_family.headers).json()
    assert [item["text"] for item in inbox["items"]] == [text]
    assert inbox["unread_count"] == 1


def test_group_message_reaches_each_household_with_its_own_read_state(
    client: TestClient, actors: Actors, world: World
) -> None:
    response = send(
        client, actors, world, friend_group_id=world.group_id, text="Meeting at 6 on Friday."
    )
    assert response.status_code == 201, response.text
    assert response.json()["recipients"] == 3
    families = [world.seed_family, *world.friend_families]
    inboxes = [client.get("/v1/me/inbox", headers=f.headers).json() for f in families]
    assert all(inbox["unread_count"] == 1 for inbox in inboxes)
    delivery_ids = {inbox["items"][0]["delivery_id"] for inbox in inboxes}
    assert len(delivery_ids) == 3
    first = inboxes[0]["items"][0]
    read = client.post(f"/v1/me/inbox/{first['delivery_id']}/read", headers=families[0].headers)
    assert read.status_code == 200 and read.json()["read_at"] is not None
    again = client.post(f"/v1/me/inbox/{first['delivery_id']}/read", headers=families[0].headers)
    assert again.json()["read_at"] == read.json()["read_at"]
    assert client.get("/v1/me/inbox", headers=families[0].headers).json()["unread_count"] == 0
    assert client.get("/v1/me/inbox", headers=families[1].headers).json()["unread_count"] == 1
    assert client.get("/v1/me/inbox", headers=world.loner_family.headers).json()["items"] == []
    listed = client.get(
        f"/v1/demonstrations/{world.demonstration.id}/messages", headers=actors.liaison.headers
    ).json()["items"]
    assert [(m["recipients"], m["read_by"]) for m in listed] == [(3, 1)]


def test_inbox_is_paginated_newest_first(client: TestClient, actors: Actors, world: World) -> None:
    for number in range(3):
        assert send(client, actors, world, text=f"Meeting number {number} at 6.").status_code == 201
    headers = world.seed_family.headers
    first = client.get("/v1/me/inbox?limit=2", headers=headers).json()
    rest = client.get(f"/v1/me/inbox?limit=2&cursor={first['next_cursor']}", headers=headers).json()
    texts = [item["text"] for item in first["items"] + rest["items"]]
    assert texts == [f"Meeting number {n} at 6." for n in (2, 1, 0)]
    assert rest["next_cursor"] is None and first["unread_count"] == 3


def test_a_family_sees_and_touches_only_its_own_deliveries(
    client: TestClient, actors: Actors, world: World
) -> None:
    send(client, actors, world, text="Meeting at 6.")
    delivery = client.get("/v1/me/inbox", headers=world.seed_family.headers).json()["items"][0]
    for family in (world.loner_family, world.other_family, actors.family):
        for action in ("read", "reply"):
            response = client.post(
                f"/v1/me/inbox/{delivery['delivery_id']}/{action}",
                json={"text": "hi"},
                headers=family.headers,
            )
            assert response.status_code == 404, (action, response.text)
            assert response.json()["code"] == "delivery-not-found"


def test_family_replies_unfiltered_and_staff_read_them(
    client: TestClient, actors: Actors, world: World
) -> None:
    send(client, actors, world, text="Please send the photo of the receipt.")
    delivery = client.get("/v1/me/inbox", headers=world.seed_family.headers).json()["items"][0]
    client_id = str(uuid.uuid4())
    text = "You should come see the new stall, you should really try the tamales!"
    path = f"/v1/me/inbox/{delivery['delivery_id']}/reply"
    body = {"text": text, "client_reply_id": client_id}
    first = client.post(path, json=body, headers=world.seed_family.headers)
    assert first.status_code == 201, first.text
    again = client.post(path, json=body, headers=world.seed_family.headers)
    assert again.json()["id"] == first.json()["id"]
    other = client.post(path, json={**body, "text": "other"}, headers=world.seed_family.headers)
    assert other.status_code == 409 and other.json()["code"] == "client-reply-id-reused"
    inbox = client.get("/v1/me/inbox", headers=world.seed_family.headers).json()
    assert inbox["unread_count"] == 0  # answering a message reads it
    for staff in (actors.liaison, actors.partner_admin):
        replies = client.get(
            f"/v1/demonstrations/{world.demonstration.id}/replies", headers=staff.headers
        ).json()["items"]
        assert [(r["text"], r["message_id"]) for r in replies] == [(text, delivery["message_id"])]


def test_dry_run_gives_the_verdict_and_records_nothing(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    before = counts(db)
    path = f"/v1/demonstrations/{world.demonstration.id}/messages/check"
    for staff in (actors.liaison, actors.partner_admin):
        advice = client.post(
            path,
            json={"text": "You should pay down the card", "intent": "logistics"},
            headers=staff.headers,
        )
        assert advice.status_code == 200, advice.text
        verdict = advice.json()
        assert verdict["allowed"] is False and verdict["category"] == "advice"
        assert verdict["phase"] == "I" and verdict["declared_intent"] == "logistics"
        assert {"rule_id", "span", "start", "end", "explanation"} <= set(verdict["reasons"][0])
        fine = client.post(path, json={"text": "Meeting at 6."}, headers=staff.headers).json()
        assert fine["allowed"] is True and fine["category"] == "neutral"
        unknown = client.post(
            path,
            json={"text": "Vous devriez payer la carte", "language": "fr"},
            headers=staff.headers,
        ).json()
        assert unknown["allowed"] is False and unknown["language_supported"] is False
    db.expire_all()
    assert counts(db) == before


def test_resend_with_the_same_client_id_sends_nothing_new(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    client_id = str(uuid.uuid4())
    first = send(client, actors, world, text="Meeting at 6.", client_message_id=client_id)
    before = counts(db)
    again = send(client, actors, world, text="Meeting at 6.", client_message_id=client_id)
    assert again.status_code == 201 and again.json() == first.json()
    changed = send(client, actors, world, text="Meeting at 7.", client_message_id=client_id)
    assert changed.status_code == 409 and changed.json()["code"] == "client-message-id-reused"
    blocked_id = str(uuid.uuid4())
    advice = "You should pay down the card"
    one = send(client, actors, world, text=advice, client_message_id=blocked_id)
    after_one = counts(db)
    two = send(client, actors, world, text=advice, client_message_id=blocked_id)
    assert one.status_code == two.status_code == 422
    assert one.json()["blocked_message_id"] == two.json()["blocked_message_id"]
    assert one.json()["verdict"] == two.json()["verdict"]
    db.expire_all()
    assert counts(db) == after_one
    assert after_one["LiaisonMessage"] == before["LiaisonMessage"] + 1
    assert client.get("/v1/me/inbox", headers=world.seed_family.headers).json()["unread_count"] == 1


def test_recipients_must_belong_to_the_demonstration(
    client: TestClient, actors: Actors, world: World
) -> None:
    for body in (
        {"household_id": str(world.other_household.id)},
        {"friend_group_id": str(world.other_household.friend_group_id)},
        {"household_id": str(uuid.uuid4())},
    ):
        response = send(client, actors, world, text="Meeting at 6.", **body)
        assert response.status_code == 404, response.text
        assert response.json()["code"] == "recipient-not-found"


def test_blocked_attempts_are_listed_filtered_and_summarized(
    client: TestClient, db: Session, test_settings: Settings, actors: Actors, world: World
) -> None:
    send(client, actors, world, text="You should pay down the card")
    send(client, actors, world, text="Take the kids to the clinic for the free checkup.")
    send(client, actors, world, text=BEST_PRACTICE[0][1], intent="best_practice")
    send(client, actors, world, text="Meeting at 6.")
    admin_sends = client.post(
        f"/v1/demonstrations/{world.demonstration.id}/messages",
        json={
            "household_id": str(world.loner.id),
            "intent": "logistics",
            "text": "U shud sell the goats",
        },
        headers=actors.partner_admin.headers,
    )
    assert admin_sends.status_code == 422
    other = client.post(
        f"/v1/demonstrations/{world.other_demonstration.id}/messages",
        json={
            "household_id": str(world.other_household.id),
            "intent": "logistics",
            "text": "You should save more",
        },
        headers=actors.other_liaison.headers,
    )
    assert other.status_code == 422
    base = f"/v1/organizations/{actors.organization.id}/blocked-messages"
    headers = actors.partner_admin.headers
    listed = client.get(base, headers=headers).json()["items"]
    assert len(listed) == 4
    assert all(item["reasons"] and item["channel"] == "message" for item in listed)
    assert listed[0]["sender_user_id"] == str(actors.partner_admin.user.id)  # newest first
    by_liaison = client.get(f"{base}?liaison_id={actors.liaison.user.id}", headers=headers).json()
    assert len(by_liaison["items"]) == 3
    rule = listed[-1]["reasons"][0]["rule_id"]
    by_rule = client.get(f"{base}?rule_id={rule}", headers=headers).json()["items"]
    assert by_rule and all(rule in {r["rule_id"] for r in item["reasons"]} for item in by_rule)
    elsewhere = client.get(
        f"{base}?demonstration_id={world.other_demonstration.id}", headers=headers
    )
    assert elsewhere.json()["items"] == []
    page = client.get(f"{base}?limit=3", headers=headers).json()
    rest = client.get(f"{base}?limit=3&cursor={page['next_cursor']}", headers=headers).json()
    assert [i["id"] for i in page["items"] + rest["items"]] == [i["id"] for i in listed]
    summary = client.get(f"{base}/summary", headers=headers).json()
    assert summary["total"] == 4
    assert summary["by_liaison"][0] == {
        "sender_user_id": str(actors.liaison.user.id),
        "full_name": actors.liaison.user.full_name,
        "blocked": 3,
    }
    assert sum(item["blocked"] for item in summary["by_liaison"]) == 4
    rules_fired = {item["rule_id"] for item in summary["by_rule"]}
    assert "phase.best_practice_in_phase_one" in rules_fired
    other_summary = client.get(
        f"/v1/organizations/{actors.other_organization.id}/blocked-messages/summary",
        headers=actors.other_partner_admin.headers,
    ).json()
    assert other_summary["total"] == 1


def test_bad_input_names_the_field(client: TestClient, actors: Actors, world: World) -> None:
    valid = {"household_id": str(world.seed.id), "intent": "logistics", "text": "Meeting at 6."}
    cases = [
        ({"text": "x" * 1001}, "body.text"),
        ({"text": ""}, "body.text"),
        ({"text": "   "}, "body.text"),
        ({"text": "a\u0000b"}, "body.text"),
        ({"intent": "advice"}, "body.intent"),
        ({"language": "not a tag"}, "body.language"),
        ({"household_id": "nope"}, "body.household_id"),
        ({"client_message_id": "nope"}, "body.client_message_id"),
        ({"friend_group_id": world.group_id}, "body"),
    ]
    path = f"/v1/demonstrations/{world.demonstration.id}/messages"
    for change, field in cases:
        response = client.post(path, json=valid | change, headers=actors.liaison.headers)
        assert response.status_code == 422, (change, response.text)
        assert field in {error["field"] for error in response.json()["errors"]}, change
    neither = {key: value for key, value in valid.items() if key != "household_id"}
    response = client.post(path, json=neither, headers=actors.liaison.headers)
    assert response.status_code == 422 and "household_id" in response.json()["errors"][0]["message"]
    check = f"{path}/check"
    for change, field in [({"text": "x" * 1001}, "body.text"), ({"intent": "x"}, "body.intent")]:
        response = client.post(check, json={"text": "hi"} | change, headers=actors.liaison.headers)
        assert field in {error["field"] for error in response.json()["errors"]}
    blocked = f"/v1/organizations/{actors.organization.id}/blocked-messages"
    for query, field in [
        ("rule_id=Bad%20Rule", "query.rule_id"),
        ("liaison_id=x", "query.liaison_id"),
    ]:
        response = client.get(f"{blocked}?{query}", headers=actors.partner_admin.headers)
        assert response.status_code == 422
        assert field in {error["field"] for error in response.json()["errors"]}
    send(client, actors, world, text="Meeting at 6.")
    delivery = client.get("/v1/me/inbox", headers=world.seed_family.headers).json()["items"][0]
    reply = f"/v1/me/inbox/{delivery['delivery_id']}/reply"
    for body, field in [
        ({"text": "x" * 1001}, "body.text"),
        ({"text": "ok", "client_reply_id": 5}, "body.client_reply_id"),
    ]:
        response = client.post(reply, json=body, headers=world.seed_family.headers)
        assert field in {error["field"] for error in response.json()["errors"]}
    bad_id = client.post("/v1/me/inbox/nope/read", headers=world.seed_family.headers)
    assert "path.delivery_id" in {error["field"] for error in bad_id.json()["errors"]}
