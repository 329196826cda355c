"""Who may call what: every route, every role, own or another organization.

No token → 401; a role the route is not for → 403; another organization's ids → 404 exactly
like ids that do not exist, so a tenant cannot even learn that they exist.
"""

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlmodel import select

from app.errors import PROBLEM_MEDIA_TYPE
from app.models.audit import AuditEntry
from app.models.base import utcnow
from app.models.organization import Organization
from app.models.user import Role, User
from tests.factories import STAFF_PASSWORD, STAFF_PASSWORD_HASH, Actors, make_user

ROLES = ["platform_admin", "partner_admin", "liaison", "family", "anonymous"]


@dataclass(frozen=True)
class Target:
    """The ids a call is aimed at: the caller's own organization's, or another's."""

    organization_id: uuid.UUID
    staff_id: uuid.UUID


def target(actors: Actors, which: str) -> Target:
    if which == "own":
        return Target(actors.organization.id, actors.liaison.user.id)
    return Target(actors.other_organization.id, actors.other_liaison.user.id)


def random_target() -> Target:
    return Target(uuid.uuid4(), uuid.uuid4())


def headers_for(actors: Actors, role: str) -> dict[str, str]:
    return {} if role == "anonymous" else actors.by_role()[role].headers


def new_staff() -> dict[str, str]:
    return {
        "email": f"new-{uuid.uuid4().hex[:8]}@example.org",
        "full_name": "New Liaison",
        "role": "liaison",
        "password": STAFF_PASSWORD,
    }


@dataclass(frozen=True)
class Route:
    method: str
    path: Callable[[Target], str]
    body: Callable[[], dict] | None = None
    success: int = 200
    tenant_scoped: bool = True  # whether the path names an organization


ROUTES = {
    "organizations_create": Route(
        "POST",
        lambda _: "/v1/organizations",
        lambda: {"name": "New partner", "country": "ke", "region": "Nairobi"},
        201,
        tenant_scoped=False,
    ),
    "organizations_list": Route("GET", lambda _: "/v1/organizations", tenant_scoped=False),
    "organizations_read": Route("GET", lambda t: f"/v1/organizations/{t.organization_id}"),
    "organizations_update": Route(
        "PATCH", lambda t: f"/v1/organizations/{t.organization_id}", lambda: {"region": "East"}
    ),
    "staff_create": Route(
        "POST", lambda t: f"/v1/organizations/{t.organization_id}/staff", new_staff, 201
    ),
    "staff_list": Route("GET", lambda t: f"/v1/organizations/{t.organization_id}/staff"),
    "staff_update": Route(
        "PATCH",
        lambda t: f"/v1/organizations/{t.organization_id}/staff/{t.staff_id}",
        lambda: {"full_name": "Renamed"},
    ),
    "me_read": Route("GET", lambda _: "/v1/me", tenant_scoped=False),
    "auth_logout": Route("POST", lambda _: "/v1/auth/logout", success=204, tenant_scoped=False),
}

# Who gets what, for routes that name an organization: (own organization, another one).
OK, NO, FORBIDDEN, UNAUTHORIZED = "ok", 404, 403, 401
SCOPED = {
    # route: {role: (own, other)}
    "organizations_read": {
        "platform_admin": (OK, OK),
        "partner_admin": (OK, NO),
        "liaison": (OK, NO),
        "family": (FORBIDDEN, FORBIDDEN),
    },
    "organizations_update": {
        "platform_admin": (OK, OK),
        "partner_admin": (OK, NO),
        "liaison": (FORBIDDEN, FORBIDDEN),
        "family": (FORBIDDEN, FORBIDDEN),
    },
    "staff_create": {
        "platform_admin": (OK, OK),
        "partner_admin": (OK, NO),
        "liaison": (FORBIDDEN, FORBIDDEN),
        "family": (FORBIDDEN, FORBIDDEN),
    },
    "staff_list": {
        "platform_admin": (OK, OK),
        "partner_admin": (OK, NO),
        "liaison": (OK, NO),
        "family": (FORBIDDEN, FORBIDDEN),
    },
    "staff_update": {
        "platform_admin": (OK, OK),
        "partner_admin": (OK, NO),
        "liaison": (FORBIDDEN, FORBIDDEN),
        "family": (FORBIDDEN, FORBIDDEN),
    },
}
UNSCOPED = {
    "organizations_create": {
        "platform_admin": OK,
        "partner_admin": FORBIDDEN,
        "liaison": FORBIDDEN,
        "family": FORBIDDEN,
    },
    "organizations_list": {
        "platform_admin": OK,
        "partner_admin": OK,
        "liaison": OK,
        "family": FORBIDDEN,
    },
    "me_read": {"platform_admin": OK, "partner_admin": OK, "liaison": OK, "family": OK},
    "auth_logout": {"platform_admin": OK, "partner_admin": OK, "liaison": OK, "family": OK},
}


