"""Survey forms: versioned lists of questions, the common core first, then a partner's own.

A form row never changes once written; publishing makes a new version. Rows whose
`demonstration_id` is null are versions of the common core shared by every partner.
"""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import Field as PydanticField
from pydantic import StringConstraints, model_validator
from sqlmodel import Field, SQLModel

from app.models.base import VISIBLE, UTCDateTime, new_id, utcnow
from app.models.language import LANGUAGE_TAG_PATTERN, LanguageTag

MAX_QUESTIONS = 80
MAX_OWN_QUESTIONS = 40
MAX_CHOICES = 30
MAX_SHORT_TEXT = 500
MAX_MONEY_MINOR = 10**12

QUESTION_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
QuestionId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=50, pattern=QUESTION_ID_PATTERN),
]


def keys_like(pattern: str, max_length: int) -> dict[str, object]:
    """JSON schema for the keys of a mapping: pydantic states only their length."""
    return {
        "propertyNames": {"pattern": pattern, "minLength": 1, "maxLength": max_length},
        "additionalProperties": False,
    }


Text = Annotated[str, StringConstraints(min_length=1, max_length=500, pattern=VISIBLE)]
LocalizedText = Annotated[
    dict[LanguageTag, Text],
    PydanticField(
        min_length=1,
        max_length=30,
        description='Text per BCP 47 language tag, e.g. `{"en": "Savings", "es": "Ahorros"}`.',
        json_schema_extra=keys_like(LANGUAGE_TAG_PATTERN, 35),
    ),
]


class QuestionType(StrEnum):
    MONEY = "money"  # integer minor units, in the demonstration's stipend currency
    COUNT = "count"
    YES_NO = "yes_no"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    SHORT_TEXT = "short_text"


NUMERIC_TYPES = frozenset({QuestionType.MONEY, QuestionType.COUNT})
CHOICE_TYPES = frozenset({QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE})


class Choice(SQLModel):
    id: QuestionId = Field(description="Stable id of the option, the value answers carry.")
    label: LocalizedText


class Question(SQLModel):
    id: QuestionId = Field(
        description="Stable id (e.g. `income_work`): the same question has the same id in every "
        "partner's form, so dashboards aggregate across partners."
    )
    type: QuestionType
    label: LocalizedText
    help: LocalizedText | None = None
    required: bool = False
    min: int | None = Field(
        default=None, ge=0, le=MAX_MONEY_MINOR, description="Numeric types only."
    )
    max: int | None = Field(
        default=None, ge=0, le=MAX_MONEY_MINOR, description="Numeric types only."
    )
    max_length: int | None = Field(
        default=None, ge=1, le=MAX_SHORT_TEXT, description="Short text only."
    )
    choices: list[Choice] | None = Field(
        default=None, min_length=2, max_length=MAX_CHOICES, description="Choice types only."
    )

    @model_validator(mode="after")
    def _consistent(self) -> "Question":
        numeric = self.type in NUMERIC_TYPES
        if not numeric and (self.min is not None or self.max is not None):
            raise ValueError("min and max are for money and count questions only")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is above max")
        if (self.type in CHOICE_TYPES) != (self.choices is not None):
            raise ValueError("choices are required for, and only for, choice questions")
        if self.choices is not None and len({c.id for c in self.choices}) != len(self.choices):
            raise ValueError("choice ids repeat")
        if self.max_length is not None and self.type is not QuestionType.SHORT_TEXT:
            raise ValueError("max_length is for short text questions only")
        return self


class SurveyForm(SQLModel, table=True):
    __tablename__ = "survey_forms"
    __table_args__ = (
        sa.Index(
            "uq_survey_forms_demonstration_version",
            "demonstration_id",
            "version",
            unique=True,
            sqlite_where=sa.text("demonstration_id IS NOT NULL"),
            postgresql_where=sa.text("demonstration_id IS NOT NULL"),
        ),
        sa.Index(
            "uq_survey_forms_core_version",
            "version",
            unique=True,
            sqlite_where=sa.text("demonstration_id IS NULL"),
            postgresql_where=sa.text("demonstration_id IS NULL"),
        ),
        sa.CheckConstraint("version >= 1", name="version_positive"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    demonstration_id: uuid.UUID | None = Field(
        default=None, foreign_key="demonstrations.id", ondelete="CASCADE"
    )
    version: int
    # The full list, core questions included: a version answers alone for its validation.
    questions: list[dict[str, Any]] = Field(sa_type=sa.JSON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    created_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")


class OwnQuestions(SQLModel):
    """A partner's own questions, asked after the common core; publishing makes a new version."""

    questions: list[Question] = Field(max_length=MAX_OWN_QUESTIONS)


class SurveyFormPublic(SQLModel):
    id: uuid.UUID
    demonstration_id: uuid.UUID | None
    version: int = Field(description="Send it back as `form_version` with the answers.")
    currency: str | None = Field(description="Currency of money answers (ISO 4217).")
    languages: list[str] = Field(description="Languages every label is given in, at least.")
    questions: list[Question]
    core_question_ids: list[str] = Field(description="The common core, shared by all partners.")
    created_at: datetime
