"""Small factories for test data; each takes keyword overrides."""

import itertools
import uuid
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app.config import Settings
from app.models.base import utcnow
from app.models.demonstration import Demonstration, DemonstrationLiaison
from app.models.friend_group import FriendGroup
from app.models.household import Household
from app.models.organization import Organization
from app.models.user import Role, User
from app.services import auth, security

_sequence = itertools.count(1)
STAFF_PASSWORD = "a-long-enough-password"
STAFF_PASSWORD_HASH = security.hash_password(STAFF_PASSWORD)  # hashing is slow: once per run


def make_organization(session: Session, **overrides: Any) -> Organization:
    number = next(_sequence)
    values: dict[str, Any] = {"name": f"Partner {number}", "country": "US", "region": "Oakland"}
    organization = Organization(**(values | overrides))
    session.add(organization)
    session.flush()
    return organization


def make_user(session: Session, role: Role, **overrides: Any) -> User:
    number = next(_sequence)
    now = utcnow()
    values: dict[str, Any] = {"role": role, "created_at": now, "updated_at": now}
    if role is Role.FAMILY:
        values["phone"] = f"+1415555{number % 10000:04d}"
    else:
        values |= {
            "email": f"staff{number}-{uuid.uuid4().hex[:6]}@example.org",
            "password_hash": STAFF_PASSWORD_HASH,
            "full_name": f"Staff {number}",
        }
    user = User(**(values | overrides))
    session.add(user)
    session.flush()
    return user


@dataclass
class SignedIn:
    user: User
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


def sign_in(session: Session, settings: Settings, user: User) -> SignedIn:
    tokens = auth.start_session(session, auth.Clocked(settings, utcnow()), user)
    return SignedIn(user, tokens.access_token, tokens.refresh_token)


@dataclass
class Actors:
    platform_admin: SignedIn
    organization: Organization
    partner_admin: SignedIn
    liaison: SignedIn
    other_organization: Organization
    other_partner_admin: SignedIn
    other_liaison: SignedIn
    family: SignedIn

    def by_role(self) -> dict[str, SignedIn]:
        return {
            "platform_admin": self.platform_admin,
            "partner_admin": self.partner_admin,
            "liaison": self.liaison,
            "family": self.family,
        }


def make_actors(session: Session, settings: Settings) -> Actors:
    def staff(role: Role, organization: Organization) -> SignedIn:
        user = make_user(session, role, organization_id=organization.id)
        return sign_in(session, settings, user)

    organization = make_organization(session)
    other = make_organization(session, name="Other partner", country="LR", region="Monrovia")
    return Actors(
        platform_admin=sign_in(session, settings, make_user(session, Role.PLATFORM_ADMIN)),
        organization=organization,
        partner_admin=staff(Role.PARTNER_ADMIN, organization),
        liaison=staff(Role.LIAISON, organization),
        other_organization=other,
        other_partner_admin=staff(Role.PARTNER_ADMIN, other),
        other_liaison=staff(Role.LIAISON, other),
        family=sign_in(session, settings, make_user(session, Role.FAMILY)),
    )


def make_demonstration(
    session: Session, organization: Organization, **overrides: Any
) -> Demonstration:
    values: dict[str, Any] = {
        "name": f"Demonstration {next(_sequence)}",
        "area": "Fruitvale",
        "country": "US",
        "languages": ["en", "es"],
        "stipend_amount_minor": 2500,
        "stipend_currency": "USD",
        "started_on": utcnow().date(),
        "organization_id": organization.id,
        "created_at": utcnow(),
    }
    demonstration = Demonstration(**(values | overrides))
    session.add(demonstration)
    session.flush()
    return demonstration


def assign_liaison(session: Session, demonstration: Demonstration, liaison: User) -> None:
    session.add(DemonstrationLiaison(demonstration_id=demonstration.id, user_id=liaison.id))
    session.flush()


def make_household(
    session: Session,
    demonstration: Demonstration,
    *,
    friend_group: FriendGroup | None = None,
    **overrides: Any,
) -> Household:
    """A household of the demonstration; without `friend_group`, the seed of a new group."""
    if friend_group is None:
        friend_group = FriendGroup(demonstration_id=demonstration.id, created_at=utcnow())
        session.add(friend_group)
        session.flush()
        overrides.setdefault("is_seed", True)
    now = utcnow()
    values: dict[str, Any] = {
        "demonstration_id": demonstration.id,
        "friend_group_id": friend_group.id,
        "label": f"Household {next(_sequence)}",
        "preferred_language": "en",
        "created_at": now,
        "updated_at": now,
    }
    household = Household(**(values | overrides))
    session.add(household)
    session.flush()
    return household


def make_family_member(
    session: Session, settings: Settings, household: Household, **overrides: Any
) -> SignedIn:
    """A signed-in adult of `household`."""
    user = make_user(session, Role.FAMILY, household_id=household.id, **overrides)
    return sign_in(session, settings, user)
