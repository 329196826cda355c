"""The diversity report: the seeds' networks, group sizes and how invitations fared."""

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from app.models.diversity import (
    DiversityReport,
    GroupSizes,
    InvitationCounts,
    NetworkCoverage,
    SeedNetworks,
)
from app.models.friend_group import FriendGroup
from app.models.household import Household, NetworkKind
from app.models.invitation import Invitation
from app.services import demonstrations, households
from app.services.principal import Principal


def report(
    session: Session, actor: Principal, demonstration_id: uuid.UUID, now: datetime
) -> DiversityReport:
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    rows = session.exec(
        select(Household, FriendGroup.friends_count)
        .join(FriendGroup, col(FriendGroup.id) == Household.friend_group_id)
        .where(Household.demonstration_id == demonstration.id, col(Household.is_seed))
        .order_by(col(Household.created_at), col(Household.id))
    ).all()
    tags = households.tags_of(session, [seed.id for seed, _ in rows])
    seeds = [
        SeedNetworks(
            household_id=seed.id,
            friend_group_id=seed.friend_group_id,
            label=seed.label,
            network_tags=tags[seed.id],
            friends_count=friends,
        )
        for seed, friends in rows
    ]
    sizes = [friends for _, friends in rows]
    return DiversityReport(
        demonstration_id=demonstration.id,
        seeds=seeds,
        networks=_coverage(seeds),
        group_sizes=GroupSizes(
            groups=len(sizes),
            households=len(sizes) + sum(sizes),
            friends_limit=demonstration.friends_per_seed,
            smallest=min(sizes, default=None),
            largest=max(sizes, default=None),
            full_groups=sum(1 for size in sizes if size >= demonstration.friends_per_seed),
        ),
        invitations=_invitation_counts(session, demonstration.id, now),
    )


def _coverage(seeds: list[SeedNetworks]) -> list[NetworkCoverage]:
    """Distinct networks per kind; `Kru` and `kru` are one network, shown as first written."""
    coverage = []
    for kind in NetworkKind:
        values: dict[str, str] = {}
        for seed in seeds:
            for tag in seed.network_tags:
                if tag.kind is kind:
                    values.setdefault(tag.value.casefold(), tag.value)
        names = sorted(values.values(), key=str.casefold)
        coverage.append(NetworkCoverage(kind=kind, distinct_count=len(names), values=names))
    return coverage


def _invitation_counts(
    session: Session, demonstration_id: uuid.UUID, now: datetime
) -> InvitationCounts:
    redeemed = col(Invitation.redeemed_at).is_not(None)
    revoked = col(Invitation.revoked_at).is_not(None) & ~redeemed
    expired = (col(Invitation.expires_at) <= now) & ~redeemed & ~revoked

    def count(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[int]:
        return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)

    groups = select(FriendGroup.id).where(FriendGroup.demonstration_id == demonstration_id)
    issued, used, gone, withdrawn = session.exec(
        select(sa.func.count(), count(redeemed), count(expired), count(revoked)).where(
            col(Invitation.friend_group_id).in_(groups)
        )
    ).one()
    return InvitationCounts(
        issued=issued,
        redeemed=used,
        expired=gone,
        revoked=withdrawn,
        active=issued - used - gone - withdrawn,
    )
