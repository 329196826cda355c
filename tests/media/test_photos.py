"""Photos through the API: real image types only, size limit, idempotent uploads, and who may
see a photo — exactly those who may see its story, survey or post."""

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.models.audit import AuditEntry
from app.models.consent import ConsentPurpose
from app.models.practice import PracticeScope
from tests.factories import SignedIn
from tests.media.world import MediaWorld, jpeg, month, png, story_body, upload, webp
from tests.practice_factories import make_post
from tests.surveys.world import answers


def _story(client: TestClient, world: MediaWorld, **overrides: Any) -> dict[str, Any]:
    response = client.post(
        "/v1/me/stories", json=story_body(**overrides), headers=world.family.headers
    )
    assert response.status_code == 201, response.text
    return response.json()


def _survey(client: TestClient, world: MediaWorld) -> dict[str, Any]:
    response = client.put(
        f"/v1/me/surveys/{month(1)}",
        json={"client_submission_id": str(uuid.uuid4()), "form_version": 1, "answers": answers()},
        headers=world.family.headers,
    )
    assert response.status_code == 201, response.text
    return response.json()


def _status(client: TestClient, url: str, who: SignedIn) -> int:
    return client.get(url, headers=who.headers).status_code


@pytest.mark.parametrize(
    ("data", "content_type", "size"),
    [(jpeg(), "image/jpeg", (4, 5)), (png(), "image/png", (3, 2)), (webp(), "image/webp", (6, 7))],
)
def test_each_type_is_recognised_from_its_bytes(
    client: TestClient,
    world: MediaWorld,
    db: Session,
    data: bytes,
    content_type: str,
    size: tuple[int, int],
) -> None:
    story = _story(client, world)
    url = f"/v1/me/stories/{story['id']}/photos"
    # The name and the declared type lie; the bytes decide.
    response = upload(client, url, world.family, data, name="x.gif", content_type="text/plain")
    assert response.status_code == 201, response.text
    photo = response.json()
    assert photo["content_type"] == content_type
    assert (photo["width"], photo["height"]) == size
    assert photo["story_id"] == story["id"]
    served = client.get(photo["url"], headers=world.family.headers)
    assert served.status_code == 200
    assert served.content == data
    assert served.headers["content-type"] == content_type
    assert served.headers["x-content-type-options"] == "nosniff"
    cached = client.get(
        photo["url"], headers=world.family.headers | {"If-None-Match": served.headers["ETag"]}
    )
    assert cached.status_code == 304
    # Resending the same bytes makes nothing new.
    again = upload(client, url, world.family, data)
    assert again.status_code == 200
    assert again.json()["id"] == photo["id"]
    shown = client.get(f"/v1/stories/{story['id']}", headers=world.family.headers).json()
    assert shown["photo_ids"] == [photo["id"]]
    assert shown["photo_urls"] == [photo["url"]]
    audited = db.exec(select(AuditEntry.action).where(AuditEntry.entity_id == photo["id"])).all()
    assert audited == ["photo.uploaded"]


@pytest.mark.parametrize(
    "data",
    [
        b"just some text, named like a photo",
        b"",
        b"GIF89a\x01\x00\x01\x00",
        b"RIFF\x00\x00\x00\x00WAVEfmt ",
        b"\x89PNG\r\n",
    ],
)
def test_anything_else_is_415(client: TestClient, world: MediaWorld, data: bytes) -> None:
    story = _story(client, world)
    response = upload(
        client, f"/v1/me/stories/{story['id']}/photos", world.family, data, name="holiday.jpg"
    )
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported-image"


def test_too_large_is_413(client: TestClient, world: MediaWorld, test_settings: Any) -> None:
    story = _story(client, world)
    url = f"/v1/me/stories/{story['id']}/photos"
    at_limit = jpeg() + b"\x00" * (test_settings.max_photo_bytes - len(jpeg()))
    assert upload(client, url, world.family, at_limit).status_code == 201
    response = upload(client, url, world.family, at_limit + b"\x00")
    assert response.status_code == 413
    assert response.json()["code"] == "photo-too-large"
    far_too_large = upload(client, url, world.family, at_limit + b"\x00" * 200_000)
    assert far_too_large.status_code == 413


def test_survey_evidence_is_for_the_household_and_its_staff(
    client: TestClient, world: MediaWorld
) -> None:
    actors = world.base.actors
    survey = _survey(client, world)
    url = f"/v1/me/surveys/{month(1)}/photos"
    unknown = upload(client, url, world.family, png(), form={"question_id": "no_such_question"})
    assert unknown.status_code == 422
    assert unknown.json()["code"] == "unknown-question"
    bad = upload(client, url, world.family, png(), form={"question_id": "Bad Id"})
    assert bad.status_code == 422
    response = upload(client, url, world.family, png(), form={"question_id": "savings"})
    assert response.status_code == 201, response.text
    photo = response.json()
    assert photo["survey_submission_id"] == survey["id"]
    assert photo["question_id"] == "savings"
    assert [p["id"] for p in client.get(url, headers=world.family.headers).json()] == [photo["id"]]
    staff_list = f"/v1/surveys/{survey['id']}/photos"
    assert [p["id"] for p in client.get(staff_list, headers=actors.liaison.headers).json()] == [
        photo["id"]
    ]
    assert _status(client, staff_list, actors.other_partner_admin) == 404
    assert _status(client, staff_list, world.unassigned_liaison) == 404
    assert _status(client, staff_list, world.family) == 403
    for allowed in (world.family, actors.liaison, actors.partner_admin, actors.platform_admin):
        assert _status(client, photo["url"], allowed) == 200
    for outsider in (
        world.group_peer,
        world.demonstration_peer,
        world.base.other_family,
        actors.other_partner_admin,
        actors.other_liaison,
        world.unassigned_liaison,
    ):
        assert _status(client, photo["url"], outsider) == 404
    assert _status(client, f"/v1/me/surveys/{month(3)}/photos", world.family) == 404


