"""Who may call the phase, readiness, message and inbox routes: every route, every caller.

Another organization's staff and liaisons not assigned to the demonstration get 404, exactly
as for an unknown id; a role the route is not for gets 403; no token gets 401.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import Settings
from tests.api.program_world import World, make_world
from tests.factories import Actors

CALLERS = [
    "partner_admin",
    "liaison",
    "unassigned_liaison",
    "other_partner_admin",
    "other_liaison",
    "platform_admin",
    "family",
    "other_family",
    "anonymous",
]


@dataclass(frozen=True)
class Call:
    method: str
    path: Callable[[World, Actors, str], str]
    body: dict[str, Any] | Callable[[World], dict[str, Any]] | None
    expected: dict[str, int]


def demo(suffix: str) -> Callable[[World, Actors, str], str]:
    return lambda world, _actors, _delivery: f"/v1/demonstrations/{world.demonstration.id}{suffix}"


def org(suffix: str) -> Callable[[World, Actors, str], str]:
    return lambda _world, actors, _delivery: f"/v1/organizations/{actors.organization.id}{suffix}"


def inbox(suffix: str) -> Callable[[World, Actors, str], str]:
    return lambda _world, _actors, delivery: f"/v1/me/inbox{suffix.format(delivery=delivery)}"


STAFF_READ = {
    "partner_admin": 200,
    "liaison": 200,
    "unassigned_liaison": 404,
    "other_partner_admin": 404,
    "other_liaison": 404,
    "platform_admin": 403,
    "family": 403,
    "other_family": 403,
    "anonymous": 401,
}
STAFF_SEND = STAFF_READ | {"partner_admin": 201, "liaison": 201}
ADMIN_ONLY = STAFF_READ | {"liaison": 403, "unassigned_liaison": 403}
FAMILY_ONLY = {
    "partner_admin": 403,
    "liaison": 403,
    "unassigned_liaison": 403,
    "other_partner_admin": 403,
    "other_liaison": 403,
    "platform_admin": 403,
    "family": 200,
    "other_family": 404,
    "anonymous": 401,
}

CALLS = {
    "phase_change": Call(
        "POST",
        demo("/phase"),
        {"to": "II", "reason": "They act on their own."},
        STAFF_READ | {"partner_admin": 201, "liaison": 403},
    ),
    "phase_history": Call("GET", demo("/phase-history"), None, STAFF_READ),
    "phase_readiness": Call("GET", demo("/readiness"), None, STAFF_READ),
    "messages_check": Call("POST", demo("/messages/check"), {"text": "Meeting at 6."}, STAFF_READ),
    "messages_send": Call(
        "POST",
        demo("/messages"),
        lambda world: {
            "household_id": str(world.seed.id),
            "intent": "logistics",
            "text": "Meeting at 6.",
        },
        STAFF_SEND,
    ),
    "messages_list": Call("GET", demo("/messages"), None, STAFF_READ),
    "messages_replies_list": Call("GET", demo("/replies"), None, STAFF_READ),
    "blocked_messages_list": Call("GET", org("/blocked-messages"), None, ADMIN_ONLY),
    "blocked_messages_summary": Call("GET", org("/blocked-messages/summary"), None, ADMIN_ONLY),
    "inbox_list": Call("GET", inbox(""), None, FAMILY_ONLY | {"other_family": 200}),
    "inbox_mark_read": Call("POST", inbox("/{delivery}/read"), None, FAMILY_ONLY),
    "inbox_reply": Call(
        "POST", inbox("/{delivery}/reply"), {"text": "Thanks!"}, FAMILY_ONLY | {"family": 201}
    ),
}


def test_every_new_route_is_in_the_matrix(client: TestClient) -> None:
    operations = {
        operation["operationId"]
        for item in client.get("/openapi.json").json()["paths"].values()
        for operation in item.values()
    }
    mine = {op for op in operations if op.startswith(("phase_", "messages_", "blocked_", "inbox_"))}
    assert mine == set(CALLS)


@pytest.mark.parametrize("operation", sorted(CALLS))
def test_access(
    operation: str, client: TestClient, db: Session, test_settings: Settings, actors: Actors
) -> None:
    world = make_world(db, test_settings, actors)
    sent = client.post(
        f"/v1/demonstrations/{world.demonstration.id}/messages",
        json={"household_id": str(world.seed.id), "intent": "logistics", "text": "Hello."},
        headers=actors.liaison.headers,
    )
    delivery = client.get("/v1/me/inbox", headers=world.seed_family.headers).json()["items"][0]
    assert sent.status_code == 201
    call = CALLS[operation]
    headers = {
        "partner_admin": actors.partner_admin.headers,
        "liaison": actors.liaison.headers,
        "unassigned_liaison": world.unassigned_liaison.headers,
        "other_partner_admin": actors.other_partner_admin.headers,
        "other_liaison": actors.other_liaison.headers,
        "platform_admin": actors.platform_admin.headers,
        "family": world.seed_family.headers,
        "other_family": world.other_family.headers,
        "anonymous": {},
    }
    for caller in CALLERS:
        body = call.body(world) if callable(call.body) else call.body
        response = client.request(
            call.method,
            call.path(world, actors, delivery["delivery_id"]),
            json=body,
            headers=headers[caller],
        )
        expected = call.expected[caller]
        assert response.status_code == expected, (operation, caller, response.text)
        if expected >= 400:
            assert response.headers["content-type"].startswith("application/problem+json")
        if operation == "phase_change" and expected == 201:  # put it back for the next caller
            client.post(
                call.path(world, actors, ""),
                json={"to": "I", "reason": "back"},
                headers=headers[caller],
            )
