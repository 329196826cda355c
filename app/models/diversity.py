"""The diversity report of a demonstration: do its seeds reach across the area's networks?"""

import uuid

from sqlmodel import Field, SQLModel

from app.models.household import NetworkKind, NetworkTag


class SeedNetworks(SQLModel):
    household_id: uuid.UUID
    friend_group_id: uuid.UUID
    label: str
    network_tags: list[NetworkTag]
    friends_count: int


class NetworkCoverage(SQLModel):
    kind: NetworkKind
    distinct_count: int = Field(description="Distinct networks of this kind among the seeds.")
    values: list[str]


class GroupSizes(SQLModel):
    groups: int
    households: int = Field(description="Seeds and friends together.")
    friends_limit: int
    smallest: int | None = Field(description="Fewest friends in a group; null without groups.")
    largest: int | None
    full_groups: int


class InvitationCounts(SQLModel):
    issued: int
    redeemed: int
    expired: int
    revoked: int
    active: int


class DiversityReport(SQLModel):
    demonstration_id: uuid.UUID
    seeds: list[SeedNetworks]
    networks: list[NetworkCoverage]
    group_sizes: GroupSizes
    invitations: InvitationCounts
