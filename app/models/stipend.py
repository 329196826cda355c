"""The stipend ledger (append-only) and the payout batches that settle it.

An `earning` entry is written when a survey is verified for the first time; a `payout` entry
settles exactly one earning (`settles_entry_id`). Two partial unique indexes make both facts
hold under any concurrency: one earning per survey, one payout per earning. Balances are sums
over the entries, never stored.
"""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

import sqlalchemy as sa
from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from app.models.base import VISIBLE, UTCDateTime, enum_type, new_id, utcnow

ExternalReference = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=VISIBLE)
]


class EntryKind(StrEnum):
    EARNING = "earning"
    PAYOUT = "payout"


class StipendEntry(SQLModel, table=True):
    __tablename__ = "stipend_entries"
    __table_args__ = (
        sa.Index(
            "uq_stipend_entries_one_earning_per_survey",
            "survey_submission_id",
            unique=True,
            sqlite_where=sa.text("kind = 'earning'"),
            postgresql_where=sa.text("kind = 'earning'"),
        ),
        sa.Index(
            "uq_stipend_entries_one_payout_per_earning",
            "settles_entry_id",
            unique=True,
            sqlite_where=sa.text("kind = 'payout'"),
            postgresql_where=sa.text("kind = 'payout'"),
        ),
        sa.Index("ix_stipend_entries_household", "household_id", "created_at"),
        sa.Index("ix_stipend_entries_demonstration", "demonstration_id", "kind"),
        sa.CheckConstraint("amount_minor >= 0", name="amount_not_negative"),
        sa.CheckConstraint(
            "(kind = 'earning' AND survey_submission_id IS NOT NULL"
            " AND settles_entry_id IS NULL)"
            " OR (kind = 'payout' AND settles_entry_id IS NOT NULL"
            " AND payout_batch_id IS NOT NULL)",
            name="kind_links",
        ),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    household_id: uuid.UUID = Field(foreign_key="households.id", ondelete="RESTRICT")
    demonstration_id: uuid.UUID = Field(foreign_key="demonstrations.id", ondelete="RESTRICT")
    kind: EntryKind = Field(sa_type=enum_type(EntryKind, "stipend_entry_kind"))
    amount_minor: int = Field(sa_type=sa.BigInteger)
    currency: str = Field(max_length=3)
    survey_submission_id: uuid.UUID | None = Field(
        default=None, foreign_key="survey_submissions.id", ondelete="RESTRICT"
    )
    settles_entry_id: uuid.UUID | None = Field(
        default=None, foreign_key="stipend_entries.id", ondelete="RESTRICT"
    )
    payout_batch_id: uuid.UUID | None = Field(
        default=None, foreign_key="payout_batches.id", ondelete="RESTRICT"
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PayoutBatch(SQLModel, table=True):
    __tablename__ = "payout_batches"
    __table_args__ = (sa.UniqueConstraint("demonstration_id", "external_reference"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    demonstration_id: uuid.UUID = Field(
        foreign_key="demonstrations.id", index=True, ondelete="RESTRICT"
    )
    external_reference: str = Field(max_length=100)
    paid_on: date
    currency: str = Field(max_length=3)
    total_minor: int = Field(sa_type=sa.BigInteger)
    entries_count: int
    households_count: int
    created_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PayoutBatchCreate(SQLModel):
    external_reference: ExternalReference = Field(
        description="The payment provider's reference for this batch; unique per demonstration."
    )
    paid_on: date = Field(description="The day the money was (or will be) sent.")


class PayoutBatchPublic(SQLModel):
    id: uuid.UUID
    demonstration_id: uuid.UUID
    external_reference: str
    paid_on: date
    currency: str
    total_minor: int
    entries_count: int
    households_count: int
    created_by_user_id: uuid.UUID | None
    created_at: datetime


class StipendEntryPublic(SQLModel):
    id: uuid.UUID
    kind: EntryKind
    amount_minor: int
    currency: str
    survey_submission_id: uuid.UUID | None
    payout_batch_id: uuid.UUID | None
    created_at: datetime


class StipendBalance(SQLModel):
    """Derived from the ledger: earned = due + paid."""

    currency: str
    earned_minor: int
    paid_minor: int
    due_minor: int


class HouseholdBalance(StipendBalance):
    household_id: uuid.UUID
    household_label: str


class MyStipends(SQLModel):
    balances: list[StipendBalance] = Field(description="One per currency the household earned in.")
    history: list[StipendEntryPublic] = Field(description="Newest first.")
    next_cursor: str | None = Field(description="For older entries: `?cursor=`.")
