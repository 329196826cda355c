"""Demonstrations: a partner's program in one area, and the liaisons assigned to it."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

import sqlalchemy as sa
from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from app.models.base import Name, UTCDateTime, enum_type, new_id, utcnow
from app.models.language import LanguageTag
from app.models.organization import CountryCode

CurrencyCode = Annotated[str, StringConstraints(to_upper=True, pattern=r"^[A-Za-z]{3}$")]
MAX_STIPEND_MINOR = 10**12
MAX_FRIENDS_PER_SEED = 50


class Phase(StrEnum):
    """Phase I: no advice of any kind. Phase II: best practices of other families may be shared."""

    I = "I"  # noqa: E741
    II = "II"


class DemonstrationBase(SQLModel):
    name: Name = Field(max_length=200)
    area: Name = Field(max_length=200, description="The target area: town, district, region.")
    country: CountryCode = Field(max_length=2, description="ISO 3166-1 alpha-2 country code.")
    languages: list[LanguageTag] = Field(
        sa_type=sa.JSON,
        min_length=1,
        max_length=20,
        description="BCP 47 tags of the languages the program runs in, e.g. `en`, `es-MX`.",
    )
    stipend_amount_minor: int = Field(
        ge=0,
        le=MAX_STIPEND_MINOR,
        sa_type=sa.BigInteger,
        description="Stipend per verified survey, in minor units of the currency (cents).",
    )
    stipend_currency: CurrencyCode = Field(max_length=3, description="ISO 4217 currency code.")
    friends_per_seed: int = Field(
        default=10,
        ge=1,
        le=MAX_FRIENDS_PER_SEED,
        description="How many friend households a seed household may bring into its group.",
    )
    started_on: date = Field(description="The day the demonstration started or will start.")


class Demonstration(DemonstrationBase, table=True):
    __tablename__ = "demonstrations"
    __table_args__ = (
        sa.CheckConstraint(
            f"friends_per_seed BETWEEN 1 AND {MAX_FRIENDS_PER_SEED}", name="friends_per_seed_range"
        ),
        sa.CheckConstraint("stipend_amount_minor >= 0", name="stipend_not_negative"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    organization_id: uuid.UUID = Field(
        foreign_key="organizations.id", index=True, ondelete="RESTRICT"
    )
    # Phase transitions (with their history) come with the phase workflow; new ones start in I.
    phase: Phase = Field(default=Phase.I, sa_type=enum_type(Phase, "demonstration_phase"))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class DemonstrationCreate(DemonstrationBase):
    pass


class DemonstrationUpdate(SQLModel):
    name: Name | None = None
    area: Name | None = None
    country: CountryCode | None = None
    languages: list[LanguageTag] | None = Field(default=None, min_length=1, max_length=20)
    stipend_amount_minor: int | None = Field(default=None, ge=0, le=MAX_STIPEND_MINOR)
    stipend_currency: CurrencyCode | None = None
    friends_per_seed: int | None = Field(
        default=None,
        ge=1,
        le=MAX_FRIENDS_PER_SEED,
        description="May not go below the number of friends a group already has.",
    )
    started_on: date | None = None


class DemonstrationPublic(DemonstrationBase):
    id: uuid.UUID
    organization_id: uuid.UUID
    phase: Phase
    created_at: datetime


class DemonstrationLiaison(SQLModel, table=True):
    """A liaison sees the demonstrations assigned to them, and nothing else of the partner."""

    __tablename__ = "demonstration_liaisons"

    demonstration_id: uuid.UUID = Field(
        foreign_key="demonstrations.id", primary_key=True, ondelete="CASCADE"
    )
    user_id: uuid.UUID = Field(
        foreign_key="users.id", primary_key=True, index=True, ondelete="CASCADE"
    )
    assigned_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    assigned_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
