"""Invitation codes: issued once in clear, single use, expiring, revocable, phone-bound; and
every way redeeming one can fail, each with its own problem type."""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.config import Settings
from app.models.base import utcnow
from app.models.consent import ConsentPurpose
from app.models.household import Household
from app.models.invitation import Invitation
from app.models.user import Role
from app.services import consent
from app.services.principal import Principal
from tests.factories import (
    Actors,
    SignedIn,
    make_demonstration,
    make_family_member,
    make_household,
    make_user,
    sign_in,
)


@dataclass
class Group:
    seed: Household
    adult: SignedIn
    settings: Settings
    db: Session

    @property
    def invitations(self) -> str:
        return f"/v1/friend-groups/{self.seed.friend_group_id}/invitations"

    def newcomer(self, **overrides: Any) -> SignedIn:
        return sign_in(self.db, self.settings, make_user(self.db, Role.FAMILY, **overrides))


@pytest.fixture
def group(db: Session, test_settings: Settings, actors: Actors) -> Group:
    demonstration = make_demonstration(db, actors.organization, friends_per_seed=2)
    seed = make_household(db, demonstration)
    adult = make_family_member(db, test_settings, seed)
    consent.record_consent(
        db, _principal(adult), seed.id, actors.organization.id, ConsentPurpose.PROGRAM_DATA, True
    )
    return Group(seed, adult, test_settings, db)


def _principal(signed_in: SignedIn) -> Principal:
    user = signed_in.user
    return Principal(user.id, user.role, session_id=user.id, household_id=user.household_id)


def issue(client: TestClient, group: Group, **body: Any) -> dict[str, Any]:
    response = client.post(group.invitations, json=body, headers=group.adult.headers)
    assert response.status_code == 201, response.text
    return response.json()


def redeem(client: TestClient, who: SignedIn, code: str, **overrides: Any) -> Any:
    body = {"code": code, "label": "Okafor", "preferred_language": "en"}
    body |= {"program_data_consent": True} | overrides
    return client.post("/v1/invitations/redeem", json=body, headers=who.headers)


