"""Everyday Changemakers: highlights written by partner staff, published with every featured
household's consent."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

import sqlalchemy as sa
from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from app.models.base import VISIBLE, UTCDateTime, enum_type, new_id, utcnow

MAX_TITLE = 160
MAX_STORY = 8000
MAX_REGION = 200
MAX_FEATURED = 50
MAX_LINKED_POSTS = 20
MAX_LINKED_STORIES = 20


class HighlightStatus(StrEnum):
    """A new or edited draft awaits every featured household's consent; it is published when
    all consented, and withdrawn when any declines or withdraws `public_feature` consent."""

    AWAITING_CONSENT = "awaiting_consent"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class ConsentAnswer(StrEnum):
    PENDING = "pending"
    CONSENTED = "consented"
    DECLINED = "declined"


HighlightTitle = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_TITLE, pattern=VISIBLE)
]
HighlightStory = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_STORY, pattern=VISIBLE)
]
RegionText = Annotated[str, StringConstraints(min_length=1, max_length=MAX_REGION, pattern=VISIBLE)]


class Highlight(SQLModel, table=True):
    __tablename__ = "highlights"
    __table_args__ = (sa.Index("ix_highlights_status_published", "status", "published_at"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    organization_id: uuid.UUID = Field(
        foreign_key="organizations.id", index=True, ondelete="RESTRICT"
    )
    demonstration_id: uuid.UUID = Field(
        foreign_key="demonstrations.id", index=True, ondelete="RESTRICT"
    )
    title: str = Field(max_length=MAX_TITLE)
    text: str = Field(max_length=MAX_STORY)
    region: str = Field(max_length=MAX_REGION)
    status: HighlightStatus = Field(
        default=HighlightStatus.AWAITING_CONSENT,
        sa_type=enum_type(HighlightStatus, "highlight_status"),
    )
    featured_internationally: bool = False
    created_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    published_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    withdrawn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class HighlightHousehold(SQLModel, table=True):
    """A featured household and its answer to the exact draft it was shown."""

    __tablename__ = "highlight_households"

    highlight_id: uuid.UUID = Field(
        foreign_key="highlights.id", primary_key=True, ondelete="CASCADE"
    )
    household_id: uuid.UUID = Field(
        foreign_key="households.id", primary_key=True, index=True, ondelete="CASCADE"
    )
    answer: ConsentAnswer = Field(
        default=ConsentAnswer.PENDING, sa_type=enum_type(ConsentAnswer, "highlight_answer")
    )
    answered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class HighlightPost(SQLModel, table=True):
    __tablename__ = "highlight_posts"

    highlight_id: uuid.UUID = Field(
        foreign_key="highlights.id", primary_key=True, ondelete="CASCADE"
    )
    post_id: uuid.UUID = Field(
        foreign_key="practice_posts.id", primary_key=True, index=True, ondelete="CASCADE"
    )


class HighlightStoryLink(SQLModel, table=True):
    """A family's own story published with the highlight; its household must be featured, so
    that household's consent covers it."""

    __tablename__ = "highlight_stories"

    highlight_id: uuid.UUID = Field(
        foreign_key="highlights.id", primary_key=True, ondelete="CASCADE"
    )
    story_id: uuid.UUID = Field(
        foreign_key="stories.id", primary_key=True, index=True, ondelete="CASCADE"
    )


# Request and response schemas.


class HighlightBase(SQLModel):
    title: HighlightTitle
    text: HighlightStory = Field(description="The story as it will be published.")
    region: RegionText = Field(description="Where it happened, e.g. a town or district.")


class HighlightCreate(HighlightBase):
    demonstration_id: uuid.UUID
    household_ids: list[uuid.UUID] = Field(
        min_length=1, max_length=MAX_FEATURED, description="The households featured."
    )
    post_ids: list[uuid.UUID] = Field(
        default_factory=list, max_length=MAX_LINKED_POSTS, description="Linked practice posts."
    )
    story_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=MAX_LINKED_STORIES,
        description="Stories of featured households, published with it word for word.",
    )


class HighlightUpdate(SQLModel):
    """Any change sends the new draft back to every featured household for consent."""

    title: HighlightTitle | None = None
    text: HighlightStory | None = None
    region: RegionText | None = None
    household_ids: list[uuid.UUID] | None = Field(
        default=None, min_length=1, max_length=MAX_FEATURED
    )
    post_ids: list[uuid.UUID] | None = Field(default=None, max_length=MAX_LINKED_POSTS)
    story_ids: list[uuid.UUID] | None = Field(
        default=None,
        max_length=MAX_LINKED_STORIES,
        description="Replaces the linked stories; each by a featured household.",
    )


class FeaturedHousehold(SQLModel):
    household_id: uuid.UUID
    label: str
    answer: ConsentAnswer
    answered_at: datetime | None
    public_feature_consent: bool = Field(description="Its current `public_feature` consent.")


class LinkedPost(SQLModel):
    id: uuid.UUID
    title: str
    categories: list[str]


class LinkedStory(SQLModel):
    """A featured family's story in its own words; no names or phones."""

    id: uuid.UUID
    period: str = Field(description="The month it tells about, `YYYY-MM`.")
    text: str


class HighlightPublic(HighlightBase):
    """A highlight as partner staff see it."""

    id: uuid.UUID
    organization_id: uuid.UUID
    demonstration_id: uuid.UUID
    status: HighlightStatus = Field(description="`withdrawn` as soon as a consent lapses.")
    featured_internationally: bool
    households: list[FeaturedHousehold]
    posts: list[LinkedPost]
    stories: list[LinkedStory]
    published_at: datetime | None
    withdrawn_at: datetime | None
    created_at: datetime
    updated_at: datetime


class HighlightRequest(HighlightBase):
    """What a featured household is asked to consent to: exactly what would be published."""

    highlight_id: uuid.UUID
    partner_name: str
    status: HighlightStatus
    posts: list[LinkedPost]
    stories: list[LinkedStory] = Field(description="Published with it, word for word.")
    featured_households: int
    my_answer: ConsentAnswer
    answered_at: datetime | None
    my_public_feature_consent: bool = Field(
        description="Publication also needs my household's `public_feature` consent."
    )
    version: str = Field(
        description="Digest of what this request shows (title, text, region, practices and"
        " stories). Send it back when consenting: a consent to a text that has changed since is"
        " refused."
    )


class HighlightAnswer(SQLModel):
    consent: bool = Field(description="true consents to publication, false declines.")
    version: str | None = Field(
        default=None,
        min_length=64,
        max_length=64,
        description="The `version` of the request as read. When given with `consent: true` and"
        " the highlight has changed since (its author edited a linked story, staff redrafted it),"
        " the answer is refused with 409 `highlight-changed`: read it again. A decline is always"
        " taken.",
    )


class FeatureChange(SQLModel):
    featured: bool = Field(description="Feature the highlight internationally, or stop.")


class PublicHighlight(SQLModel):
    """What anyone may read: no names, phones or addresses."""

    id: uuid.UUID
    title: str
    text: str
    region: str
    country: str
    partner_name: str
    featured_internationally: bool
    families: int = Field(description="How many families are featured.")
    practices: list[LinkedPost]
    stories: list[LinkedStory] = Field(description="The featured families' own words.")
    published_at: datetime