def test_story_photo_follows_the_story(client: TestClient, world: MediaWorld, db: Session) -> None:
    world.consent(db, ConsentPurpose.SHARE_BEYOND_GROUP)
    story = _story(client, world, visibility="demonstration")
    photo = upload(client, f"/v1/me/stories/{story['id']}/photos", world.family, jpeg()).json()
    assert _status(client, photo["url"], world.group_peer) == 200
    assert _status(client, photo["url"], world.demonstration_peer) == 200
    assert _status(client, photo["url"], world.base.other_family) == 404
    assert _status(client, photo["url"], world.base.actors.other_partner_admin) == 404
    world.consent(db, ConsentPurpose.SHARE_BEYOND_GROUP, granted=False)
    assert _status(client, photo["url"], world.demonstration_peer) == 404
    assert _status(client, photo["url"], world.group_peer) == 200


def test_post_photo_is_visible_exactly_where_the_post_is(
    client: TestClient, world: MediaWorld, db: Session
) -> None:
    post = make_post(db, world.household, scope=PracticeScope.GROUP)
    db.flush()
    url = f"/v1/practices/{post.id}/photos"
    assert upload(client, url, world.group_peer, jpeg()).status_code == 403  # not its post
    assert upload(client, url, world.base.other_family, jpeg()).status_code == 404
    assert upload(client, url, world.base.actors.liaison, jpeg()).status_code == 403
    response = upload(client, url, world.family, webp())
    assert response.status_code == 201, response.text
    photo = response.json()
    assert photo["practice_post_id"] == str(post.id)

    read = client.get(f"/v1/practices/{post.id}", headers=world.group_peer.headers).json()
    assert read["photo_urls"] == [photo["url"]]
    feed = client.get("/v1/feed?scope=group", headers=world.group_peer.headers).json()
    assert [item["thumbnail_urls"] for item in feed["items"]] == [[photo["url"]]]
    assert _status(client, photo["url"], world.group_peer) == 200
    assert _status(client, photo["url"], world.base.actors.liaison) == 200
    assert _status(client, photo["url"], world.demonstration_peer) == 404
    assert _status(client, photo["url"], world.base.other_family) == 404
    assert _status(client, photo["url"], world.base.actors.other_liaison) == 404
    assert _status(client, photo["url"], world.unassigned_liaison) == 404

    world.consent(db, ConsentPurpose.SHARE_BEYOND_GROUP)
    post.scope = PracticeScope.DEMONSTRATION
    db.add(post)
    db.flush()
    assert _status(client, photo["url"], world.demonstration_peer) == 200
    assert _status(client, photo["url"], world.base.other_family) == 404
    deleted = client.delete(f"/v1/practices/{post.id}", headers=world.family.headers)
    assert deleted.status_code in (200, 204)
    assert _status(client, photo["url"], world.demonstration_peer) == 404
    assert _status(client, photo["url"], world.family) == 200


def test_uploads_are_the_households_own(client: TestClient, world: MediaWorld, db: Session) -> None:
    story = _story(client, world)
    url = f"/v1/me/stories/{story['id']}/photos"
    for outsider in (world.group_peer, world.base.other_family):
        assert upload(client, url, outsider, jpeg()).status_code == 404
    for staff in (world.base.actors.liaison, world.base.actors.platform_admin):
        assert upload(client, url, staff, jpeg()).status_code == 403
    unknown = f"/v1/me/stories/{uuid.uuid4()}/photos"
    assert upload(client, unknown, world.family, jpeg()).status_code == 404
    assert client.post(url, headers=world.family.headers).status_code == 422  # no file
    assert client.post(url, headers=world.family.headers, json={"file": "x"}).status_code == 422
    assert _status(client, f"/v1/photos/{uuid.uuid4()}", world.family) == 404
    assert _status(client, "/v1/photos/nope", world.family) == 422
    assert client.get(f"/v1/photos/{uuid.uuid4()}").status_code == 401


def test_verified_records_take_no_more_photos(client: TestClient, world: MediaWorld) -> None:
    story = _story(client, world)
    etag = f'"{uuid.UUID(story["id"]).hex}.{story["version"]}"'
    verified = client.post(
        f"/v1/stories/{story['id']}/decisions",
        json={"decision": "verify"},
        headers=world.base.actors.liaison.headers | {"If-Match": etag},
    )
    assert verified.status_code == 200
    response = upload(client, f"/v1/me/stories/{story['id']}/photos", world.family, jpeg())
    assert response.status_code == 409
    assert response.json()["code"] == "story-locked"


def test_a_record_has_at_most_ten_photos(client: TestClient, world: MediaWorld) -> None:
    story = _story(client, world)
    url = f"/v1/me/stories/{story['id']}/photos"
    for width in range(1, 11):
        assert upload(client, url, world.family, png(width=width)).status_code == 201
    response = upload(client, url, world.family, png(width=11))
    assert response.status_code == 409
    assert response.json()["code"] == "too-many-photos"