FOUNDATION_TAGS = {"auth", "me", "organizations", "operations"}


def test_the_matrix_covers_every_foundation_route(app) -> None:
    """Every identity/organization route is in the matrix; later areas (enrollment, surveys,
    messages…) keep their own role and tenant tests beside their routes."""
    operations = {
        operation["operationId"]
        for path_item in app.openapi()["paths"].values()
        for operation in path_item.values()
        if FOUNDATION_TAGS & set(operation.get("tags", []))
    }
    public = {
        "health_live",
        "health_ready",
        "auth_request_phone_code",
        "auth_verify_phone_code",
        "auth_staff_login",
        "auth_refresh",
    }
    assert operations - public == ROUTES.keys() == SCOPED.keys() | UNSCOPED.keys()


def call(client, route: Route, where: Target, headers: dict[str, str]):  # type: ignore[no-untyped-def]
    body = route.body() if route.body else None
    return client.request(route.method, route.path(where), json=body, headers=headers)


def expected_status(route_name: str, role: str, which: str) -> int:
    if role == "anonymous":
        return UNAUTHORIZED
    if route_name in SCOPED:
        outcome = SCOPED[route_name][role][0 if which == "own" else 1]
    else:
        outcome = UNSCOPED[route_name][role]
    return ROUTES[route_name].success if outcome == OK else int(outcome)


def without_instance(body: dict) -> dict:
    return {key: value for key, value in body.items() if key != "instance"}


CASES = [
    pytest.param(name, role, which, id=f"{name}-{role}-{which}")
    for name, route in ROUTES.items()
    for role in ROLES
    for which in (("own", "other") if route.tenant_scoped else ("any",))
]


@pytest.mark.parametrize(("route_name", "role", "which"), CASES)
def test_access(client, actors, db, route_name: str, role: str, which: str) -> None:
    route = ROUTES[route_name]
    where = target(actors, "other" if which == "other" else "own")
    expected = expected_status(route_name, role, which)

    response = call(client, route, where, headers_for(actors, role))

    assert response.status_code == expected, response.text
    if expected >= 400:
        assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
        assert response.json()["status"] == expected
    if expected == UNAUTHORIZED:
        assert response.headers["www-authenticate"] == "Bearer"
    if expected == NO:
        # Exactly what an id that does not exist gets.
        unknown = call(client, route, random_target(), headers_for(actors, role))
        assert unknown.status_code == NO
        assert without_instance(response.json()) == without_instance(unknown.json())
    if expected >= 400 and route.method != "GET":
        db.expire_all()
        assert_nothing_changed(db, actors)


def assert_nothing_changed(db, actors: Actors) -> None:  # type: ignore[no-untyped-def]
    organizations = db.exec(select(Organization)).all()
    assert {organization.region for organization in organizations} <= {"Oakland", "Monrovia"}
    assert not db.exec(select(User).where(User.email.like("new-%"))).all()  # type: ignore[union-attr]
    assert not db.exec(select(User).where(User.full_name == "Renamed")).all()
    assert not db.exec(select(AuditEntry)).all()


# What the successful calls see and do.


def test_staff_list_only_their_own_organization(client, actors) -> None:
    for signed_in in (actors.partner_admin, actors.liaison):
        page = client.get("/v1/organizations", headers=signed_in.headers).json()
        assert [item["id"] for item in page["items"]] == [str(actors.organization.id)]


def test_a_platform_admin_lists_every_organization(client, actors) -> None:
    page = client.get("/v1/organizations", headers=actors.platform_admin.headers).json()
    ids = {item["id"] for item in page["items"]}
    assert {str(actors.organization.id), str(actors.other_organization.id)} <= ids


def test_a_staff_list_holds_only_that_organizations_staff(client, actors) -> None:
    page = client.get(
        f"/v1/organizations/{actors.organization.id}/staff", headers=actors.liaison.headers
    ).json()
    assert {item["id"] for item in page["items"]} == {
        str(actors.partner_admin.user.id),
        str(actors.liaison.user.id),
    }
    assert all("password" not in key for item in page["items"] for key in item)


