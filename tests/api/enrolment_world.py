"""Two partners' programs side by side, for checking that no route leaks across them."""

from dataclasses import dataclass

from sqlmodel import Session

from app.config import Settings
from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.friend_group import FriendGroup
from app.models.household import AgeBand, Household, HouseholdMember
from app.models.invitation import Invitation
from app.models.user import Role
from tests.factories import (
    Actors,
    SignedIn,
    assign_liaison,
    make_demonstration,
    make_family_member,
    make_household,
    make_user,
    sign_in,
)

# Valid request bodies, for tests that break one field at a time or only need a body.
DEMONSTRATION_BODY = {
    "name": "West Point",
    "area": "Monrovia",
    "country": "LR",
    "languages": ["en"],
    "stipend_amount_minor": 1500,
    "stipend_currency": "LRD",
    "started_on": "2027-01-04",
}
SEED_BODY = {"label": "Doe", "preferred_language": "en", "phone": "+14155550177"}
REDEEM_BODY = {
    "code": "ABCD-EFGH",
    "label": "Doe",
    "preferred_language": "en",
    "program_data_consent": True,
}


@dataclass
class Enrolment:
    demonstration: Demonstration
    seed: Household  # with `friend`, one group
    friend: Household
    loner: Household  # the seed of another group of the same demonstration
    seed_family: SignedIn
    friend_family: SignedIn
    loner_family: SignedIn
    loner_member: HouseholdMember
    unassigned_liaison: SignedIn
    other_demonstration: Demonstration
    other_seed: Household
    other_family: SignedIn
    other_invitation: Invitation


def make_enrolment(db: Session, settings: Settings, actors: Actors) -> Enrolment:
    demonstration = make_demonstration(db, actors.organization)
    assign_liaison(db, demonstration, actors.liaison.user)
    seed = make_household(db, demonstration)
    group = db.get_one(FriendGroup, seed.friend_group_id)
    friend = make_household(db, demonstration, friend_group=group)
    group.friends_count = 1
    db.add(group)
    loner = make_household(db, demonstration)
    loner_member = HouseholdMember(
        household_id=loner.id, age_band=AgeBand.AGE_30_49, first_name="Kwame"
    )
    db.add(loner_member)
    other_demonstration = make_demonstration(db, actors.other_organization)
    other_seed = make_household(db, other_demonstration)
    other_invitation = Invitation(
        friend_group_id=other_seed.friend_group_id,
        issued_by_household_id=other_seed.id,
        code_hash="0" * 64,
        expires_at=utcnow(),
    )
    db.add(other_invitation)
    unassigned = make_user(db, Role.LIAISON, organization_id=actors.organization.id)
    db.flush()
    return Enrolment(
        demonstration=demonstration,
        seed=seed,
        friend=friend,
        loner=loner,
        seed_family=make_family_member(db, settings, seed),
        friend_family=make_family_member(db, settings, friend),
        loner_family=make_family_member(db, settings, loner),
        loner_member=loner_member,
        unassigned_liaison=sign_in(db, settings, unassigned),
        other_demonstration=other_demonstration,
        other_seed=other_seed,
        other_family=make_family_member(db, settings, other_seed),
        other_invitation=other_invitation,
    )
