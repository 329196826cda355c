"""Highlights that link families' own stories (issue 6 §6): only stories of featured
households, shown word for word in the consent request, and in public only once published;
never an erased or deleted story."""

import uuid
from itertools import count
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import Settings
from app.models.base import utcnow
from app.models.consent import ConsentPurpose
from app.models.household import Household
from app.models.story import Story, Visibility
from app.models.survey import ReviewState
from app.services import data_rights, highlights
from tests.factories import Actors
from tests.practice_factories import World, make_world, set_consent

_months = count(1)


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> World:
    return make_world(db, test_settings, actors)


def make_story(db: Session, household: Household, **overrides: Any) -> Story:
    now = utcnow()
    values: dict[str, Any] = {
        "household_id": household.id,
        "demonstration_id": household.demonstration_id,
        "friend_group_id": household.friend_group_id,
        "client_story_id": uuid.uuid4(),
        "period": f"2026-{next(_months) % 12 + 1:02d}",
        "text": "We sold tamales at the school gate and paid the rent on time.",
        "visibility": Visibility.GROUP,
        "state": ReviewState.VERIFIED,
        "created_at": now,
        "updated_at": now,
    }
    story = Story(**(values | overrides))
    db.add(story)
    db.flush()
    return story


def draft(client: TestClient, world: World, actors: Actors, **body: Any) -> Any:
    values = {
        "demonstration_id": str(world.demonstration.id),
        "title": "Tamales and rent",
        "text": "Two families found a corner to sell at.",
        "region": "West Point",
        "household_ids": [str(world.a1.household.id), str(world.a2.household.id)],
    }
    return client.post("/v1/highlights", json=values | body, headers=actors.partner_admin.headers)


def publish(client: TestClient, db: Session, world: World, highlight_id: str) -> None:
    for member in (world.a1, world.a2):
        set_consent(db, member.household, ConsentPurpose.PUBLIC_FEATURE, True)
        client.put(
            f"/v1/me/highlight-requests/{highlight_id}",
            json={"consent": True},
            headers=member.headers,
        )


def test_stories_are_asked_for_and_published_word_for_word(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    story = make_story(db, world.a1.household, text="We sold tamales.\n\nNow we pay rent on time.")
    created = draft(client, world, actors, story_ids=[str(story.id)])
    assert created.status_code == 201, created.text
    highlight_id = created.json()["id"]
    assert created.json()["stories"] == [
        {"id": str(story.id), "period": story.period, "text": story.text}
    ]
    # The other featured household sees exactly the story it is asked to consent to.
    [request] = client.get("/v1/me/highlight-requests", headers=world.a2.headers).json()["items"]
    assert [item["text"] for item in request["stories"]] == [story.text]
    # Nothing public before every household consented.
    assert client.get("/v1/public/highlights").json()["items"] == []
    assert client.get(f"/v1/public/highlights/{highlight_id}").status_code == 404
    assert client.get(f"/changemakers/{highlight_id}").status_code == 404

    publish(client, db, world, highlight_id)
    [item] = client.get("/v1/public/highlights").json()["items"]
    assert item["stories"] == [{"id": str(story.id), "period": story.period, "text": story.text}]
    public = client.get(f"/v1/public/highlights/{highlight_id}")
    assert public.json()["stories"][0]["text"] == story.text
    for body in (public.text, client.get("/v1/public/highlights").text):
        assert world.a1.household.label not in body and str(world.a1.household.id) not in body
    page = client.get(f"/changemakers/{highlight_id}")
    assert page.status_code == 200
    assert "We sold tamales." in page.text and "Now we pay rent on time." in page.text
    assert world.a1.household.label not in page.text


def test_a_story_of_a_household_not_featured_is_a_422(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    outsider = make_story(db, world.b1.household)
    response = draft(client, world, actors, story_ids=[str(outsider.id)])
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "story-household-not-featured"
    assert problem["story_ids"] == [str(outsider.id)]


def test_a_story_of_another_demonstration_is_a_422_like_an_unknown_id(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    foreign = make_story(db, world.x1.household)
    response = draft(client, world, actors, story_ids=[str(foreign.id)])
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "unknown-story"
    assert response.json()["missing"] == [str(foreign.id)]
    unknown_id = uuid.uuid4()
    unknown = draft(client, world, actors, story_ids=[str(unknown_id)]).json()
    assert unknown["code"] == "unknown-story" and unknown["missing"] == [str(unknown_id)]
    assert response.json()["detail"] == unknown["detail"]


def test_editing_the_stories_asks_every_household_again(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    first, second = make_story(db, world.a1.household), make_story(db, world.a2.household)
    highlight_id = draft(client, world, actors, story_ids=[str(first.id)]).json()["id"]
    publish(client, db, world, highlight_id)
    assert len(client.get("/v1/public/highlights").json()["items"]) == 1
    edited = client.patch(
        f"/v1/highlights/{highlight_id}",
        json={"story_ids": [str(first.id), str(second.id)]},
        headers=actors.partner_admin.headers,
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["status"] == "awaiting_consent"
    assert {h["answer"] for h in edited.json()["households"]} == {"pending"}
    assert {s["id"] for s in edited.json()["stories"]} == {str(first.id), str(second.id)}
    assert client.get("/v1/public/highlights").json()["items"] == []
    cleared = client.patch(
        f"/v1/highlights/{highlight_id}",
        json={"story_ids": []},
        headers=actors.partner_admin.headers,
    )
    assert cleared.json()["stories"] == []


def test_unfeaturing_a_story_author_is_refused(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    story = make_story(db, world.a1.household)
    highlight_id = draft(client, world, actors, story_ids=[str(story.id)]).json()["id"]
    response = client.patch(
        f"/v1/highlights/{highlight_id}",
        json={"household_ids": [str(world.a2.household.id)]},
        headers=actors.partner_admin.headers,
    )
    assert response.status_code == 422
    assert response.json()["code"] == "story-household-not-featured"
    featured = client.get(f"/v1/highlights/{highlight_id}", headers=actors.partner_admin.headers)
    assert len(featured.json()["households"]) == 2


def test_a_deleted_story_is_not_shown(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    kept, gone = make_story(db, world.a1.household), make_story(db, world.a2.household)
    highlight_id = draft(client, world, actors, story_ids=[str(kept.id), str(gone.id)]).json()["id"]
    publish(client, db, world, highlight_id)
    db.exec(sa.delete(Story).where(Story.id == gone.id))  # type: ignore[call-overload,arg-type]
    db.flush()
    [item] = client.get("/v1/public/highlights").json()["items"]
    assert [story["id"] for story in item["stories"]] == [str(kept.id)]


def test_an_erased_story_is_not_shown_nor_linked(
    client: TestClient, db: Session, actors: Actors, world: World
) -> None:
    assert highlights.ERASED_STORY_TEXT == data_rights.ERASED
    story = make_story(db, world.a1.household)
    highlight_id = draft(client, world, actors, story_ids=[str(story.id)]).json()["id"]
    publish(client, db, world, highlight_id)
    assert client.post("/v1/me/erasure", headers=world.a1.headers).status_code == 200
    [request] = client.get("/v1/me/highlight-requests", headers=world.a2.headers).json()["items"]
    assert request["stories"] == [] and request["status"] == "withdrawn"
    staff = client.get(f"/v1/highlights/{highlight_id}", headers=actors.partner_admin.headers)
    assert staff.json()["stories"] == []
    relinked = draft(client, world, actors, story_ids=[str(story.id)])
    assert relinked.status_code == 422 and relinked.json()["code"] == "unknown-story"
