"""Practice posts, the feed, adoptions, comments, reports and hiding through the API."""

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import Settings
from app.models.audit import AuditEntry
from app.models.consent import ConsentPurpose
from app.models.practice import Adoption, PracticeScope
from tests.factories import Actors
from tests.practice_factories import World, make_post, make_world, set_consent

POST = {
    "title": "Savings circle",
    "text": "Five of us save weekly.",
    "categories": ["savings"],
    "language": "en",
}


@pytest.fixture
def world(db: Session, test_settings: Settings, actors: Actors) -> World:
    return make_world(db, test_settings, actors)


def feed_ids(client: TestClient, headers: dict[str, str], **params: str) -> list[str]:
    response = client.get("/v1/feed", headers=headers, params=params)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_post_edit_delete_and_scope_needs_consent(
    client: TestClient, world: World, db: Session
) -> None:
    created = client.post("/v1/practices", json=POST, headers=world.a1.headers)
    assert created.status_code == 201, created.text
    post_id = created.json()["id"]
    assert created.json()["effective_scope"] == "group"
    wider = client.post("/v1/practices", json=POST | {"scope": "world"}, headers=world.a1.headers)
    assert wider.status_code == 403 and wider.json()["code"] == "consent-required"
    edited = client.patch(
        f"/v1/practices/{post_id}", json={"title": "Weekly savings"}, headers=world.a1.headers
    )
    assert edited.json()["title"] == "Weekly savings"
    assert (
        client.patch(
            f"/v1/practices/{post_id}", json={"title": "x"}, headers=world.a2.headers
        ).status_code
        == 403
    )
    assert client.delete(f"/v1/practices/{post_id}", headers=world.a1.headers).status_code == 204
    assert client.get(f"/v1/practices/{post_id}", headers=world.a1.headers).status_code == 404


def test_withdrawing_consent_narrows_posts_to_the_group_at_once(
    client: TestClient, world: World, db: Session
) -> None:
    set_consent(db, world.a1.household, ConsentPurpose.SHARE_BEYOND_GROUP, True)
    post_id = client.post(
        "/v1/practices", json=POST | {"scope": "world"}, headers=world.a1.headers
    ).json()["id"]
    assert post_id in feed_ids(client, world.b1.headers)
    assert post_id in feed_ids(client, world.x1.headers)
    item = client.get("/v1/feed", headers=world.x1.headers).json()["items"][0]
    assert item["author_label"].startswith("A family in")  # no label outside the demonstration
    withdrawn = client.put(
        f"/v1/households/{world.a1.household.id}/consents/share_beyond_group",
        json={"granted": False},
        headers=world.a1.headers,
    )
    assert withdrawn.status_code == 200, withdrawn.text
    assert post_id not in feed_ids(client, world.b1.headers)
    assert post_id not in feed_ids(client, world.x1.headers)
    assert post_id in feed_ids(client, world.a2.headers)
    assert client.get(f"/v1/practices/{post_id}", headers=world.x1.headers).status_code == 404


def test_feed_ranks_own_group_first_pages_stably_and_answers_304(
    client: TestClient, world: World, db: Session
) -> None:
    set_consent(db, world.b1.household, ConsentPurpose.SHARE_BEYOND_GROUP, True)
    others = [
        make_post(db, world.b1.household, scope=PracticeScope.DEMONSTRATION) for _ in range(3)
    ]
    own = [make_post(db, world.a2.household) for _ in range(2)]
    first = client.get("/v1/feed", headers=world.a1.headers, params={"limit": 2})
    body = first.json()
    assert [item["id"] for item in body["items"]] == [str(p.id) for p in reversed(own)]
    assert [item["closeness"] for item in body["items"]] == [0, 0]
    newcomer = make_post(db, world.a2.household)  # arrives while paging
    second = client.get(
        "/v1/feed", headers=world.a1.headers, params={"limit": 2, "cursor": body["next_cursor"]}
    ).json()
    third = client.get(
        "/v1/feed", headers=world.a1.headers, params={"limit": 2, "cursor": second["next_cursor"]}
    ).json()
    rest = [item["id"] for item in second["items"] + third["items"]]
    assert rest == [str(p.id) for p in reversed(others)] and third["next_cursor"] is None
    etag = client.get("/v1/feed", headers=world.a1.headers).headers["ETag"]
    assert (
        client.get("/v1/feed", headers=world.a1.headers | {"If-None-Match": etag}).status_code
        == 304
    )
    client.put(f"/v1/practices/{others[0].id}/adoption", json={}, headers=world.a2.headers)
    changed = client.get("/v1/feed", headers=world.a1.headers | {"If-None-Match": etag})
    assert changed.status_code == 200 and str(newcomer.id) in [
        i["id"] for i in changed.json()["items"]
    ]
    assert feed_ids(client, world.a1.headers, scope="group") == [
        str(p.id) for p in [newcomer, *reversed(own)]
    ]
    bad = client.get("/v1/feed", headers=world.a1.headers, params={"cursor": "bm9wZQ"})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid-cursor"