def assert_problem(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == f"/problems/{code}"


def test_the_code_is_shown_once_and_stored_only_as_a_keyed_hash(
    client: TestClient, group: Group, db: Session
) -> None:
    issued = issue(client, group)
    assert issued["expires_at"].startswith((utcnow() + timedelta(days=14)).date().isoformat())
    listed = client.get(group.invitations, headers=group.adult.headers).json()["items"]
    assert [item["id"] for item in listed] == [issued["id"]]
    assert "code" not in listed[0]
    stored = db.exec(select(Invitation).where(Invitation.id == uuid.UUID(issued["id"]))).one()
    plain = issued["code"].replace("-", "")
    assert plain not in stored.model_dump_json()
    assert len(stored.code_hash) == 64


def test_a_used_code_cannot_join_a_second_household(client: TestClient, group: Group) -> None:
    code = issue(client, group)["code"]
    assert redeem(client, group.newcomer(), code).status_code == 201
    assert_problem(redeem(client, group.newcomer(), code), 409, "invitation-used")


def test_an_expired_code_is_gone(client: TestClient, group: Group, db: Session) -> None:
    issued = issue(client, group, expires_in_days=1)
    invitation = db.get_one(Invitation, uuid.UUID(issued["id"]))
    invitation.expires_at = utcnow() - timedelta(seconds=1)
    db.add(invitation)
    assert_problem(redeem(client, group.newcomer(), issued["code"]), 410, "invitation-expired")
    listed = client.get(group.invitations, headers=group.adult.headers).json()["items"]
    assert listed[0]["status"] == "expired"


def test_a_revoked_code_is_gone_and_revoking_is_idempotent(
    client: TestClient, group: Group
) -> None:
    issued = issue(client, group)
    revoke = f"{group.invitations}/{issued['id']}/revoke"
    first = client.post(revoke, headers=group.adult.headers)
    assert first.status_code == 200, first.text
    assert first.json()["status"] == "revoked"
    again = client.post(revoke, headers=group.adult.headers)
    assert again.json()["revoked_at"] == first.json()["revoked_at"]
    assert_problem(redeem(client, group.newcomer(), issued["code"]), 410, "invitation-revoked")


def test_a_used_code_cannot_be_revoked(client: TestClient, group: Group) -> None:
    issued = issue(client, group)
    assert redeem(client, group.newcomer(), issued["code"]).status_code == 201
    response = client.post(
        f"{group.invitations}/{issued['id']}/revoke", headers=group.adult.headers
    )
    assert_problem(response, 409, "invitation-used")


def test_a_code_bound_to_another_phone_answers_like_an_unknown_code(
    client: TestClient, group: Group
) -> None:
    issued = issue(client, group, phone="+1 415 555 0199")
    stranger = redeem(client, group.newcomer(), issued["code"])
    unknown = redeem(client, group.newcomer(), "ABCD-EFGH")
    assert_problem(stranger, 404, "invitation-not-found")
    assert stranger.json()["detail"] == unknown.json()["detail"]
    invited = group.newcomer(phone="+14155550199")
    assert redeem(client, invited, issued["code"]).status_code == 201


def test_a_full_group_takes_no_one_more_and_keeps_the_code_usable(
    client: TestClient, group: Group
) -> None:
    codes = [issue(client, group)["code"] for _ in range(3)]
    for code in codes[:2]:
        assert redeem(client, group.newcomer(), code).status_code == 201
    assert_problem(redeem(client, group.newcomer(), codes[2]), 409, "group-full")
    listed = client.get(group.invitations, headers=group.adult.headers).json()["items"]
    assert sorted(item["status"] for item in listed) == ["active", "redeemed", "redeemed"]


def test_a_member_of_a_household_cannot_redeem(client: TestClient, group: Group) -> None:
    code = issue(client, group)["code"]
    assert_problem(redeem(client, group.adult, code), 409, "phone-already-enrolled")


def test_joining_needs_program_data_consent(client: TestClient, group: Group) -> None:
    code = issue(client, group)["code"]
    response = redeem(client, group.newcomer(), code, program_data_consent=False)
    assert_problem(response, 422, "consent-required")
    assert response.json()["errors"][0]["field"] == "body.program_data_consent"


def test_only_the_seed_household_invites(
    client: TestClient, group: Group, db: Session, test_settings: Settings
) -> None:
    code = issue(client, group)["code"]
    friend = group.newcomer()
    assert redeem(client, friend, code).status_code == 201
    friend = sign_in(db, test_settings, friend.user)  # a fresh token carries the household
    response = client.post(group.invitations, json={}, headers=friend.headers)
    assert_problem(response, 403, "not-seed-household")
    listed = client.get(group.invitations, headers=friend.headers)
    assert_problem(listed, 403, "not-seed-household")


def test_a_seed_invites_only_after_its_own_consent(client: TestClient, group: Group) -> None:
    response = client.put(
        f"/v1/households/{group.seed.id}/consents/program_data",
        json={"granted": False},
        headers=group.adult.headers,
    )
    assert response.status_code == 200
    response = client.post(group.invitations, json={}, headers=group.adult.headers)
    assert_problem(response, 409, "program-consent-missing")


def test_guessing_codes_is_rate_limited(client: TestClient, group: Group) -> None:
    guesser = group.newcomer()
    statuses = [redeem(client, guesser, f"ZZZZ-ZZ{n:02d}").status_code for n in range(11)]
    assert statuses == [404] * 10 + [429]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"expires_in_days": 0}, "body.expires_in_days"),
        ({"expires_in_days": 91}, "body.expires_in_days"),
        ({"expires_in_days": "soon"}, "body.expires_in_days"),
        ({"phone": "+1\x00415"}, "body.phone"),
        ({"phone": "1" * 33}, "body.phone"),
    ],
)
def test_bad_invitation_input_is_a_422_naming_the_field(
    client: TestClient, group: Group, body: dict[str, Any], field: str
) -> None:
    response = client.post(group.invitations, json=body, headers=group.adult.headers)
    assert_problem(response, 422, "validation-error")
    assert field in {error["field"] for error in response.json()["errors"]}
