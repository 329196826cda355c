"""Invitations: single-use codes a seed household gives a friend household to join its group."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from app.models.base import PhoneText, UTCDateTime, new_id, utcnow
from app.models.household import HouseholdProfile

DEFAULT_EXPIRY_DAYS = 14
MAX_EXPIRY_DAYS = 90

InvitationCodeText = Annotated[
    str,
    StringConstraints(min_length=8, max_length=20, pattern=r"^[A-Za-z0-9 \-]+$"),
]


class InvitationStatus(StrEnum):
    ACTIVE = "active"
    REDEEMED = "redeemed"
    REVOKED = "revoked"
    EXPIRED = "expired"


class Invitation(SQLModel, table=True):
    """Only a keyed hash of the code is stored; the code itself is shown once, when issued."""

    __tablename__ = "invitations"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    friend_group_id: uuid.UUID = Field(
        foreign_key="friend_groups.id", index=True, ondelete="CASCADE"
    )
    issued_by_household_id: uuid.UUID = Field(foreign_key="households.id", ondelete="CASCADE")
    issued_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    code_hash: str = Field(max_length=64, unique=True)
    # A code bound to a phone: the phone's keyed hash to compare, and a masked hint to show.
    phone_hash: str | None = Field(default=None, max_length=64)
    phone_hint: str | None = Field(default=None, max_length=20)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    redeemed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    redeemed_by_household_id: uuid.UUID | None = Field(
        default=None, foreign_key="households.id", ondelete="SET NULL"
    )

    def status_at(self, now: datetime) -> InvitationStatus:
        if self.redeemed_at is not None:
            return InvitationStatus.REDEEMED
        if self.revoked_at is not None:
            return InvitationStatus.REVOKED
        if self.expires_at <= now:
            return InvitationStatus.EXPIRED
        return InvitationStatus.ACTIVE


class InvitationCreate(SQLModel):
    phone: PhoneText | None = Field(
        default=None, description="Only the holder of this phone may redeem the code."
    )
    expires_in_days: int = Field(default=DEFAULT_EXPIRY_DAYS, ge=1, le=MAX_EXPIRY_DAYS)


class InvitationPublic(SQLModel):
    id: uuid.UUID
    friend_group_id: uuid.UUID
    status: InvitationStatus
    phone_hint: str | None = Field(description="The bound phone, masked; null when unbound.")
    expires_at: datetime
    created_at: datetime
    revoked_at: datetime | None
    redeemed_at: datetime | None
    redeemed_by_household_id: uuid.UUID | None


class InvitationIssued(InvitationPublic):
    code: str = Field(
        description="The code to give the friend household. Shown only this once.",
        schema_extra={"examples": ["KX7M-Q4TA"]},
    )


class InvitationRedeem(HouseholdProfile):
    code: InvitationCodeText = Field(
        description="The code as read or typed; case, spaces and dashes do not matter."
    )
    program_data_consent: bool = Field(
        description="Consent to the program's use of the household's data; must be true to join."
    )