def test_adoption_once_with_outcome_and_not_on_own_post(
    client: TestClient, world: World, db: Session
) -> None:
    post = make_post(db, world.a1.household)
    url = f"/v1/practices/{post.id}/adoption"
    assert client.put(url, json={}, headers=world.a2.headers).status_code == 200
    again = client.put(url, json={"outcome": "worked"}, headers=world.a2.headers)
    assert again.json()["outcome"] == "worked"
    assert len(db.exec(select(Adoption).where(Adoption.post_id == post.id)).all()) == 1
    assert client.put(url, json={}, headers=world.a1.headers).json()["code"] == "own-practice"
    assert client.put(url, json={}, headers=world.b1.headers).status_code == 404
    read = client.get(f"/v1/practices/{post.id}", headers=world.a1.headers).json()
    assert read["adoption_count"] == 1


def test_comments_reports_and_hiding(
    client: TestClient, world: World, db: Session, actors: Actors
) -> None:
    post = make_post(db, world.a1.household)
    comment = client.post(
        f"/v1/practices/{post.id}/comments", json={"text": "Great idea"}, headers=world.a2.headers
    )
    assert comment.status_code == 201
    comment_id = comment.json()["id"]
    assert (
        client.post(
            f"/v1/practices/{post.id}/reports", json={"reason": "spam"}, headers=world.a2.headers
        ).status_code
        == 201
    )
    assert (
        client.post(
            f"/v1/practices/{post.id}/comments/{comment_id}/reports",
            json={"reason": "rude"},
            headers=world.a1.headers,
        ).status_code
        == 201
    )
    reports = client.get(
        f"/v1/demonstrations/{world.demonstration.id}/reports", headers=actors.partner_admin.headers
    )
    assert {r["kind"] for r in reports.json()["items"]} == {"post", "comment"}
    assert (
        client.get(
            f"/v1/demonstrations/{world.demonstration.id}/reports",
            headers=actors.other_partner_admin.headers,
        ).status_code
        == 404
    )
    assert (
        client.get(
            f"/v1/demonstrations/{world.demonstration.id}/reports", headers=actors.liaison.headers
        ).status_code
        == 403
    )
    hide = client.put(
        f"/v1/practices/{post.id}/comments/{comment_id}/hidden",
        json={"hidden": True},
        headers=actors.partner_admin.headers,
    )
    assert hide.json()["hidden"] is True
    hide = client.put(
        f"/v1/practices/{post.id}/hidden",
        json={"hidden": True},
        headers=actors.partner_admin.headers,
    )
    assert hide.status_code == 200
    assert client.get(f"/v1/practices/{post.id}", headers=world.a2.headers).status_code == 404
    assert client.get(f"/v1/practices/{post.id}", headers=world.a1.headers).json()["hidden"]
    assert (
        client.put(
            f"/v1/practices/{post.id}/hidden",
            json={"hidden": False},
            headers=actors.other_partner_admin.headers,
        ).status_code
        == 404
    )
    actions = set(db.exec(select(AuditEntry.action)).all())
    assert {"practice_post.hidden", "practice_comment.hidden"} <= actions


