"""Stories through the API: writing and resending, consent-gated visibility, revisions,
verification by the partner's staff, isolation, and bad input."""

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import Settings
from app.models.audit import AuditEntry
from app.models.consent import ConsentPurpose
from app.models.user import Role
from tests.factories import (
    SignedIn,
    make_family_member,
    make_household,
    make_user,
    sign_in,
)
from tests.media.world import MediaWorld, month, story_body


def _create(client: TestClient, who: SignedIn, **overrides: Any) -> Any:
    return client.post("/v1/me/stories", json=story_body(**overrides), headers=who.headers)


def _peer_ids(client: TestClient, who: SignedIn, scope: str) -> set[str]:
    response = client.get(f"/v1/stories?scope={scope}", headers=who.headers)
    assert response.status_code == 200, response.text
    return {item["id"] for item in response.json()["items"]}


def _decide(
    client: TestClient, who: SignedIn, story: dict[str, Any], decision: str, **extra: Any
) -> Any:
    headers = who.headers | {"If-Match": f'"{uuid.UUID(story["id"]).hex}.{story["version"]}"'}
    return client.post(
        f"/v1/stories/{story['id']}/decisions",
        json={"decision": decision, **extra},
        headers=headers,
    )


def test_write_resend_and_list(client: TestClient, world: MediaWorld, db: Session) -> None:
    body = story_body()
    created = client.post("/v1/me/stories", json=body, headers=world.family.headers)
    assert created.status_code == 201, created.text
    story = created.json()
    assert story["state"] == "submitted"
    assert story["effective_visibility"] == "group"
    assert story["client_story_id"] == body["client_story_id"]
    assert created.headers["ETag"]

    again = client.post("/v1/me/stories", json=body, headers=world.family.headers)
    assert again.status_code == 200
    assert again.json()["id"] == story["id"]

    other = client.post(
        "/v1/me/stories", json=body | {"text": "Something else"}, headers=world.family.headers
    )
    assert other.status_code == 409
    assert other.json()["code"] == "story-conflict"
    # Another household reusing the id conflicts too, and learns nothing about the story.
    stolen = client.post("/v1/me/stories", json=body, headers=world.group_peer.headers)
    assert stolen.status_code == 409

    listed = client.get("/v1/me/stories", headers=world.family.headers).json()
    assert [item["id"] for item in listed["items"]] == [story["id"]]
    assert listed["items"][0]["reviews"] == []
    actions = db.exec(select(AuditEntry.action).where(AuditEntry.entity_id == story["id"])).all()
    assert actions == ["story.submitted"]


@pytest.mark.parametrize(("period", "why"), [(month(-2), "has not begun"), ("2001-01", "enrolled")])
def test_period_rules(client: TestClient, world: MediaWorld, period: str, why: str) -> None:
    response = _create(client, world.family, period=period)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid-period"
    assert why in response.json()["detail"]


def test_visibility_needs_consent_and_narrows_at_once(
    client: TestClient, world: MediaWorld, db: Session
) -> None:
    refused = _create(client, world.family, visibility="demonstration")
    assert refused.status_code == 403
    assert refused.json()["code"] == "consent-required"
    assert _create(client, world.family, visibility="public").status_code == 403

    world.consent(db, ConsentPurpose.SHARE_BEYOND_GROUP)
    story = _create(client, world.family, visibility="demonstration").json()
    assert story["effective_visibility"] == "demonstration"
    assert story["id"] in _peer_ids(client, world.demonstration_peer, "demonstration")
    assert story["id"] in _peer_ids(client, world.group_peer, "group")
    peer_view = client.get(f"/v1/stories/{story['id']}", headers=world.demonstration_peer.headers)
    assert peer_view.status_code == 200
    assert peer_view.json()["reviews"] is None
    assert peer_view.json()["client_story_id"] is None

    world.consent(db, ConsentPurpose.SHARE_BEYOND_GROUP, granted=False)
    assert story["id"] not in _peer_ids(client, world.demonstration_peer, "demonstration")
    gone = client.get(f"/v1/stories/{story['id']}", headers=world.demonstration_peer.headers)
    assert gone.status_code == 404
    assert story["id"] in _peer_ids(client, world.group_peer, "group")
    own = client.get(f"/v1/stories/{story['id']}", headers=world.family.headers).json()
    assert own["visibility"] == "demonstration"
    assert own["effective_visibility"] == "group"


