"""Friend groups: a seed household and at most `friends_per_seed` friends.

The limit is kept by `take_seat`, a single conditional UPDATE of the group's `friends_count`
(`... SET friends_count = friends_count + 1 WHERE id = :id AND friends_count < :limit`), rather
than by counting households and then inserting. Counting first is a race: two joins can both
count 9 of 10 and both insert. The UPDATE cannot race: PostgreSQL locks the row, a concurrent
UPDATE waits for the first to commit and re-checks the WHERE against the new count, so the
11th join finds no row to update and gets `group-full`; SQLite has one writer at a time anyway.
A CHECK constraint bounds the counter as a last line of defence. It beats `SELECT ... FOR
UPDATE` + `COUNT(*)` in that the check and the increment are one statement on both databases.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, col, select

from app.errors import Conflict, NotFound
from app.models.demonstration import Demonstration
from app.models.friend_group import FriendGroup, FriendGroupPublic
from app.models.household import (
    GroupHouseholdPublic,
    GroupShare,
    Household,
    HouseholdMember,
    SharedMember,
)
from app.models.user import Role
from app.services import demonstrations, households
from app.services.pagination import paginate
from app.services.principal import Principal


class FriendGroupNotFound(NotFound):
    code = "friend-group-not-found"


class GroupFull(Conflict):
    code = "group-full"
    title = "Friend group is full"


def visible(actor: Principal) -> sa.ColumnElement[bool]:
    """A family sees its own group; staff the groups of the demonstrations they see."""
    if actor.role is Role.FAMILY:
        own_group = select(Household.friend_group_id).where(Household.id == actor.household_id)
        return col(FriendGroup.id).in_(own_group)
    shown = select(Demonstration.id).where(demonstrations.visible(actor))
    return col(FriendGroup.demonstration_id).in_(shown)


def get_group(session: Session, actor: Principal, group_id: uuid.UUID) -> FriendGroup:
    group = session.exec(
        select(FriendGroup).where(FriendGroup.id == group_id, visible(actor))
    ).first()
    if group is None:
        raise FriendGroupNotFound("No such friend group.")
    return group


def seed_of(session: Session, group_id: uuid.UUID) -> Household:
    return session.exec(
        select(Household).where(Household.friend_group_id == group_id, col(Household.is_seed))
    ).one()


def take_seat(session: Session, group_id: uuid.UUID, friends_limit: int) -> None:
    """Count one more friend household in the group, or raise `GroupFull` (see module doc)."""
    result = session.execute(
        sa.update(FriendGroup)
        .where(col(FriendGroup.id) == group_id, col(FriendGroup.friends_count) < friends_limit)
        .values(friends_count=col(FriendGroup.friends_count) + 1)
        .execution_options(synchronize_session=False)
    )
    if not getattr(result, "rowcount", 0):
        raise GroupFull(f"This friend group already has its {friends_limit} friend households.")
    group = session.get(FriendGroup, group_id)
    if group is not None:
        session.refresh(group)


def list_groups(
    session: Session,
    actor: Principal,
    demonstration_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[FriendGroupPublic], str | None]:
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    statement = select(FriendGroup).where(FriendGroup.demonstration_id == demonstration.id)
    rows, next_cursor = paginate(
        session, statement, FriendGroup.created_at, FriendGroup.id, cursor=cursor, limit=limit
    )
    return describe(session, rows), next_cursor


def read_group(session: Session, actor: Principal, group_id: uuid.UUID) -> FriendGroupPublic:
    return describe(session, [get_group(session, actor, group_id)])[0]


def describe(session: Session, groups: Sequence[FriendGroup]) -> list[FriendGroupPublic]:
    ids = [group.id for group in groups]
    seeds = {
        seed.friend_group_id: seed
        for seed in session.exec(
            select(Household).where(col(Household.friend_group_id).in_(ids), col(Household.is_seed))
        ).all()
    }
    limits = dict(
        session.exec(
            select(Demonstration.id, Demonstration.friends_per_seed).where(
                col(Demonstration.id).in_({group.demonstration_id for group in groups})
            )
        ).all()
    )
    return [
        FriendGroupPublic(
            id=group.id,
            demonstration_id=group.demonstration_id,
            seed_household_id=seeds[group.id].id,
            seed_label=seeds[group.id].label,
            friends_count=group.friends_count,
            friends_limit=limits[group.demonstration_id],
            created_at=group.created_at,
        )
        for group in groups
    ]


def group_households(
    session: Session, actor: Principal, group_id: uuid.UUID
) -> list[GroupHouseholdPublic]:
    """The group's households, seed first: each with its label and what it chose to share
    (its own household and staff see everything). Never phones."""
    group = get_group(session, actor, group_id)
    rows = session.exec(
        select(Household)
        .where(Household.friend_group_id == group.id)
        .order_by(col(Household.is_seed).desc(), col(Household.created_at), col(Household.id))
    ).all()
    ids = [row.id for row in rows]
    tags = households.tags_of(session, ids)
    members: dict[uuid.UUID, list[SharedMember]] = {household_id: [] for household_id in ids}
    for member in session.exec(
        select(HouseholdMember)
        .where(col(HouseholdMember.household_id).in_(ids))
        .order_by(col(HouseholdMember.created_at), col(HouseholdMember.id))
    ).all():
        members[member.household_id].append(
            SharedMember(first_name=member.first_name, age_band=member.age_band)
        )
    result = []
    for row in rows:
        shares = (
            set(GroupShare)
            if actor.is_staff or actor.is_platform_admin or row.id == actor.household_id
            else {GroupShare(share) for share in row.shared_with_group}
        )
        size = GroupShare.HOUSEHOLD_SIZE in shares
        result.append(
            GroupHouseholdPublic(
                id=row.id,
                label=row.label,
                is_seed=row.is_seed,
                joined_at=row.created_at,
                preferred_language=(
                    row.preferred_language if GroupShare.PREFERRED_LANGUAGE in shares else None
                ),
                network_tags=tags[row.id] if GroupShare.NETWORK_TAGS in shares else None,
                adults_count=row.adults_count if size else None,
                children_count=row.children_count if size else None,
                members=members[row.id] if GroupShare.MEMBERS in shares else None,
            )
        )
    return result
