"""Practice posts (the diffusion feed), adoptions ("we tried this"), comments and reports."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

import sqlalchemy as sa
from pydantic import StringConstraints
from sqlmodel import Field, SQLModel

from app.models.base import VISIBLE, UTCDateTime, enum_type, new_id, utcnow
from app.models.language import LanguageTag

MAX_TITLE = 120
MAX_TEXT = 4000
MAX_COMMENT = 1000
MAX_REASON = 500
EXCERPT_LENGTH = 200


class PracticeCategory(StrEnum):
    SAVINGS = "savings"
    BUSINESS = "business"
    EDUCATION = "education"
    HOUSING = "housing"
    HEALTH = "health"
    FOOD = "food"
    CHILDCARE = "childcare"
    TRANSPORT = "transport"
    OTHER = "other"


class PracticeScope(StrEnum):
    """Who may see a post; beyond the group only while the author consents to it."""

    GROUP = "group"
    DEMONSTRATION = "demonstration"
    WORLD = "world"


class AdoptionOutcome(StrEnum):
    WORKED = "worked"
    DIDNT_WORK = "didnt_work"
    STILL_TRYING = "still_trying"


class ReportedKind(StrEnum):
    POST = "post"
    COMMENT = "comment"


Title = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE, pattern=VISIBLE)]
PostText = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT, pattern=VISIBLE)]
CommentText = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_COMMENT, pattern=VISIBLE)
]
ReasonText = Annotated[str, StringConstraints(min_length=1, max_length=MAX_REASON, pattern=VISIBLE)]
Categories = Annotated[
    list[PracticeCategory], Field(min_length=1, max_length=len(PracticeCategory))
]


class PracticePost(SQLModel, table=True):
    __tablename__ = "practice_posts"
    __table_args__ = (
        # Candidate selection of the feed: by group, by demonstration, by scope; newest first.
        sa.Index("ix_practice_posts_group_created", "friend_group_id", "created_at"),
        sa.Index("ix_practice_posts_demonstration_created", "demonstration_id", "created_at"),
        sa.Index("ix_practice_posts_scope_created", "scope", "created_at"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    household_id: uuid.UUID = Field(foreign_key="households.id", index=True, ondelete="CASCADE")
    # Denormalized at post time (a household never changes group or demonstration).
    demonstration_id: uuid.UUID = Field(foreign_key="demonstrations.id", ondelete="RESTRICT")
    friend_group_id: uuid.UUID = Field(foreign_key="friend_groups.id", ondelete="RESTRICT")
    title: str = Field(max_length=MAX_TITLE)
    text: str = Field(max_length=MAX_TEXT)
    categories: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    language: str = Field(max_length=35)
    scope: PracticeScope = Field(sa_type=enum_type(PracticeScope, "practice_scope"))
    hidden_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Adoption(SQLModel, table=True):
    """One household tried one post's practice: at most once, with an optional outcome."""

    __tablename__ = "practice_adoptions"
    __table_args__ = (
        sa.UniqueConstraint("post_id", "household_id"),
        sa.Index("ix_practice_adoptions_post_created", "post_id", "created_at"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    post_id: uuid.UUID = Field(foreign_key="practice_posts.id", ondelete="CASCADE")
    household_id: uuid.UUID = Field(foreign_key="households.id", index=True, ondelete="CASCADE")
    # Where the adopter sat when it adopted: what bonding vs bridging is measured from.
    friend_group_id: uuid.UUID = Field(foreign_key="friend_groups.id", ondelete="RESTRICT")
    demonstration_id: uuid.UUID = Field(foreign_key="demonstrations.id", ondelete="RESTRICT")
    outcome: AdoptionOutcome | None = Field(
        default=None, sa_type=enum_type(AdoptionOutcome, "adoption_outcome")
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PracticeComment(SQLModel, table=True):
    __tablename__ = "practice_comments"
    __table_args__ = (sa.Index("ix_practice_comments_post_created", "post_id", "created_at"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    post_id: uuid.UUID = Field(foreign_key="practice_posts.id", ondelete="CASCADE")
    household_id: uuid.UUID = Field(foreign_key="households.id", index=True, ondelete="CASCADE")
    text: str = Field(max_length=MAX_COMMENT)
    hidden_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ContentReport(SQLModel, table=True):
    """A family flags a post or comment; the partner admins of the post's demonstration see it."""

    __tablename__ = "content_reports"
    __table_args__ = (
        sa.Index("ix_content_reports_demonstration_created", "demonstration_id", "created_at"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    demonstration_id: uuid.UUID = Field(foreign_key="demonstrations.id", ondelete="RESTRICT")
    post_id: uuid.UUID = Field(foreign_key="practice_posts.id", ondelete="CASCADE")
    comment_id: uuid.UUID | None = Field(
        default=None, foreign_key="practice_comments.id", ondelete="CASCADE"
    )
    reporter_household_id: uuid.UUID = Field(foreign_key="households.id", ondelete="CASCADE")
    reason: str = Field(max_length=MAX_REASON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


# Request and response schemas.


class PracticePostBase(SQLModel):
    title: Title
    text: PostText
    categories: Categories
    language: LanguageTag = Field(description="BCP 47 tag of the text, e.g. `en` or `es-MX`.")
    scope: PracticeScope = Field(
        default=PracticeScope.GROUP,
        description="`demonstration` and `world` need the household's `share_beyond_group` "
        "consent; withdrawing it narrows the post back to the group at once.",
    )


class PracticePostCreate(PracticePostBase):
    pass


class PracticePostUpdate(SQLModel):
    title: Title | None = None
    text: PostText | None = None
    categories: Categories | None = None
    language: LanguageTag | None = None
    scope: PracticeScope | None = None


class AdoptionChange(SQLModel):
    outcome: AdoptionOutcome | None = Field(
        default=None, description="How it went; may be given later."
    )


class AdoptionPublic(SQLModel):
    post_id: uuid.UUID
    household_id: uuid.UUID
    outcome: AdoptionOutcome | None
    created_at: datetime
    updated_at: datetime


class PracticePostPublic(SQLModel):
    id: uuid.UUID
    household_id: uuid.UUID | None = Field(description="Only shown inside the demonstration.")
    author_label: str
    title: str
    text: str
    categories: list[PracticeCategory]
    language: str
    scope: PracticeScope = Field(description="As posted.")
    effective_scope: PracticeScope = Field(description="As currently shown, given consent.")
    adoption_count: int
    comment_count: int
    is_own: bool
    my_adoption: AdoptionPublic | None = None
    hidden: bool
    photo_urls: list[str] = Field(default_factory=list, description="The post's photos.")
    created_at: datetime
    updated_at: datetime


class FeedItem(SQLModel):
    """A compact feed entry; open the post for its full text."""

    id: uuid.UUID
    title: str
    excerpt: str = Field(description=f"The text's first {EXCERPT_LENGTH} characters at most.")
    categories: list[PracticeCategory]
    language: str
    author_label: str
    closeness: int = Field(
        description="0 own group, 1 own demonstration, 2 same country, 3 same language, 4 world."
    )
    adoption_count: int
    thumbnail_urls: list[str] = Field(
        default_factory=list,
        description="The post's photos (the same URLs as the full photos; show them small).",
    )
    created_at: datetime
    updated_at: datetime


class FeedPage(SQLModel):
    items: list[FeedItem]
    next_cursor: str | None = Field(description="Absent on the last page.")
    as_of: datetime = Field(description="Posts newer than this wait for a fresh first page.")


class CommentCreate(SQLModel):
    text: CommentText


class CommentPublic(SQLModel):
    id: uuid.UUID
    post_id: uuid.UUID
    author_label: str
    is_own: bool
    text: str
    hidden: bool
    created_at: datetime


class ReportCreate(SQLModel):
    reason: ReasonText


class ReportPublic(SQLModel):
    id: uuid.UUID
    demonstration_id: uuid.UUID
    kind: ReportedKind
    post_id: uuid.UUID
    comment_id: uuid.UUID | None
    reason: str
    content_excerpt: str
    content_hidden: bool
    created_at: datetime


class HiddenChange(SQLModel):
    hidden: bool = Field(description="true hides the content from families; false shows it again.")


class HiddenState(SQLModel):
    id: uuid.UUID
    kind: ReportedKind
    hidden: bool
    hidden_at: datetime | None


class MonthCount(SQLModel):
    month: str = Field(description="`YYYY-MM`.")
    adopters: int = Field(description="New adopting households that month.")
    cumulative: int


class PostDiffusion(SQLModel):
    post_id: uuid.UUID
    demonstration_id: uuid.UUID
    adopters: int
    adopters_in_demonstration: int
    demonstration_households: int
    share_reached: float = Field(description="Adopters in the demonstration / its households.")
    bonding_adoptions: int = Field(description="Adoptions inside the origin friend group.")
    bridging_adoptions: int = Field(description="Adoptions from other groups.")
    days_to_first_bridging: float | None = Field(
        description="From posting to the first adoption outside the origin group."
    )
    tipping_point: bool = Field(description="Adopters passed 16% of the demonstration.")
    by_month: list[MonthCount]


class DemonstrationDiffusion(SQLModel):
    demonstration_id: uuid.UUID
    posts: int
    households: int
    adopting_households: int
    share_reached: float
    bonding_adoptions: int
    bridging_adoptions: int
    tipping_point_posts: int
    by_month: list[MonthCount]
    top_posts: list[PostDiffusion] = Field(description="The most adopted posts, at most 10.")


class PostReach(SQLModel):
    """What an author sees of its own post's spread."""

    post_id: uuid.UUID
    adoption_count: int


class ReportReceipt(SQLModel):
    id: uuid.UUID
    kind: ReportedKind
    created_at: datetime