def test_public_story_narrows_to_what_is_still_consented(
    client: TestClient, world: MediaWorld, db: Session
) -> None:
    world.consent(db, ConsentPurpose.PUBLIC_FEATURE)
    world.consent(db, ConsentPurpose.SHARE_BEYOND_GROUP)
    story = _create(client, world.family, visibility="public").json()
    assert story["effective_visibility"] == "public"
    world.consent(db, ConsentPurpose.PUBLIC_FEATURE, granted=False)
    own = client.get(f"/v1/stories/{story['id']}", headers=world.family.headers).json()
    assert own["effective_visibility"] == "demonstration"
    world.consent(db, ConsentPurpose.SHARE_BEYOND_GROUP, granted=False)
    own = client.get(f"/v1/stories/{story['id']}", headers=world.family.headers).json()
    assert own["effective_visibility"] == "group"
    assert story["id"] not in _peer_ids(client, world.demonstration_peer, "demonstration")


def test_revisions_need_if_match_and_are_kept(client: TestClient, world: MediaWorld) -> None:
    story = _create(client, world.family).json()
    url = f"/v1/me/stories/{story['id']}"
    change = {"text": "We now save every week."}
    missing = client.patch(url, json=change, headers=world.family.headers)
    assert missing.status_code == 428
    stale = client.patch(url, json=change, headers=world.family.headers | {"If-Match": '"0.0"'})
    assert stale.status_code == 412
    etag = client.get(f"/v1/stories/{story['id']}", headers=world.family.headers).headers["ETag"]
    revised = client.patch(url, json=change, headers=world.family.headers | {"If-Match": etag})
    assert revised.status_code == 200, revised.text
    assert revised.json()["version"] == 2
    # The same change again is a no-op, without If-Match.
    assert client.patch(url, json=change, headers=world.family.headers).status_code == 200
    revisions = client.get(
        f"/v1/stories/{story['id']}/revisions", headers=world.family.headers
    ).json()
    assert [r["text"] for r in revisions] == [story["text"], change["text"]]
    assert (
        client.patch(
            url,
            json={"visibility": "public"},
            headers=world.family.headers | {"If-Match": revised.headers["ETag"]},
        ).status_code
        == 403
    )


def test_verification_flow(client: TestClient, world: MediaWorld, db: Session) -> None:
    actors = world.base.actors
    story = _create(client, world.family).json()
    queue = client.get(
        f"/v1/demonstrations/{world.base.demonstration.id}/stories?state=submitted",
        headers=actors.liaison.headers,
    )
    assert queue.status_code == 200
    assert [item["id"] for item in queue.json()["items"]] == [story["id"]]
    assert queue.json()["items"][0]["client_story_id"] is None

    no_comment = _decide(client, actors.liaison, story, "clarify")
    assert no_comment.status_code == 422
    assert no_comment.json()["code"] == "comment-required"
    advice = _decide(
        client,
        actors.liaison,
        story,
        "clarify",
        comment="Great story! Next month you should pay down the card.",
    )
    assert advice.status_code == 422
    assert advice.json()["code"] == "message-blocked"
    assert (
        client.post(
            f"/v1/stories/{story['id']}/decisions",
            json={"decision": "verify"},
            headers=actors.liaison.headers,
        ).status_code
        == 428
    )
    clarified = _decide(
        client, actors.liaison, story, "clarify", comment="Which month did the circle start?"
    )
    assert clarified.status_code == 200, clarified.text
    assert clarified.json()["state"] == "needs_clarification"
    assert _decide(client, actors.liaison, story, "verify").status_code == 412

    own = client.get(f"/v1/stories/{story['id']}", headers=world.family.headers)
    assert own.json()["reviews"][0]["comment"] == "Which month did the circle start?"
    revised = client.patch(
        f"/v1/me/stories/{story['id']}",
        json={"text": "We started the circle in spring."},
        headers=world.family.headers | {"If-Match": own.headers["ETag"]},
    )
    assert revised.json()["state"] == "resubmitted"
    verified = _decide(client, actors.partner_admin, revised.json(), "verify")
    assert verified.json()["state"] == "verified"
    locked = client.patch(
        f"/v1/me/stories/{story['id']}",
        json={"text": "Changed after verification"},
        headers=world.family.headers | {"If-Match": verified.headers["ETag"]},
    )
    assert locked.status_code == 409
    assert locked.json()["code"] == "story-locked"
    comment = client.post(
        f"/v1/stories/{story['id']}/comments",
        json={"text": "Thank you for sharing."},
        headers=actors.liaison.headers,
    )
    assert comment.status_code == 201
    actions = set(
        db.exec(select(AuditEntry.action).where(AuditEntry.entity_id == story["id"])).all()
    )
    assert {"story.submitted", "story.revised", "story.clarify", "story.verify"} <= actions
    assert "story.commented" in actions


