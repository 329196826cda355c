"""Everyday Changemakers end to end: draft → every household consents → published → one
withdraws → gone from the public API and page at once."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import Settings
from app.models.consent import ConsentPurpose
from tests.factories import Actors
from tests.practice_factories import World, make_post, make_world, set_consent


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> World:
    return make_world(db, test_settings, actors)


def draft(client: TestClient, world: World, actors: Actors, db: Session) -> str:
    post = make_post(db, world.a1.household, title="Savings circle of five")
    response = client.post(
        "/v1/highlights",
        json={
            "demonstration_id": str(world.demonstration.id),
            "title": "Five friends, one savings circle",
            "text": "It started at a kitchen table.\n\nNow twelve families save together.",
            "region": "West Point",
            "household_ids": [str(world.a1.household.id), str(world.a2.household.id)],
            "post_ids": [str(post.id)],
        },
        headers=actors.partner_admin.headers,
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_consent_life_cycle(client: TestClient, world: World, actors: Actors, db: Session) -> None:
    highlight_id = draft(client, world, actors, db)
    for member in (world.a1, world.a2):
        set_consent(db, member.household, ConsentPurpose.PUBLIC_FEATURE, True)
    request = client.get("/v1/me/highlight-requests", headers=world.a1.headers).json()["items"][0]
    assert request["text"].startswith("It started") and request["my_answer"] == "pending"
    url = f"/v1/me/highlight-requests/{highlight_id}"
    assert client.put(url, json={"consent": True}, headers=world.a1.headers).json()["status"] == (
        "awaiting_consent"
    )
    assert client.get("/v1/public/highlights").json()["items"] == []
    assert client.put(url, json={"consent": True}, headers=world.a2.headers).json()["status"] == (
        "published"
    )
    public = client.get("/v1/public/highlights")
    assert public.headers["Cache-Control"] == "public, max-age=60"
    [item] = public.json()["items"]
    assert item["partner_name"] == actors.organization.name and item["families"] == 2
    assert "label" not in item and world.a1.household.label not in public.text
    assert (
        client.get(
            "/v1/public/highlights", headers={"If-None-Match": public.headers["ETag"]}
        ).status_code
        == 304
    )
    page = client.get(f"/changemakers/{highlight_id}")
    assert page.status_code == 200 and "Five friends, one savings circle" in page.text
    assert '<html lang="en">' in page.text and world.a1.household.label not in page.text
    assert "Five friends" in client.get("/changemakers").text
    featured = client.put(
        f"/v1/highlights/{highlight_id}/featured",
        json={"featured": True},
        headers=actors.platform_admin.headers,
    )
    assert featured.json()["featured_internationally"] is True
    assert (
        client.put(
            f"/v1/highlights/{highlight_id}/featured",
            json={"featured": True},
            headers=actors.partner_admin.headers,
        ).status_code
        == 403
    )
    # one household withdraws public_feature consent: gone at once
    client.put(
        f"/v1/households/{world.a2.household.id}/consents/public_feature",
        json={"granted": False},
        headers=world.a2.headers,
    )
    assert client.get("/v1/public/highlights").json()["items"] == []
    assert client.get(f"/v1/public/highlights/{highlight_id}").status_code == 404
    assert client.get(f"/changemakers/{highlight_id}").status_code == 404
    assert "Five friends" not in client.get("/changemakers").text
    staff = client.get(f"/v1/highlights/{highlight_id}", headers=actors.partner_admin.headers)
    assert staff.json()["status"] == "withdrawn"


def test_declining_withdraws_and_editing_asks_again(
    client: TestClient, world: World, actors: Actors, db: Session
) -> None:
    highlight_id = draft(client, world, actors, db)
    for member in (world.a1, world.a2):
        set_consent(db, member.household, ConsentPurpose.PUBLIC_FEATURE, True)
    url = f"/v1/me/highlight-requests/{highlight_id}"
    client.put(url, json={"consent": True}, headers=world.a1.headers)
    declined = client.put(url, json={"consent": False}, headers=world.a2.headers)
    assert declined.json()["status"] == "withdrawn"
    edited = client.patch(
        f"/v1/highlights/{highlight_id}",
        json={"title": "Saving together"},
        headers=actors.partner_admin.headers,
    ).json()
    assert edited["status"] == "awaiting_consent"
    assert {h["answer"] for h in edited["households"]} == {"pending"}


def test_highlight_isolation_and_validation(
    client: TestClient, world: World, actors: Actors, db: Session
) -> None:
    highlight_id = draft(client, world, actors, db)
    for headers, status in [
        ({}, 401),
        (actors.other_partner_admin.headers, 404),
        (actors.liaison.headers, 403),
        (world.a1.headers, 403),
    ]:
        assert client.get(f"/v1/highlights/{highlight_id}", headers=headers).status_code == status
    assert (
        client.put(
            f"/v1/me/highlight-requests/{highlight_id}",
            json={"consent": True},
            headers=world.b1.headers,
        ).status_code
        == 404
    )
    assert (
        client.put(
            f"/v1/me/highlight-requests/{highlight_id}",
            json={"consent": True},
            headers=actors.partner_admin.headers,
        ).status_code
        == 403
    )
    foreign = client.post(
        "/v1/highlights",
        json={
            "demonstration_id": str(world.demonstration.id),
            "title": "t",
            "text": "t",
            "region": "r",
            "household_ids": [str(world.x1.household.id)],
        },
        headers=actors.partner_admin.headers,
    )
    assert foreign.status_code == 422 and foreign.json()["code"] == "unknown-household"
    for field, value in [
        ("title", ""),
        ("text", "x" * 8001),
        ("region", "\u0000"),
        ("household_ids", []),
        ("demonstration_id", "nope"),
    ]:
        body = {
            "demonstration_id": str(world.demonstration.id),
            "title": "t",
            "text": "t",
            "region": "r",
            "household_ids": [str(world.a1.household.id)],
        } | {field: value}
        response = client.post("/v1/highlights", json=body, headers=actors.partner_admin.headers)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"].startswith(f"body.{field}")
    assert client.get("/changemakers/not-a-uuid").status_code == 404
