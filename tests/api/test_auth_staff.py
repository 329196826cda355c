"""Staff sign in with email and password; every session's refresh tokens rotate, and reuse,
logout or deactivation ends the session at once.

Password hashing is slow by design: only the tests about the password itself go through the
login endpoint; the others sign in with `factories.sign_in`.
"""

import base64
import json
import uuid
from datetime import timedelta

import jwt
import pytest
from fastapi import FastAPI
from sqlmodel import select

from app.deps import get_clock
from app.errors import PROBLEM_MEDIA_TYPE
from app.models.auth import AuthSession, RefreshToken
from app.models.base import utcnow
from app.models.user import Role
from app.services import security
from app.services.auth import Clocked
from tests.conftest import TEST_SECRET
from tests.factories import STAFF_PASSWORD, STAFF_PASSWORD_HASH, make_user, sign_in


def login(client, email: str, password: str = STAFF_PASSWORD):  # type: ignore[no-untyped-def]
    return client.post("/v1/auth/staff/login", json={"email": email, "password": password})


def me(client, access_token: str):  # type: ignore[no-untyped-def]
    return client.get("/v1/me", headers={"Authorization": f"Bearer {access_token}"})


def refresh(client, refresh_token: str):  # type: ignore[no-untyped-def]
    return client.post("/v1/auth/refresh", json={"refresh_token": refresh_token})


