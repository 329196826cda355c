"""Consent: dated, append-only records per household and purpose; the latest one counts."""

import uuid
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import UTCDateTime, enum_type, new_id, utcnow


class ConsentPurpose(StrEnum):
    PROGRAM_DATA = "program_data"
    SHARE_BEYOND_GROUP = "share_beyond_group"
    PUBLIC_FEATURE = "public_feature"


class ConsentRecord(SQLModel, table=True):
    __tablename__ = "consent_records"
    __table_args__ = (
        sa.Index("ix_consent_records_household_purpose", "household_id", "purpose", "recorded_at"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    household_id: uuid.UUID = Field(foreign_key="households.id", ondelete="CASCADE")
    purpose: ConsentPurpose = Field(sa_type=enum_type(ConsentPurpose, "consent_purpose"))
    granted: bool
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    recorded_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")


class ConsentChange(SQLModel):
    granted: bool = Field(description="true grants, false withdraws; either takes effect at once.")


class ConsentState(SQLModel):
    purpose: ConsentPurpose
    granted: bool = Field(description="false when never granted.")
    recorded_at: datetime | None = Field(description="When it was last granted or withdrawn.")


class ConsentRecordPublic(SQLModel):
    id: uuid.UUID
    purpose: ConsentPurpose
    granted: bool
    recorded_at: datetime
    recorded_by_user_id: uuid.UUID | None