def test_isolation(client: TestClient, world: MediaWorld, db: Session) -> None:
    actors = world.base.actors
    story = _create(client, world.family).json()
    url = f"/v1/stories/{story['id']}"
    for outsider in (
        world.base.other_family,
        world.demonstration_peer,
        actors.other_partner_admin,
        actors.other_liaison,
        world.unassigned_liaison,
    ):
        assert client.get(url, headers=outsider.headers).status_code == 404
        assert client.get(f"{url}/revisions", headers=outsider.headers).status_code == 404
    for staff in (actors.other_partner_admin, world.unassigned_liaison):
        assert _decide(client, staff, story, "verify").status_code == 404
        queue = client.get(
            f"/v1/demonstrations/{world.base.demonstration.id}/stories", headers=staff.headers
        )
        assert queue.status_code == 404
    assert _decide(client, world.family, story, "verify").status_code == 403
    assert _decide(client, actors.platform_admin, story, "verify").status_code == 403
    assert client.get(url, headers=actors.platform_admin.headers).status_code == 200
    # A group peer reads it, but may neither revise it nor see its reviews.
    assert client.get(url, headers=world.group_peer.headers).json()["reviews"] is None
    assert (
        client.patch(
            f"/v1/me/stories/{story['id']}", json={"text": "x"}, headers=world.group_peer.headers
        ).status_code
        == 404
    )
    assert client.get(f"{url}/revisions", headers=world.group_peer.headers).status_code == 404
    # Staff have no household: the family routes are not theirs.
    assert client.get("/v1/me/stories", headers=actors.liaison.headers).status_code == 403
    assert client.get("/v1/stories", headers=actors.liaison.headers).status_code == 403
    # A rejected story is shown to no peer.
    rejected = _decide(client, actors.liaison, story, "reject", comment="Not a story of ours.")
    assert rejected.status_code == 200
    assert story["id"] not in _peer_ids(client, world.group_peer, "group")


def test_family_member_without_household(
    client: TestClient, world: MediaWorld, db: Session, test_settings: Settings
) -> None:
    loose = sign_in(db, test_settings, make_user(db, Role.FAMILY))
    assert _create(client, loose).status_code == 403
    assert client.get("/v1/stories", headers=loose.headers).status_code == 403


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", ""),
        ("text", "   "),
        ("text", "x" * 5001),
        ("text", "bad\x00text"),
        ("text", 12),
        ("period", "2024-13"),
        ("period", "2024-1"),
        ("period", None),
        ("visibility", "everyone"),
        ("client_story_id", "not-a-uuid"),
        ("client_story_id", None),
    ],
)
def test_bad_input_names_the_field(
    client: TestClient, world: MediaWorld, field: str, value: Any
) -> None:
    response = _create(client, world.family, **{field: value})
    assert response.status_code == 422
    assert any(error["field"] == f"body.{field}" for error in response.json()["errors"])


def test_bad_query_and_path(client: TestClient, world: MediaWorld) -> None:
    headers = world.family.headers
    assert client.get("/v1/stories?scope=world", headers=headers).status_code == 422
    assert client.get("/v1/stories/not-an-id", headers=headers).status_code == 422
    assert client.get("/v1/me/stories?cursor=!!", headers=headers).status_code == 422
    staff = world.base.actors.liaison.headers
    queue = f"/v1/demonstrations/{world.base.demonstration.id}/stories"
    assert client.get(f"{queue}?period=2024-1", headers=staff).status_code == 422
    assert client.get(f"{queue}?state=nope", headers=staff).status_code == 422


def test_queue_filters_and_pages(
    client: TestClient, world: MediaWorld, db: Session, test_settings: Settings
) -> None:
    ids = {_create(client, world.family, period=month(i)).json()["id"] for i in range(3)}
    other = make_household(db, world.base.demonstration, created_at=world.household.created_at)
    other_family = make_family_member(db, test_settings, other)
    assert _create(client, other_family).status_code == 201
    staff = world.base.actors.liaison.headers
    queue = f"/v1/demonstrations/{world.base.demonstration.id}/stories"
    by_group = client.get(
        f"{queue}?friend_group_id={world.household.friend_group_id}", headers=staff
    ).json()
    assert {item["id"] for item in by_group["items"]} == ids
    assert len(client.get(f"{queue}?period={month(1)}", headers=staff).json()["items"]) == 2
    seen: list[str] = []
    cursor = None
    while True:
        suffix = f"&cursor={cursor}" if cursor else ""
        page = client.get(f"{queue}?limit=2{suffix}", headers=staff).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 4