def assert_problem(response, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    body = response.json()
    assert body["code"] == code
    assert body["status"] == status
    return body


def assert_unauthorized(response) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    return response.json()


# Email and password


def test_staff_sign_in_with_email_and_password(client, actors) -> None:
    liaison = actors.liaison.user
    response = login(client, liaison.email)
    assert response.status_code == 200, response.text
    tokens = response.json()
    assert tokens["token_type"] == "bearer"
    assert tokens["expires_in"] == 15 * 60

    who = me(client, tokens["access_token"])
    assert who.status_code == 200, who.text
    assert who.json()["id"] == str(liaison.id)
    assert who.json()["role"] == "liaison"
    assert who.json()["email"] == liaison.email
    assert who.json()["organization_id"] == str(actors.organization.id)
    assert who.json()["phone"] is None
    assert refresh(client, tokens["refresh_token"]).status_code == 200


def test_the_email_is_case_insensitive(client, db) -> None:
    user = make_user(db, Role.PLATFORM_ADMIN, email="Admin.Person@example.org".lower())
    response = login(client, "ADMIN.Person@Example.ORG")
    assert response.status_code == 200, response.text
    assert me(client, response.json()["access_token"]).json()["id"] == str(user.id)


def test_a_wrong_password_and_an_unknown_email_get_the_same_401(client, actors) -> None:
    wrong_password = login(client, actors.liaison.user.email, "not-the-password")
    unknown_email = login(client, "nobody@example.org")
    body = assert_problem(wrong_password, 401, "invalid-credentials")
    assert unknown_email.status_code == 401
    assert unknown_email.json() == body
    assert wrong_password.headers["www-authenticate"] == unknown_email.headers["www-authenticate"]


def test_a_family_account_cannot_use_staff_login(client, db) -> None:
    # Even with an email and the right password on the account.
    family = make_user(
        db,
        Role.FAMILY,
        email="family@example.org",
        password_hash=STAFF_PASSWORD_HASH,
    )
    assert_problem(login(client, family.email), 401, "invalid-credentials")


def test_deactivated_staff_cannot_sign_in_and_their_tokens_stop_at_once(client, actors) -> None:
    liaison = actors.liaison
    assert me(client, liaison.access_token).status_code == 200

    response = client.patch(
        f"/v1/organizations/{actors.organization.id}/staff/{liaison.user.id}",
        json={"is_active": False},
        headers=actors.partner_admin.headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["is_active"] is False

    assert_unauthorized(me(client, liaison.access_token))
    assert_problem(refresh(client, liaison.refresh_token), 401, "invalid-refresh-token")
    assert_problem(login(client, liaison.user.email), 401, "invalid-credentials")
    # The admin who did it is still signed in.
    assert me(client, actors.partner_admin.access_token).status_code == 200


def test_reactivated_staff_sign_in_again_but_old_sessions_stay_ended(client, actors) -> None:
    path = f"/v1/organizations/{actors.organization.id}/staff/{actors.liaison.user.id}"
    for active in (False, True):
        response = client.patch(
            path, json={"is_active": active}, headers=actors.partner_admin.headers
        )
        assert response.status_code == 200, response.text
    assert_unauthorized(me(client, actors.liaison.access_token))


@pytest.fixture
def strict_login_limit(app: FastAPI, client, test_settings) -> int:  # type: ignore[no-untyped-def]
    """A lower limit than the default 10, to keep slow password checks few; frozen time."""
    limit = 3
    clock = Clocked(
        test_settings.model_copy(update={"login_attempts_per_window": limit}),
        utcnow().replace(microsecond=0),
    )
    app.dependency_overrides[get_clock] = lambda: clock
    return limit


def test_login_attempts_are_throttled_per_email(client, actors, strict_login_limit) -> None:
    email = actors.liaison.user.email
    for _ in range(strict_login_limit):
        assert_problem(login(client, email, "not-the-password"), 401, "invalid-credentials")
    response = login(client, email.upper())  # the right password no longer helps
    assert_problem(response, 429, "rate-limited")
    assert int(response.headers["retry-after"]) >= 1
    assert_problem(login(client, email), 429, "rate-limited")


# Refresh tokens


def test_refresh_returns_a_new_pair_and_spends_the_old_refresh_token(client, actors) -> None:
    signed_in = actors.partner_admin
    response = refresh(client, signed_in.refresh_token)
    assert response.status_code == 200, response.text
    pair = response.json()
    assert pair["refresh_token"] != signed_in.refresh_token
    assert me(client, pair["access_token"]).json()["id"] == str(signed_in.user.id)

    second = refresh(client, pair["refresh_token"])
    assert second.status_code == 200, second.text
    assert second.json()["refresh_token"] not in {pair["refresh_token"], signed_in.refresh_token}


def test_reusing_a_spent_refresh_token_ends_the_whole_session(client, actors, db) -> None:
    signed_in = actors.partner_admin
    newer = refresh(client, signed_in.refresh_token).json()
    newest = refresh(client, newer["refresh_token"]).json()
    assert me(client, newest["access_token"]).status_code == 200

    # Someone replays the first, already spent, refresh token.
    assert_problem(refresh(client, signed_in.refresh_token), 401, "invalid-refresh-token")

    assert_problem(refresh(client, newest["refresh_token"]), 401, "invalid-refresh-token")
    for access_token in (signed_in.access_token, newer["access_token"], newest["access_token"]):
        assert_unauthorized(me(client, access_token))
    db.expire_all()
    ended = db.exec(select(AuthSession).where(AuthSession.user_id == signed_in.user.id)).one()
    assert ended.revoked_reason == "refresh_token_reuse"
    # Other people's sessions are untouched.
    assert me(client, actors.liaison.access_token).status_code == 200


def test_logout_ends_this_session_only(client, actors, db, test_settings) -> None:
    this = actors.liaison
    other_device = sign_in(db, test_settings, this.user)

    response = client.post("/v1/auth/logout", headers=this.headers)
    assert response.status_code == 204, response.text
    assert response.content == b""

    assert_unauthorized(me(client, this.access_token))
    assert_problem(refresh(client, this.refresh_token), 401, "invalid-refresh-token")
    assert_unauthorized(client.post("/v1/auth/logout", headers=this.headers))

    assert me(client, other_device.access_token).status_code == 200
    assert refresh(client, other_device.refresh_token).status_code == 200


def test_an_expired_refresh_token_is_refused(client, actors, db, test_settings) -> None:
    signed_in = actors.liaison
    token_hash = security.keyed_hash(test_settings.signing_key, signed_in.refresh_token)
    stored = db.exec(select(RefreshToken).where(RefreshToken.token_hash == token_hash)).one()
    stored.expires_at = utcnow() - timedelta(seconds=1)
    db.add(stored)
    db.flush()
    assert_problem(refresh(client, signed_in.refresh_token), 401, "invalid-refresh-token")


@pytest.mark.parametrize(
    "token",
    ["a" * 43, "not-a-refresh-token-but-long-enough", "A" * 200],
)
def test_an_unknown_refresh_token_is_refused(client, token: str) -> None:
    body = assert_problem(refresh(client, token), 401, "invalid-refresh-token")
    assert token not in json.dumps(body)


def test_a_malformed_refresh_token_is_a_422(client) -> None:
    assert_problem(refresh(client, "short"), 422, "validation-error")


# Access tokens


def _claims(actors) -> security.AccessClaims:  # type: ignore[no-untyped-def]
    decoded = security.decode_access_token(TEST_SECRET, actors.partner_admin.access_token)
    assert decoded is not None
    return decoded


def _forged_tokens(actors) -> dict[str, str]:  # type: ignore[no-untyped-def]
    real = actors.partner_admin.access_token
    claims = _claims(actors)
    header, payload, signature = real.split(".")
    middle = len(payload) // 2
    altered = "A" if payload[middle] != "A" else "B"
    elevated = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    elevated["role"] = "platform_admin"
    elevated_payload = base64.urlsafe_b64encode(json.dumps(elevated).encode()).decode().rstrip("=")
    now = utcnow()
    return {
        "other key": security.encode_access_token(
            "some-other-key-that-is-long-enough-for-hs256",
            claims,
            issued_at=now,
            lifetime=timedelta(minutes=15),
        ),
        "altered byte": f"{header}.{payload[:middle]}{altered}{payload[middle + 1 :]}.{signature}",
        "altered signature": f"{header}.{payload}.{signature[::-1]}",
        "elevated role": f"{header}.{elevated_payload}.{signature}",
        "expired": security.encode_access_token(
            TEST_SECRET, claims, issued_at=now - timedelta(hours=1), lifetime=timedelta(minutes=15)
        ),
        "alg none": jwt.encode(
            {"sub": str(claims.user_id), "sid": str(claims.session_id), "role": "platform_admin"},
            key=None,
            algorithm="none",
        ),
        "unknown session": security.encode_access_token(
            TEST_SECRET,
            security.AccessClaims(claims.user_id, uuid.uuid4(), claims.role),
            issued_at=now,
            lifetime=timedelta(minutes=15),
        ),
        "unknown user": security.encode_access_token(
            TEST_SECRET,
            security.AccessClaims(uuid.uuid4(), claims.session_id, claims.role),
            issued_at=now,
            lifetime=timedelta(minutes=15),
        ),
        "truncated": real[:-10],
        "garbage": "not.a.jwt",
        "refresh token": actors.partner_admin.refresh_token,
    }


FORGERIES = [
    "other key",
    "altered byte",
    "altered signature",
    "elevated role",
    "expired",
    "alg none",
    "unknown session",
    "unknown user",
    "truncated",
    "garbage",
    "refresh token",
]


@pytest.mark.parametrize("forgery", FORGERIES)
def test_bad_access_tokens_are_a_401_with_a_bearer_challenge(client, actors, forgery) -> None:
    token = _forged_tokens(actors)[forgery]
    assert me(client, actors.partner_admin.access_token).status_code == 200  # the real one works
    body = assert_unauthorized(me(client, token))
    assert body["code"] == "unauthorized"
    assert token not in json.dumps(body)
    listing = client.get("/v1/organizations", headers={"Authorization": f"Bearer {token}"})
    assert_unauthorized(listing)


@pytest.mark.parametrize(
    "header",
    [None, "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc", "bearer"],
)
def test_a_missing_or_odd_authorization_header_is_a_401(client, header) -> None:
    headers = {} if header is None else {"Authorization": header}
    body = assert_unauthorized(client.get("/v1/me", headers=headers))
    assert body["code"] == "unauthorized"


def test_the_token_scheme_is_case_insensitive(client, actors) -> None:
    response = client.get(
        "/v1/me", headers={"Authorization": f"bearer {actors.liaison.access_token}"}
    )
    assert response.status_code == 200, response.text