def test_a_partner_admin_adds_staff_to_their_own_organization(client, actors, db) -> None:
    body = new_staff() | {"email": "New.Person@Example.org", "role": "partner_admin"}
    response = client.post(
        f"/v1/organizations/{actors.organization.id}/staff",
        json=body,
        headers=actors.partner_admin.headers,
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["email"] == "new.person@example.org"
    assert created["role"] == "partner_admin"
    assert created["organization_id"] == str(actors.organization.id)
    assert "password" not in json.dumps(created)


def test_staff_of_one_organization_cannot_be_reached_through_another(client, actors) -> None:
    """Own organization in the path, another organization's staff id: still a plain 404."""
    own = actors.organization.id
    for signed_in in (actors.platform_admin, actors.partner_admin):
        response = client.patch(
            f"/v1/organizations/{own}/staff/{actors.other_liaison.user.id}",
            json={"full_name": "Renamed"},
            headers=signed_in.headers,
        )
        unknown = client.patch(
            f"/v1/organizations/{own}/staff/{uuid.uuid4()}",
            json={"full_name": "Renamed"},
            headers=signed_in.headers,
        )
        assert response.status_code == unknown.status_code == 404, response.text
        assert without_instance(response.json()) == without_instance(unknown.json())


def test_platform_admins_and_families_are_not_anyones_staff(client, actors) -> None:
    own = actors.organization.id
    for outsider in (actors.platform_admin.user, actors.family.user):
        response = client.patch(
            f"/v1/organizations/{own}/staff/{outsider.id}",
            json={"is_active": False},
            headers=actors.partner_admin.headers,
        )
        assert response.status_code == 404, response.text
    assert client.get("/v1/me", headers=actors.family.headers).status_code == 200


def test_a_partner_admin_cannot_deactivate_or_demote_themself(client, actors, db) -> None:
    admin = actors.partner_admin
    path = f"/v1/organizations/{actors.organization.id}/staff/{admin.user.id}"
    for change in ({"is_active": False}, {"role": "liaison"}):
        response = client.patch(path, json=change, headers=admin.headers)
        assert response.status_code == 403, response.text
        assert response.json()["code"] == "self-change"
    db.expire_all()
    user = db.get(User, admin.user.id)
    assert user.is_active and user.role is Role.PARTNER_ADMIN
    assert client.get("/v1/me", headers=admin.headers).status_code == 200
    # Renaming oneself is fine.
    assert client.patch(path, json={"full_name": "Me"}, headers=admin.headers).status_code == 200


def test_deactivation_is_audited_without_secrets(client, actors, db) -> None:
    liaison = actors.liaison.user
    response = client.patch(
        f"/v1/organizations/{actors.organization.id}/staff/{liaison.id}",
        json={"is_active": False},
        headers=actors.partner_admin.headers,
    )
    assert response.status_code == 200, response.text

    db.expire_all()
    entries = db.exec(select(AuditEntry).where(AuditEntry.entity_id == str(liaison.id))).all()
    assert len(entries) == 1
    entry = entries[0]
    assert entry.action == "staff.updated"
    assert entry.entity == "user"
    assert entry.actor_user_id == actors.partner_admin.user.id
    assert entry.organization_id == actors.organization.id
    assert entry.changes == {"is_active": {"from": True, "to": False}}
    recorded = json.dumps(entry.changes)
    assert STAFF_PASSWORD_HASH not in recorded and "password" not in recorded


def test_adding_staff_is_audited_without_the_password(client, actors, db) -> None:
    body = new_staff()
    response = client.post(
        f"/v1/organizations/{actors.organization.id}/staff",
        json=body,
        headers=actors.partner_admin.headers,
    )
    assert response.status_code == 201, response.text
    db.expire_all()
    entry = db.exec(select(AuditEntry).where(AuditEntry.action == "staff.added")).one()
    recorded = json.dumps(entry.changes)
    assert body["password"] not in recorded
    assert "password" not in recorded and "$argon2" not in recorded
    assert entry.changes["email"] == body["email"]


def test_staff_pages_follow_the_cursor_without_gaps_or_duplicates(client, actors, db) -> None:
    organization = actors.organization
    # Same instant for all: the cursor must break ties by id.
    created_at = utcnow()
    added = {
        make_user(db, Role.LIAISON, organization_id=organization.id, created_at=created_at).id
        for _ in range(5)
    }
    expected = added | {actors.partner_admin.user.id, actors.liaison.user.id}

    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        response = client.get(
            f"/v1/organizations/{organization.id}/staff",
            params=params,
            headers=actors.partner_admin.headers,
        )
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= 2
        seen += [item["id"] for item in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
        assert pages < 10, "the cursor never ran out"
    assert len(seen) == len(set(seen)) == len(expected)
    assert set(seen) == {str(user_id) for user_id in expected}
    assert pages == 4


@pytest.mark.parametrize(
    "cursor",
    [
        "abc",
        "bm90LWpzb24",  # "not-json"
        "WzEsIDJd",  # [1, 2]
        "WyJ5ZXN0ZXJkYXkiLCAibm90LWEtdXVpZCJd",  # ["yesterday", "not-a-uuid"]
        "eyJhIjogMSwgImIiOiAyfQ",  # {"a": 1, "b": 2}
        "W251bGwsIG51bGxd",  # [null, null]
    ],
)
def test_a_tampered_cursor_is_a_422_invalid_cursor(client, actors, cursor: str) -> None:
    response = client.get(
        f"/v1/organizations/{actors.organization.id}/staff",
        params={"cursor": cursor},
        headers=actors.partner_admin.headers,
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert response.json()["code"] == "invalid-cursor"


def test_a_cursor_edited_by_one_character_is_refused_or_harmless(client, actors, db) -> None:
    for _ in range(3):
        make_user(db, Role.LIAISON, organization_id=actors.organization.id)
    url = f"/v1/organizations/{actors.organization.id}/staff"
    first = client.get(url, params={"limit": 2}, headers=actors.partner_admin.headers).json()
    cursor = first["next_cursor"]
    for position in range(len(cursor)):
        replacement = "A" if cursor[position] != "A" else "B"
        edited = cursor[:position] + replacement + cursor[position + 1 :]
        response = client.get(
            url, params={"cursor": edited, "limit": 2}, headers=actors.partner_admin.headers
        )
        # Either refused as a cursor, or a page of this organization's staff; never a 500.
        assert response.status_code in (200, 422), response.text
        if response.status_code == 422:
            assert response.json()["code"] == "invalid-cursor"
        else:
            assert all(
                item["organization_id"] == str(actors.organization.id)
                for item in response.json()["items"]
            )


@pytest.mark.parametrize(
    "email", ["taken@example.org", "TAKEN@example.org", "Taken@Example.Org", "taken@EXAMPLE.ORG"]
)
def test_a_taken_email_is_a_409_whatever_its_case(client, actors, db, email: str) -> None:
    make_user(
        db,
        Role.LIAISON,
        organization_id=actors.other_organization.id,
        email="taken@example.org",
    )
    response = client.post(
        f"/v1/organizations/{actors.organization.id}/staff",
        json=new_staff() | {"email": email},
        headers=actors.partner_admin.headers,
    )
    assert response.status_code == 409, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    assert response.json()["code"] == "email-taken"
    db.expire_all()
    assert len(db.exec(select(User).where(User.email == "taken@example.org")).all()) == 1


def test_an_email_added_through_the_api_is_then_taken(client, actors) -> None:
    path = f"/v1/organizations/{actors.organization.id}/staff"
    body = new_staff() | {"email": "first@example.org"}
    assert client.post(path, json=body, headers=actors.partner_admin.headers).status_code == 201
    again = client.post(
        path,
        json=new_staff() | {"email": "First@Example.org"},
        headers=actors.platform_admin.headers,
    )
    assert again.status_code == 409, again.text
    assert again.json()["code"] == "email-taken"


def test_a_new_staff_member_can_sign_in(client, actors) -> None:
    body = new_staff()
    created = client.post(
        f"/v1/organizations/{actors.organization.id}/staff",
        json=body,
        headers=actors.partner_admin.headers,
    )
    assert created.status_code == 201, created.text
    login = client.post(
        "/v1/auth/staff/login", json={"email": body["email"], "password": body["password"]}
    )
    assert login.status_code == 200, login.text
    me = client.get("/v1/me", headers={"Authorization": f"Bearer {login.json()['access_token']}"})
    assert me.json()["role"] == "liaison"
    assert me.json()["organization_id"] == str(actors.organization.id)
