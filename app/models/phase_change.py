"""Phase changes: every move of a demonstration between phase I and phase II, with its reason."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from app.models.base import VISIBLE, UTCDateTime, enum_type, new_id, utcnow
from app.models.demonstration import Phase

MAX_REASON_LENGTH = 1000

Reason = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_REASON_LENGTH, pattern=VISIBLE)
]


class PhaseChange(SQLModel, table=True):
    """Append-only: the history of a demonstration's phase, never edited."""

    __tablename__ = "phase_changes"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    demonstration_id: uuid.UUID = Field(
        foreign_key="demonstrations.id", index=True, ondelete="CASCADE"
    )
    from_phase: Phase = Field(sa_type=enum_type(Phase, "phase_change_from"))
    to_phase: Phase = Field(sa_type=enum_type(Phase, "phase_change_to"))
    reason: str = Field(max_length=MAX_REASON_LENGTH)
    changed_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PhaseChangeCreate(SQLModel):
    to: Phase = Field(description="The phase to move to: `I` or `II` (moving back is allowed).")
    reason: Reason = Field(
        description="Why, in the partner's words: what families show that makes them ready."
    )


class PhaseChangePublic(SQLModel):
    id: uuid.UUID
    demonstration_id: uuid.UUID
    from_phase: Phase
    to_phase: Phase
    reason: str
    changed_by_user_id: uuid.UUID | None
    changed_at: datetime
