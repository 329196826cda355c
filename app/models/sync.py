"""Batch sync of an offline phone's queue: the request and the per-item answers."""

from enum import StrEnum

from pydantic import JsonValue
from sqlmodel import Field, SQLModel

from app.errors import FieldProblem
from app.models.survey import ReviewState

MAX_SYNC_ITEMS = 50


class SyncStatus(StrEnum):
    CREATED = "created"
    REPLAYED = "replayed"
    CONFLICT = "conflict"
    INVALID = "invalid"


class SyncRequest(SQLModel):
    items: list[dict[str, JsonValue]] = Field(
        min_length=1,
        max_length=MAX_SYNC_ITEMS,
        description="Queued survey submissions, oldest first, each shaped like "
        "`SurveyPeriodSubmit` (`client_submission_id`, `period`, `form_version`, `answers`). "
        "Each is checked on its own: a bad item is answered `invalid`, never fails the batch.",
    )


class SyncItemResult(SQLModel):
    index: int = Field(description="Position of the item in the request.")
    client_submission_id: str | None
    status: SyncStatus
    submission_id: str | None = None
    state: ReviewState | None = None
    version: int | None = None
    code: str | None = Field(default=None, description="Problem code, for conflict and invalid.")
    detail: str | None = None
    errors: list[FieldProblem] | None = None


class SyncResponse(SQLModel):
    results: list[SyncItemResult]
