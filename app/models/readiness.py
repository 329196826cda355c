"""Readiness signals: what a partner reads before moving a demonstration to phase II."""

import uuid
from datetime import date, datetime

from sqlmodel import Field, SQLModel

from app.models.demonstration import Phase


class ReadinessSignal(SQLModel):
    """A share of the enrolled households; `null` while the data it needs is not collected."""

    measured: bool = Field(description="false: the platform does not collect this data yet.")
    share: float | None = Field(
        ge=0, le=1, description="Households that meet it ÷ households enrolled; null if unknown."
    )
    households: int | None = Field(ge=0, description="Households that meet it; null if unknown.")
    note: str | None = Field(
        default=None, description="What is counted, or why it is not measured."
    )


class ReadinessPublic(SQLModel):
    """Signals that inform the partner's decision; they never change the phase by themselves."""

    demonstration_id: uuid.UUID
    phase: Phase
    started_on: date
    months_since_start: int = Field(ge=0, description="Whole months; 0 before the start.")
    households_enrolled: int = Field(ge=0)
    three_verified_surveys: ReadinessSignal = Field(
        description="Households with at least 3 verified monthly surveys."
    )
    helped_peers: ReadinessSignal = Field(
        description="Households that reported help given to peers in a survey."
    )
    posted_or_adopted_practice: ReadinessSignal = Field(
        description="Households that posted or adopted a practice on the feed."
    )
    computed_at: datetime
