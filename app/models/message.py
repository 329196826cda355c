"""Liaison messages: every attempt of staff to write to families, delivered or blocked, with
the verdict of the rules module that decided it."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Self

import sqlalchemy as sa
from pydantic import StringConstraints, model_validator
from sqlmodel import Field, SQLModel

from app.models.base import VISIBLE, UTCDateTime, enum_type, new_id, utcnow
from app.models.demonstration import Phase
from app.models.language import LanguageTag

MAX_MESSAGE_LENGTH = 1000
MAX_SPAN_LENGTH = 1000
MAX_EXPLANATION_LENGTH = 500

MessageText = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_MESSAGE_LENGTH, pattern=VISIBLE)
]
RuleId = Annotated[str, StringConstraints(min_length=1, max_length=80, pattern=r"^[a-z0-9_.]+$")]


class MessageIntent(StrEnum):
    """What the sender says the text is; the rules module classifies the text regardless."""

    VERIFICATION = "verification"
    LOGISTICS = "logistics"
    BEST_PRACTICE = "best_practice"


class MessageCategory(StrEnum):
    """What the rules module found the text to be."""

    ADVICE = "advice"
    BEST_PRACTICE = "best_practice"
    NEUTRAL = "neutral"


class MessageStatus(StrEnum):
    DELIVERED = "delivered"
    BLOCKED = "blocked"


class StaffTextChannel(StrEnum):
    """Where staff text to families comes from: a message, or a comment on a review."""

    MESSAGE = "message"
    REVIEW_COMMENT = "review_comment"


class LiaisonMessage(SQLModel, table=True):
    """One attempt. Blocked attempts are kept (with their reasons) for the partner to coach."""

    __tablename__ = "liaison_messages"
    __table_args__ = (
        sa.CheckConstraint(
            "household_id IS NULL OR friend_group_id IS NULL", name="at_most_one_recipient"
        ),
        sa.CheckConstraint(
            "channel <> 'message' OR household_id IS NOT NULL OR friend_group_id IS NOT NULL",
            name="message_has_recipient",
        ),
        sa.UniqueConstraint("sender_user_id", "client_message_id"),
        sa.Index(
            "ix_liaison_messages_org_status_created", "organization_id", "status", "created_at"
        ),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    organization_id: uuid.UUID = Field(foreign_key="organizations.id", ondelete="RESTRICT")
    demonstration_id: uuid.UUID = Field(
        foreign_key="demonstrations.id", index=True, ondelete="CASCADE"
    )
    sender_user_id: uuid.UUID = Field(foreign_key="users.id", index=True, ondelete="RESTRICT")
    household_id: uuid.UUID | None = Field(
        default=None, foreign_key="households.id", ondelete="CASCADE"
    )
    friend_group_id: uuid.UUID | None = Field(
        default=None, foreign_key="friend_groups.id", ondelete="CASCADE"
    )
    channel: StaffTextChannel = Field(sa_type=enum_type(StaffTextChannel, "staff_text_channel"))
    intent: MessageIntent = Field(sa_type=enum_type(MessageIntent, "message_intent"))
    text: str = Field(max_length=MAX_MESSAGE_LENGTH)
    language: str | None = Field(default=None, max_length=35, description="As the sender gave it.")
    detected_language: str = Field(max_length=35)
    language_supported: bool = True
    phase: Phase = Field(sa_type=enum_type(Phase, "message_phase"))
    category: MessageCategory = Field(sa_type=enum_type(MessageCategory, "message_category"))
    status: MessageStatus = Field(sa_type=enum_type(MessageStatus, "message_status"))
    client_message_id: uuid.UUID | None = None
    practice_post_id: uuid.UUID | None = Field(
        default=None,
        foreign_key="practice_posts.id",
        ondelete="SET NULL",
        description="The feed post a best-practice message points to.",
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class LiaisonMessageReason(SQLModel, table=True):
    """One finding of a verdict; rows, not JSON, so attempts can be filtered and counted by rule."""

    __tablename__ = "liaison_message_reasons"

    message_id: uuid.UUID = Field(
        foreign_key="liaison_messages.id", primary_key=True, ondelete="CASCADE"
    )
    position: int = Field(primary_key=True)
    rule_id: str = Field(max_length=80, index=True)
    category: MessageCategory = Field(sa_type=enum_type(MessageCategory, "reason_category"))
    span: str = Field(max_length=MAX_SPAN_LENGTH)
    start_offset: int
    end_offset: int
    explanation: str = Field(max_length=MAX_EXPLANATION_LENGTH)


# Request and response schemas.


PRACTICE_POST_DESCRIPTION = (
    "A feed post the message tells about (phase II best practice): it must be visible to every "
    "recipient household and written by none of them. The message then counts as intent "
    "`best_practice` whatever `intent` says."
)


class MessageCheck(SQLModel):
    text: MessageText = Field(description="The draft, at most 1000 characters.")
    intent: MessageIntent | None = Field(
        default=None, description="What the draft is meant to be; it can only make rules stricter."
    )
    language: LanguageTag | None = Field(
        default=None, description="BCP 47 tag of the draft's language; guessed when absent."
    )
    household_id: uuid.UUID | None = Field(
        default=None, description="The recipient, when known: needed to check `practice_post_id`."
    )
    friend_group_id: uuid.UUID | None = Field(
        default=None, description="Or the recipient group; at most one of the two."
    )
    practice_post_id: uuid.UUID | None = Field(default=None, description=PRACTICE_POST_DESCRIPTION)

    @model_validator(mode="after")
    def recipient_for_reference(self) -> Self:
        if self.household_id is not None and self.friend_group_id is not None:
            raise ValueError("give at most one of household_id or friend_group_id")
        if self.practice_post_id is not None and (
            self.household_id is None and self.friend_group_id is None
        ):
            raise ValueError(
                "practice_post_id needs the recipient: household_id or friend_group_id"
            )
        return self


class LiaisonMessageCreate(SQLModel):
    """To one household or to a whole friend group of the demonstration: exactly one of them."""

    household_id: uuid.UUID | None = None
    friend_group_id: uuid.UUID | None = None
    intent: MessageIntent
    text: MessageText = Field(description="At most 1000 characters.")
    language: LanguageTag | None = Field(default=None, description="BCP 47 tag, e.g. `es-MX`.")
    client_message_id: uuid.UUID | None = Field(
        default=None,
        description="Generated by the phone: resending the same id and body returns the same "
        "result and sends nothing new; the same id with another body is a 409.",
    )
    practice_post_id: uuid.UUID | None = Field(default=None, description=PRACTICE_POST_DESCRIPTION)

    @model_validator(mode="after")
    def one_recipient(self) -> Self:
        if (self.household_id is None) == (self.friend_group_id is None):
            raise ValueError("give exactly one of household_id or friend_group_id")
        return self


class ReasonPublic(SQLModel):
    rule_id: str = Field(description="Stable id of the rule, e.g. `advice.second_person_modal`.")
    category: MessageCategory
    span: str = Field(description="The words of the text that triggered the rule.")
    start: int = Field(description="Offset of the span in the text.")
    end: int
    explanation: str


class VerdictPublic(SQLModel):
    allowed: bool
    category: MessageCategory
    reasons: list[ReasonPublic]
    language: str = Field(description="The language the text was checked in.")
    language_supported: bool = Field(
        description="false: the language cannot be checked, so the text is blocked."
    )
    phase: Phase = Field(description="The demonstration's phase the text was checked against.")
    declared_intent: MessageIntent | None


class LiaisonMessagePublic(SQLModel):
    id: uuid.UUID
    demonstration_id: uuid.UUID
    sender_user_id: uuid.UUID
    household_id: uuid.UUID | None
    friend_group_id: uuid.UUID | None
    intent: MessageIntent
    text: str
    language: str | None
    phase: Phase
    category: MessageCategory
    status: MessageStatus
    client_message_id: uuid.UUID | None
    practice_post_id: uuid.UUID | None = Field(description="The feed post it points to, if any.")
    recipients: int = Field(description="Households it was delivered to.")
    read_by: int = Field(description="Households that have read it.")
    created_at: datetime


class BlockedMessagePublic(SQLModel):
    """A blocked attempt, as the partner admin sees it to coach the sender."""

    id: uuid.UUID
    demonstration_id: uuid.UUID
    sender_user_id: uuid.UUID
    household_id: uuid.UUID | None
    friend_group_id: uuid.UUID | None
    channel: StaffTextChannel
    intent: MessageIntent
    text: str
    language: str | None
    phase: Phase
    category: MessageCategory
    reasons: list[ReasonPublic]
    practice_post_id: uuid.UUID | None = Field(description="The feed post it pointed to, if any.")
    created_at: datetime


class LiaisonCount(SQLModel):
    sender_user_id: uuid.UUID
    full_name: str | None
    blocked: int


class RuleCount(SQLModel):
    rule_id: str
    blocked: int = Field(description="Blocked attempts in which this rule fired.")


class BlockedSummary(SQLModel):
    total: int
    by_liaison: list[LiaisonCount] = Field(description="Most blocked first.")
    by_rule: list[RuleCount] = Field(description="Most frequent first.")
