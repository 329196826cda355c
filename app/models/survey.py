"""Monthly survey submissions, their revisions, and the review events on them."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import Field as PydanticField
from pydantic import StrictBool, StringConstraints
from sqlmodel import Field, SQLModel

from app.models.base import NO_NUL, UTCDateTime, enum_type, new_id, utcnow
from app.models.survey_form import (
    MAX_CHOICES,
    MAX_QUESTIONS,
    MAX_SHORT_TEXT,
    QUESTION_ID_PATTERN,
    QuestionId,
    keys_like,
)

PERIOD_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
Period = Annotated[str, StringConstraints(min_length=7, max_length=7, pattern=PERIOD_PATTERN)]
ReviewText = Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=NO_NUL)]

AnswerText = Annotated[str, StringConstraints(max_length=MAX_SHORT_TEXT, pattern=NO_NUL)]
# Beyond any question's bounds, and exact as a JSON-schema float: larger is a 422 of the parser.
MAX_ANSWER_NUMBER = 10**15
# Not StrictInt: JSON has one number type, and the contract's "integer" includes 12.0. In the
# union below a bool stays a bool and a string a string (exact types win), so nothing else is
# coerced; 12.5 is still refused.
AnswerNumber = Annotated[int, Field(ge=-MAX_ANSWER_NUMBER, le=MAX_ANSWER_NUMBER)]
MAX_FORM_VERSION = 10**6
AnswerChoices = Annotated[list[QuestionId], Field(max_length=MAX_CHOICES)]
AnswerValue = StrictBool | AnswerNumber | AnswerChoices | AnswerText | None
Answers = Annotated[
    dict[QuestionId, AnswerValue],
    PydanticField(
        max_length=MAX_QUESTIONS,
        description="Answer per question id: an integer for money (minor units) and counts, "
        "true/false for yes/no, a choice id, a list of choice ids, or text; null for no answer.",
        json_schema_extra=keys_like(QUESTION_ID_PATTERN, 50),
    ),
]


class ReviewState(StrEnum):
    SUBMITTED = "submitted"
    NEEDS_CLARIFICATION = "needs_clarification"
    RESUBMITTED = "resubmitted"
    VERIFIED = "verified"
    REJECTED = "rejected"


class Decision(StrEnum):
    VERIFY = "verify"
    CLARIFY = "clarify"
    REJECT = "reject"
    UNVERIFY = "unverify"


class SurveySubmission(SQLModel, table=True):
    __tablename__ = "survey_submissions"
    __table_args__ = (
        sa.UniqueConstraint("household_id", "period"),
        sa.UniqueConstraint("client_submission_id"),
        sa.Index("ix_survey_submissions_queue", "demonstration_id", "state", "created_at"),
        sa.CheckConstraint("version >= 1", name="version_positive"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    household_id: uuid.UUID = Field(foreign_key="households.id", ondelete="CASCADE")
    demonstration_id: uuid.UUID = Field(foreign_key="demonstrations.id", ondelete="CASCADE")
    period: str = Field(max_length=7)
    client_submission_id: uuid.UUID
    form_id: uuid.UUID = Field(foreign_key="survey_forms.id", ondelete="RESTRICT")
    form_version: int
    answers: dict[str, Any] = Field(sa_type=sa.JSON)
    # sha256 of the canonical JSON of the answers first sent with the client id: a resend is
    # recognised by it even after the family revised the survey.
    original_answers_sha256: str = Field(max_length=64)
    state: ReviewState = Field(sa_type=enum_type(ReviewState, "review_state"))
    version: int = Field(default=1, description="Bumped by every change; the ETag.")
    submitted_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SurveyRevision(SQLModel, table=True):
    """Every version of the answers, the first submission included; never changed."""

    __tablename__ = "survey_revisions"
    __table_args__ = (sa.UniqueConstraint("submission_id", "number"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    submission_id: uuid.UUID = Field(foreign_key="survey_submissions.id", ondelete="CASCADE")
    number: int
    form_version: int
    answers: dict[str, Any] = Field(sa_type=sa.JSON)
    answers_sha256: str = Field(max_length=64)
    revised_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ReviewEvent(SQLModel, table=True):
    """A decision or a comment of staff on a survey or a story; append-only, seen by the family."""

    __tablename__ = "review_events"
    __table_args__ = (
        sa.CheckConstraint(
            "(survey_submission_id IS NULL) <> (story_id IS NULL)", name="one_subject"
        ),
        sa.Index("ix_review_events_survey", "survey_submission_id", "created_at"),
        sa.Index("ix_review_events_story", "story_id", "created_at"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    survey_submission_id: uuid.UUID | None = Field(
        default=None, foreign_key="survey_submissions.id", ondelete="CASCADE"
    )
    story_id: uuid.UUID | None = Field(default=None, foreign_key="stories.id", ondelete="CASCADE")
    actor_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    decision: Decision | None = Field(
        default=None, sa_type=enum_type(Decision, "review_decision"), nullable=True
    )
    from_state: ReviewState | None = Field(
        default=None, sa_type=enum_type(ReviewState, "review_from_state"), nullable=True
    )
    to_state: ReviewState | None = Field(
        default=None, sa_type=enum_type(ReviewState, "review_to_state"), nullable=True
    )
    comment: str | None = Field(default=None, max_length=2000)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


# Request and response schemas.


class SurveySubmit(SQLModel):
    client_submission_id: uuid.UUID = Field(
        description="Made by the phone when the survey is filled in; resending it is safe."
    )
    form_version: int = Field(ge=1, le=MAX_FORM_VERSION)
    answers: Answers


class SurveyPeriodSubmit(SurveySubmit):
    period: Period = Field(description="The month the survey is about, `YYYY-MM`.")


class SurveyRevise(SQLModel):
    form_version: int = Field(ge=1, le=MAX_FORM_VERSION)
    answers: Answers


class DecisionCreate(SQLModel):
    decision: Decision
    comment: ReviewText | None = Field(
        default=None,
        description="Seen by the family; required to ask for clarification, to reject and "
        "to un-verify. Checked by the rules module: no advice.",
    )


class CommentCreate(SQLModel):
    text: ReviewText


class ReviewEventPublic(SQLModel):
    id: uuid.UUID
    actor_user_id: uuid.UUID | None
    decision: Decision | None
    from_state: ReviewState | None
    to_state: ReviewState | None
    comment: str | None
    created_at: datetime


class SurveyRevisionPublic(SQLModel):
    number: int
    form_version: int
    answers: dict[str, Any]
    revised_by_user_id: uuid.UUID | None
    created_at: datetime


class SurveyPublic(SQLModel):
    id: uuid.UUID
    household_id: uuid.UUID
    demonstration_id: uuid.UUID
    period: str
    client_submission_id: uuid.UUID
    form_version: int
    answers: dict[str, Any]
    state: ReviewState
    version: int = Field(description="Changes with every change; `If-Match` takes its ETag.")
    revisions_count: int
    created_at: datetime
    updated_at: datetime
    reviews: list[ReviewEventPublic] = Field(description="Decisions and comments, oldest first.")


class SurveySummary(SQLModel):
    """A survey in a list: its state, without the answers."""

    id: uuid.UUID
    household_id: uuid.UUID
    period: str
    state: ReviewState
    version: int
    form_version: int
    created_at: datetime
    updated_at: datetime
