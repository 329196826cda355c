"""A small program to message in: one demonstration of the first organization with its liaison
assigned, a friend group of three households (each with a signed-in adult), a household of
another group, and a demonstration of the other organization."""

from dataclasses import dataclass

from sqlmodel import Session

from app.config import Settings
from app.models.demonstration import Demonstration, Phase
from app.models.friend_group import FriendGroup
from app.models.household import Household
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


@dataclass
class World:
    demonstration: Demonstration
    seed: Household
    friends: list[Household]
    loner: Household  # the seed of another group of the same demonstration
    seed_family: SignedIn
    friend_families: list[SignedIn]
    loner_family: SignedIn
    unassigned_liaison: SignedIn
    other_demonstration: Demonstration
    other_household: Household
    other_family: SignedIn

    @property
    def group_id(self) -> str:
        return str(self.seed.friend_group_id)


def make_world(db: Session, settings: Settings, actors: Actors, phase: Phase = Phase.I) -> World:
    demonstration = make_demonstration(db, actors.organization, phase=phase)
    assign_liaison(db, demonstration, actors.liaison.user)
    seed = make_household(db, demonstration)
    friend_group = db.get_one(FriendGroup, seed.friend_group_id)
    friends = [make_household(db, demonstration, friend_group=friend_group) for _ in range(2)]
    friend_group.friends_count = len(friends)
    db.add(friend_group)
    loner = make_household(db, demonstration)
    other_demonstration = make_demonstration(db, actors.other_organization)
    assign_liaison(db, other_demonstration, actors.other_liaison.user)
    other_household = make_household(db, other_demonstration)
    unassigned = make_user(db, Role.LIAISON, organization_id=actors.organization.id)
    return World(
        demonstration=demonstration,
        seed=seed,
        friends=friends,
        loner=loner,
        seed_family=make_family_member(db, settings, seed),
        friend_families=[make_family_member(db, settings, friend) for friend in friends],
        loner_family=make_family_member(db, settings, loner),
        unassigned_liaison=sign_in(db, settings, unassigned),
        other_demonstration=other_demonstration,
        other_household=other_household,
        other_family=make_family_member(db, settings, other_household),
    )
