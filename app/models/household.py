"""Households (families), their members and their social-network tags."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

import sqlalchemy as sa
from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from app.models.base import VISIBLE, Name, PhoneText, UTCDateTime, enum_type, new_id, utcnow
from app.models.language import LanguageTag

MAX_PEOPLE = 30
MAX_NETWORK_TAGS = 20
MAX_MEMBERS = 30

Label = Annotated[str, StringConstraints(min_length=1, max_length=80, pattern=VISIBLE)]
TagValue = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80, pattern=VISIBLE)
]
FirstName = Annotated[str, StringConstraints(min_length=1, max_length=80, pattern=VISIBLE)]


class NetworkKind(StrEnum):
    CULTURE = "culture"
    RELIGION = "religion"
    LANGUAGE = "language"
    NEIGHBOURHOOD = "neighbourhood"


class AgeBand(StrEnum):
    UNDER_6 = "0-5"
    AGE_6_11 = "6-11"
    AGE_12_17 = "12-17"
    AGE_18_29 = "18-29"
    AGE_30_49 = "30-49"
    AGE_50_64 = "50-64"
    AGE_65_UP = "65+"


class Relation(StrEnum):
    """How a member relates to the household's primary member."""

    SELF = "self"
    PARTNER = "partner"
    CHILD = "child"
    PARENT = "parent"
    GRANDPARENT = "grandparent"
    GRANDCHILD = "grandchild"
    SIBLING = "sibling"
    OTHER_RELATIVE = "other_relative"
    OTHER = "other"


class GroupShare(StrEnum):
    """What a household shows the other households of its friend group, beyond its label."""

    PREFERRED_LANGUAGE = "preferred_language"
    NETWORK_TAGS = "network_tags"
    HOUSEHOLD_SIZE = "household_size"
    MEMBERS = "members"


class NetworkTag(SQLModel):
    """A social network the household belongs to: free text of one kind."""

    kind: NetworkKind
    value: TagValue = Field(description="e.g. `Kru`, `Baptist`, `Spanish`, `West Point`.")


class Household(SQLModel, table=True):
    __tablename__ = "households"
    __table_args__ = (
        sa.CheckConstraint(f"adults_count BETWEEN 0 AND {MAX_PEOPLE}", name="adults_count_range"),
        sa.CheckConstraint(
            f"children_count BETWEEN 0 AND {MAX_PEOPLE}", name="children_count_range"
        ),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    demonstration_id: uuid.UUID = Field(
        foreign_key="demonstrations.id", index=True, ondelete="RESTRICT"
    )
    friend_group_id: uuid.UUID = Field(
        foreign_key="friend_groups.id", index=True, ondelete="RESTRICT"
    )
    is_seed: bool = False
    label: str = Field(max_length=80)
    preferred_language: str = Field(max_length=35)
    adults_count: int = 1
    children_count: int = 0
    shared_with_group: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class HouseholdNetworkTag(SQLModel, table=True):
    """Kept as rows, not JSON, so staff can filter households by tag on both databases."""

    __tablename__ = "household_network_tags"

    household_id: uuid.UUID = Field(
        foreign_key="households.id", primary_key=True, ondelete="CASCADE"
    )
    kind: NetworkKind = Field(primary_key=True, sa_type=enum_type(NetworkKind, "network_kind"))
    value: str = Field(primary_key=True, max_length=80)


class HouseholdMember(SQLModel, table=True):
    __tablename__ = "household_members"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    household_id: uuid.UUID = Field(foreign_key="households.id", index=True, ondelete="CASCADE")
    first_name: str | None = Field(default=None, max_length=80)
    age_band: AgeBand = Field(sa_type=enum_type(AgeBand, "age_band"))
    relation: Relation | None = Field(default=None, sa_type=enum_type(Relation, "relation"))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


# Request and response schemas.

NetworkTags = Annotated[list[NetworkTag], Field(max_length=MAX_NETWORK_TAGS)]
PeopleCount = Annotated[int, Field(ge=0, le=MAX_PEOPLE)]


class HouseholdProfile(SQLModel):
    label: Label = Field(description="How the household is called in the program, e.g. a surname.")
    preferred_language: LanguageTag = Field(description="BCP 47 tag, e.g. `en` or `es-MX`.")
    network_tags: NetworkTags = Field(default_factory=list)
    adults_count: PeopleCount = 1
    children_count: PeopleCount = 0


class SeedEnrolment(HouseholdProfile):
    phone: PhoneText = Field(
        description="The primary member's phone; they sign in with it and a one-time code."
    )
    full_name: Name | None = Field(default=None, description="The primary member's name.")


class HouseholdUpdate(SQLModel):
    label: Label | None = None
    preferred_language: LanguageTag | None = None
    network_tags: NetworkTags | None = None
    adults_count: PeopleCount | None = None
    children_count: PeopleCount | None = None
    shared_with_group: list[GroupShare] | None = Field(
        default=None,
        max_length=len(GroupShare),
        description="What the other households of the group may see besides the label.",
    )


class HouseholdPublic(SQLModel):
    """A household as its own members and the partner's staff see it."""

    id: uuid.UUID
    demonstration_id: uuid.UUID
    friend_group_id: uuid.UUID
    is_seed: bool
    label: str
    preferred_language: str
    network_tags: list[NetworkTag]
    adults_count: int
    children_count: int
    shared_with_group: list[GroupShare]
    contact_phones: list[str] = Field(
        description="Phones of the adults who sign in; masked for staff."
    )
    created_at: datetime
    updated_at: datetime


class MemberBase(SQLModel):
    first_name: FirstName | None = Field(default=None, description="Optional; no surname.")
    age_band: AgeBand
    relation: Relation | None = None


class MemberCreate(MemberBase):
    pass


class MemberUpdate(SQLModel):
    first_name: FirstName | None = None
    age_band: AgeBand | None = None
    relation: Relation | None = None


class MemberPublic(MemberBase):
    id: uuid.UUID
    household_id: uuid.UUID
    created_at: datetime
    updated_at: datetime


class SharedMember(SQLModel):
    first_name: str | None
    age_band: AgeBand


class GroupHouseholdPublic(SQLModel):
    """Another household of the caller's group: its label and what it chose to share."""

    id: uuid.UUID
    label: str
    is_seed: bool
    joined_at: datetime
    preferred_language: str | None = None
    network_tags: list[NetworkTag] | None = None
    adults_count: int | None = None
    children_count: int | None = None
    members: list[SharedMember] | None = None


class AdultCreate(SQLModel):
    phone: PhoneText = Field(description="The second adult's phone; they sign in with it.")
    full_name: Name | None = None


class AdultPublic(SQLModel):
    user_id: uuid.UUID
    phone: str
    full_name: str | None
