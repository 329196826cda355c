"""An author's edit of a story or practice post linked to a highlight makes the highlight a new
draft: nobody consented to the new words, so it leaves the showcase and every featured household
is asked again, as after a staff edit. Edits that change nothing a highlight shows do not."""

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.config import Settings
from app.models.audit import AuditEntry
from app.models.consent import ConsentPurpose
from app.models.survey import ReviewState
from app.services import preconditions
from tests.api.test_highlight_stories import draft, make_story, publish
from tests.factories import Actors
from tests.practice_factories import World, make_post, make_world, set_consent


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> World:
    return make_world(db, test_settings, actors)


def _public_ids(client: TestClient) -> list[str]:
    response = client.get("/v1/public/highlights")
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def _request(client: TestClient, world: World, member: str, highlight_id: str) -> Any:
    response = client.get("/v1/me/highlight-requests", headers=getattr(world, member).headers)
    assert response.status_code == 200, response.text
    [request] = [item for item in response.json()["items"] if item["highlight_id"] == highlight_id]
    return request


def _redrafts(db: Session, highlight_id: str) -> list[AuditEntry]:
    return list(
        db.exec(
            select(AuditEntry)
            .where(
                AuditEntry.entity_id == str(uuid.UUID(highlight_id)),
                AuditEntry.action == "highlight.redrafted",
            )
            .order_by(col(AuditEntry.created_at))
        ).all()
    )


def _revise(client: TestClient, world: World, story_id: uuid.UUID, **body: Any) -> Any:
    mine = client.get(f"/v1/stories/{story_id}", headers=world.a1.headers)
    assert mine.status_code == 200, mine.text
    etag = preconditions.etag(story_id, mine.json()["version"])
    return client.patch(
        f"/v1/me/stories/{story_id}",
        json=body,
        headers=world.a1.headers | {"If-Match": etag},
    )


def _asked_again(client: TestClient, world: World, highlight_id: str) -> list[Any]:
    assert highlight_id not in _public_ids(client)
    assert client.get(f"/v1/public/highlights/{highlight_id}").status_code == 404
    assert client.get(f"/changemakers/{highlight_id}").status_code == 404
    requests = [_request(client, world, member, highlight_id) for member in ("a1", "a2")]
    for request in requests:
        assert request["my_answer"] == "pending" and request["answered_at"] is None
        assert request["status"] == "awaiting_consent"
    return requests


