"""Stories: a household's narrative of a month, shared as far as it chose and consented to."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

import sqlalchemy as sa
from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from app.models.base import VISIBLE, UTCDateTime, enum_type, new_id, utcnow
from app.models.survey import Period, ReviewEventPublic, ReviewState

MAX_STORY_CHARS = 5000
StoryText = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_STORY_CHARS, pattern=VISIBLE)
]


class Visibility(StrEnum):
    GROUP = "group"  # the household's friend group
    DEMONSTRATION = "demonstration"  # every household of the demonstration: needs consent
    PUBLIC = "public"  # anyone: needs consent to be featured publicly


class Story(SQLModel, table=True):
    __tablename__ = "stories"
    __table_args__ = (
        sa.UniqueConstraint("client_story_id"),
        sa.Index("ix_stories_demonstration_state", "demonstration_id", "state", "created_at"),
        sa.Index("ix_stories_household", "household_id", "created_at"),
        sa.CheckConstraint("version >= 1", name="version_positive"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    household_id: uuid.UUID = Field(foreign_key="households.id", ondelete="CASCADE")
    demonstration_id: uuid.UUID = Field(foreign_key="demonstrations.id", ondelete="CASCADE")
    friend_group_id: uuid.UUID = Field(foreign_key="friend_groups.id", ondelete="CASCADE")
    client_story_id: uuid.UUID
    period: str = Field(max_length=7)
    text: str = Field(sa_type=sa.Text)
    visibility: Visibility = Field(sa_type=enum_type(Visibility, "story_visibility"))
    state: ReviewState = Field(sa_type=enum_type(ReviewState, "story_state"))
    version: int = 1
    created_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class StoryRevision(SQLModel, table=True):
    """Every version of a story's text and visibility, the first included; never changed."""

    __tablename__ = "story_revisions"
    __table_args__ = (sa.UniqueConstraint("story_id", "number"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    story_id: uuid.UUID = Field(foreign_key="stories.id", ondelete="CASCADE")
    number: int
    text: str = Field(sa_type=sa.Text)
    visibility: Visibility = Field(sa_type=enum_type(Visibility, "story_revision_visibility"))
    revised_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class StoryCreate(SQLModel):
    client_story_id: uuid.UUID = Field(description="Made by the phone; resending it is safe.")
    period: Period = Field(description="The month the story belongs to, `YYYY-MM`.")
    text: StoryText
    visibility: Visibility = Visibility.GROUP


class StoryUpdate(SQLModel):
    text: StoryText | None = None
    visibility: Visibility | None = None


class StoryRevisionPublic(SQLModel):
    number: int
    text: str
    visibility: Visibility
    revised_by_user_id: uuid.UUID | None
    created_at: datetime


class StoryPublic(SQLModel):
    id: uuid.UUID
    household_id: uuid.UUID
    client_story_id: uuid.UUID | None = Field(
        description="Shown to the story's own household only."
    )
    period: str
    text: str
    visibility: Visibility = Field(description="As the household chose it.")
    effective_visibility: Visibility = Field(
        description="As shown now: narrowed at once when a consent is withdrawn."
    )
    state: ReviewState
    version: int = Field(description="Changes with every change; `If-Match` takes its ETag.")
    photo_ids: list[uuid.UUID]
    photo_urls: list[str] = Field(description="Where to fetch each photo, in `photo_ids` order.")
    created_at: datetime
    updated_at: datetime
    reviews: list[ReviewEventPublic] | None = Field(
        description="Decisions and comments: for the household and staff only."
    )
