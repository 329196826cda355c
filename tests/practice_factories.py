"""Factories for the feed and highlight tests: demonstrations, groups, households with a
signed-in family member, consents, posts. Each takes keyword overrides."""

import itertools
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session

from app.config import Settings
from app.models.base import utcnow
from app.models.consent import ConsentPurpose, ConsentRecord
from app.models.demonstration import Demonstration
from app.models.friend_group import FriendGroup
from app.models.household import Household
from app.models.organization import Organization
from app.models.practice import PracticePost, PracticeScope
from app.models.user import Role
from tests.factories import SignedIn, make_user, sign_in

_sequence = itertools.count(1)


def make_demonstration(
    session: Session, organization: Organization, **overrides: Any
) -> Demonstration:
    values: dict[str, Any] = {
        "organization_id": organization.id,
        "name": f"Demonstration {next(_sequence)}",
        "area": "West Point",
        "country": organization.country,
        "languages": ["en"],
        "stipend_amount_minor": 2000,
        "stipend_currency": "USD",
        "started_on": date(2026, 1, 1),
    }
    demonstration = Demonstration(**(values | overrides))
    session.add(demonstration)
    session.flush()
    return demonstration


def make_group(session: Session, demonstration: Demonstration, **overrides: Any) -> FriendGroup:
    group = FriendGroup(**({"demonstration_id": demonstration.id} | overrides))
    session.add(group)
    session.flush()
    return group


def make_household(session: Session, group: FriendGroup, **overrides: Any) -> Household:
    values: dict[str, Any] = {
        "demonstration_id": group.demonstration_id,
        "friend_group_id": group.id,
        "label": f"Family {next(_sequence)}",
        "preferred_language": "en",
    }
    household = Household(**(values | overrides))
    session.add(household)
    session.flush()
    return household


def set_consent(
    session: Session, household: Household, purpose: ConsentPurpose, granted: bool
) -> None:
    session.add(
        ConsentRecord(
            household_id=household.id, purpose=purpose, granted=granted, recorded_at=utcnow()
        )
    )
    session.flush()


def make_post(session: Session, household: Household, **overrides: Any) -> PracticePost:
    now = utcnow()
    values: dict[str, Any] = {
        "household_id": household.id,
        "demonstration_id": household.demonstration_id,
        "friend_group_id": household.friend_group_id,
        "title": f"Savings circle {next(_sequence)}",
        "text": "We started a savings circle with five friends.",
        "categories": ["savings"],
        "language": "en",
        "scope": PracticeScope.GROUP,
        "created_at": now,
        "updated_at": now,
    }
    post = PracticePost(**(values | overrides))
    session.add(post)
    session.flush()
    return post


@dataclass
class Member:
    household: Household
    signed_in: SignedIn

    @property
    def headers(self) -> dict[str, str]:
        return self.signed_in.headers


def make_member(
    session: Session, settings: Settings, group: FriendGroup, **overrides: Any
) -> Member:
    household = make_household(session, group, **overrides)
    user = make_user(session, Role.FAMILY, household_id=household.id)
    return Member(household, sign_in(session, settings, user))


@dataclass
class World:
    """Two groups in one demonstration of the first organization, one group in the other
    organization's demonstration; a family signed in per group (two in group A)."""

    demonstration: Demonstration
    other_demonstration: Demonstration
    a1: Member
    a2: Member
    b1: Member
    x1: Member


def make_world(session: Session, settings: Settings, actors: Any) -> World:
    demonstration = make_demonstration(session, actors.organization)
    other = make_demonstration(session, actors.other_organization, area="Monrovia")
    group_a, group_b = make_group(session, demonstration), make_group(session, demonstration)
    group_x = make_group(session, other)
    return World(
        demonstration=demonstration,
        other_demonstration=other,
        a1=make_member(session, settings, group_a, is_seed=True),
        a2=make_member(session, settings, group_a),
        b1=make_member(session, settings, group_b),
        x1=make_member(session, settings, group_x),
    )