def test_diffusion_for_staff_only(
    client: TestClient, world: World, db: Session, actors: Actors
) -> None:
    post = make_post(db, world.a1.household, scope=PracticeScope.DEMONSTRATION)
    set_consent(db, world.a1.household, ConsentPurpose.SHARE_BEYOND_GROUP, True)
    for member in (world.a2, world.b1):
        client.put(f"/v1/practices/{post.id}/adoption", json={}, headers=member.headers)
    metrics = client.get(f"/v1/practices/{post.id}/diffusion", headers=actors.partner_admin.headers)
    assert metrics.status_code == 200, metrics.text
    body = metrics.json()
    assert (body["bonding_adoptions"], body["bridging_adoptions"]) == (1, 1)
    assert body["tipping_point"] is True  # 2 of 4 households
    demo = client.get(
        f"/v1/demonstrations/{world.demonstration.id}/diffusion",
        headers=actors.partner_admin.headers,
    ).json()
    assert demo["adopting_households"] == 2 and demo["tipping_point_posts"] == 1
    assert (
        client.get(f"/v1/practices/{post.id}/diffusion", headers=world.a1.headers).status_code
        == 403
    )
    assert (
        client.get(
            f"/v1/practices/{post.id}/diffusion", headers=actors.other_partner_admin.headers
        ).status_code
        == 404
    )
    assert (
        client.get(
            f"/v1/demonstrations/{world.demonstration.id}/diffusion",
            headers=actors.other_liaison.headers,
        ).status_code
        == 404
    )


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/v1/practices"),
        ("get", "/v1/practices/{post}"),
        ("patch", "/v1/practices/{post}"),
        ("delete", "/v1/practices/{post}"),
        ("put", "/v1/practices/{post}/adoption"),
        ("get", "/v1/practices/{post}/comments"),
        ("post", "/v1/practices/{post}/comments"),
        ("post", "/v1/practices/{post}/reports"),
        ("put", "/v1/practices/{post}/hidden"),
        ("get", "/v1/practices/{post}/diffusion"),
        ("get", "/v1/feed"),
        ("get", "/v1/demonstrations/{demo}/reports"),
        ("get", "/v1/demonstrations/{demo}/diffusion"),
    ],
)
def test_tenant_isolation(
    client: TestClient, world: World, db: Session, actors: Actors, method: str, path: str
) -> None:
    post = make_post(db, world.a1.household)
    url = path.format(post=post.id, demo=world.demonstration.id)
    body = {"post": POST, "patch": {"title": "x"}, "put": {"hidden": True}}.get(method)
    if url.endswith("comments") and method == "post":
        body = {"text": "hi"}
    if url.endswith("reports") and method == "post":
        body = {"reason": "spam"}
    if url.endswith("adoption"):
        body = {}

    def call(headers: dict[str, str] | None) -> int:
        kwargs = {"json": body} if body is not None else {}
        return client.request(method.upper(), url, headers=headers or {}, **kwargs).status_code

    assert call(None) == 401
    family_only = (
        path in {"/v1/practices", "/v1/feed"}
        or method in {"patch", "delete"}
        or (method == "put" and url.endswith("adoption"))
        or (method == "post")
    )
    if family_only:
        assert call(actors.partner_admin.headers) == 403
    if (
        path.startswith("/v1/practices/{post}")
        and method != "post"
        and not url.endswith(("hidden", "diffusion"))
    ):
        assert call(world.b1.headers) == 404  # family of another group
    if url.endswith(("hidden", "diffusion", "reports")) and method != "post":
        assert call(actors.other_partner_admin.headers) == 404  # other organization
        assert call(world.a2.headers) == 403  # wrong role


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("title", "x" * 121),
        ("title", "a\u0000b"),
        ("text", "x" * 4001),
        ("categories", []),
        ("categories", ["crypto"]),
        ("language", "english!"),
        ("scope", "galaxy"),
    ],
)
def test_bad_post_input_names_the_field(
    client: TestClient, world: World, field: str, value: object
) -> None:
    response = client.post("/v1/practices", json=POST | {field: value}, headers=world.a1.headers)
    assert response.status_code == 422
    assert any(error["field"].startswith(f"body.{field}") for error in response.json()["errors"])


def test_bad_comment_report_and_outcome_input(
    client: TestClient, world: World, db: Session
) -> None:
    post = make_post(db, world.a1.household)
    cases = [
        (f"/v1/practices/{post.id}/comments", "post", {"text": "x" * 1001}, "text"),
        (f"/v1/practices/{post.id}/reports", "post", {"reason": ""}, "reason"),
        (f"/v1/practices/{post.id}/adoption", "put", {"outcome": "maybe"}, "outcome"),
    ]
    for url, method, body, field in cases:
        response = client.request(method.upper(), url, json=body, headers=world.a2.headers)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == f"body.{field}"