def test_a_revised_story_asks_every_household_again(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    story = make_story(db, world.a1.household, state=ReviewState.SUBMITTED, text="Old words.")
    highlight_id = draft(client, world, actors, story_ids=[str(story.id)]).json()["id"]
    publish(client, db, world, highlight_id)
    assert _public_ids(client) == [highlight_id]
    featured = client.put(
        f"/v1/highlights/{highlight_id}/featured",
        json={"featured": True},
        headers=actors.platform_admin.headers,
    )
    assert featured.status_code == 200, featured.text

    revised = _revise(client, world, story.id, text="New words nobody agreed to.")
    assert revised.status_code == 200, revised.text

    for request in _asked_again(client, world, highlight_id):
        assert [item["text"] for item in request["stories"]] == ["New words nobody agreed to."]
    staff = client.get(f"/v1/highlights/{highlight_id}", headers=actors.partner_admin.headers)
    assert staff.json()["status"] == "awaiting_consent"
    assert staff.json()["published_at"] is None
    assert staff.json()["featured_internationally"] is False
    [entry] = _redrafts(db, highlight_id)
    assert entry.actor_user_id == world.a1.signed_in.user.id
    assert entry.changes == {
        "status": "awaiting_consent",
        "fields": ["stories"],
        "story_id": str(story.id),
    }

    publish(client, db, world, highlight_id)
    public = client.get(f"/v1/public/highlights/{highlight_id}")
    assert public.status_code == 200, public.text
    assert [item["text"] for item in public.json()["stories"]] == ["New words nobody agreed to."]
    assert "New words nobody agreed to." in client.get(f"/changemakers/{highlight_id}").text


def test_a_revision_that_keeps_the_text_asks_no_one_again(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    set_consent(db, world.a1.household, ConsentPurpose.SHARE_BEYOND_GROUP, True)
    story = make_story(db, world.a1.household, state=ReviewState.SUBMITTED)
    highlight_id = draft(client, world, actors, story_ids=[str(story.id)]).json()["id"]
    publish(client, db, world, highlight_id)
    same = _revise(client, world, story.id, text=story.text)
    assert same.status_code == 200, same.text
    widened = _revise(client, world, story.id, visibility="demonstration")
    assert widened.status_code == 200, widened.text
    assert widened.json()["version"] == 2  # a real revision, of a field no highlight shows
    assert _public_ids(client) == [highlight_id]
    assert _request(client, world, "a2", highlight_id)["my_answer"] == "consented"
    assert _redrafts(db, highlight_id) == []


def test_revising_an_unlinked_story_changes_nothing(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    linked = make_story(db, world.a1.household, state=ReviewState.SUBMITTED)
    other = make_story(db, world.a1.household, state=ReviewState.SUBMITTED)
    highlight_id = draft(client, world, actors, story_ids=[str(linked.id)]).json()["id"]
    publish(client, db, world, highlight_id)
    revised = _revise(client, world, other.id, text="Another story, in other words.")
    assert revised.status_code == 200, revised.text
    assert _public_ids(client) == [highlight_id]
    for member in ("a1", "a2"):
        assert _request(client, world, member, highlight_id)["my_answer"] == "consented"
    assert _redrafts(db, highlight_id) == []


def test_an_edited_post_asks_every_household_again(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    post = make_post(db, world.a1.household, title="Savings circle")
    unlinked = make_post(db, world.a1.household)
    highlight_id = draft(client, world, actors, post_ids=[str(post.id)]).json()["id"]
    publish(client, db, world, highlight_id)
    assert _public_ids(client) == [highlight_id]

    # Neither an unlinked post nor a field the highlight does not show asks anyone again.
    for post_id, body in (
        (unlinked.id, {"title": "Something else"}),
        (post.id, {"title": "Savings circle", "text": "Now with six friends.", "language": "es"}),
    ):
        edited = client.patch(f"/v1/practices/{post_id}", json=body, headers=world.a1.headers)
        assert edited.status_code == 200, edited.text
    assert _public_ids(client) == [highlight_id]
    assert _redrafts(db, highlight_id) == []

    edited = client.patch(
        f"/v1/practices/{post.id}", json={"title": "Weekly savings"}, headers=world.a1.headers
    )
    assert edited.status_code == 200, edited.text
    for request in _asked_again(client, world, highlight_id):
        assert [item["title"] for item in request["posts"]] == ["Weekly savings"]
    [entry] = _redrafts(db, highlight_id)
    assert entry.changes == {
        "status": "awaiting_consent",
        "fields": ["posts"],
        "post_id": str(post.id),
    }

    publish(client, db, world, highlight_id)
    public = client.get(f"/v1/public/highlights/{highlight_id}")
    assert public.status_code == 200, public.text
    assert [item["title"] for item in public.json()["practices"]] == ["Weekly savings"]

    recategorised = client.patch(
        f"/v1/practices/{post.id}",
        json={"categories": ["savings", "food"]},
        headers=world.a1.headers,
    )
    assert recategorised.status_code == 200, recategorised.text
    assert highlight_id not in _public_ids(client)
    assert len(_redrafts(db, highlight_id)) == 2


def test_a_withdrawn_highlight_stays_withdrawn(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    story = make_story(db, world.a1.household, state=ReviewState.SUBMITTED)
    highlight_id = draft(client, world, actors, story_ids=[str(story.id)]).json()["id"]
    declined = client.put(
        f"/v1/me/highlight-requests/{highlight_id}",
        json={"consent": False},
        headers=world.a2.headers,
    )
    assert declined.json()["status"] == "withdrawn"
    assert _revise(client, world, story.id, text="Changed anyway.").status_code == 200
    request = _request(client, world, "a2", highlight_id)
    assert request["status"] == "withdrawn" and request["my_answer"] == "declined"
    assert _redrafts(db, highlight_id) == []


def _answer(client: TestClient, world: World, highlight_id: str, **body: Any) -> Any:
    return client.put(
        f"/v1/me/highlight-requests/{highlight_id}", json=body, headers=world.a1.headers
    )


def test_a_consent_to_a_text_that_changed_since_it_was_read_is_refused(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    set_consent(db, world.a1.household, ConsentPurpose.PUBLIC_FEATURE, True)
    story = make_story(db, world.a1.household, state=ReviewState.SUBMITTED, text="Old words.")
    highlight_id = draft(client, world, actors, story_ids=[str(story.id)]).json()["id"]
    read = _request(client, world, "a1", highlight_id)
    assert read["version"] == _request(client, world, "a2", highlight_id)["version"]
    revised = _revise(client, world, story.id, text="New words, read by no one.")
    assert revised.status_code == 200, revised.text

    stale = _answer(client, world, highlight_id, consent=True, version=read["version"])
    assert stale.status_code == 409, stale.text
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["code"] == "highlight-changed"
    again = _request(client, world, "a1", highlight_id)
    assert again["my_answer"] == "pending" and again["version"] != read["version"]

    consented = _answer(client, world, highlight_id, consent=True, version=again["version"])
    assert consented.status_code == 200, consented.text
    assert consented.json()["my_answer"] == "consented"
    declined = _answer(client, world, highlight_id, consent=False, version=read["version"])
    assert declined.status_code == 200, declined.text  # a decline is always taken
    assert declined.json()["my_answer"] == "declined"


@pytest.mark.parametrize("version", ["", "abc", "0" * 65, 42])
def test_a_malformed_version_is_a_422(
    client: TestClient, actors: Actors, world: World, version: Any
) -> None:
    highlight_id = draft(client, world, actors).json()["id"]
    response = _answer(client, world, highlight_id, consent=True, version=version)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
