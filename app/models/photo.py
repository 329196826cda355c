"""Photos: for a story, as evidence for a survey, or on a practice post; the bytes live in a
storage (see `app.services.storage`), addressed by their sha256."""

import uuid
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import UTCDateTime, enum_type, new_id, utcnow

MAX_PHOTOS_PER_RECORD = 10


class ImageType(StrEnum):
    JPEG = "image/jpeg"
    PNG = "image/png"
    WEBP = "image/webp"


class Photo(SQLModel, table=True):
    __tablename__ = "photos"
    __table_args__ = (
        sa.CheckConstraint(
            "(CASE WHEN story_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN survey_submission_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN practice_post_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_subject",
        ),
        sa.CheckConstraint("size_bytes > 0", name="size_positive"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    household_id: uuid.UUID = Field(foreign_key="households.id", index=True, ondelete="CASCADE")
    story_id: uuid.UUID | None = Field(
        default=None, foreign_key="stories.id", index=True, ondelete="CASCADE"
    )
    survey_submission_id: uuid.UUID | None = Field(
        default=None, foreign_key="survey_submissions.id", index=True, ondelete="CASCADE"
    )
    practice_post_id: uuid.UUID | None = Field(
        default=None, foreign_key="practice_posts.id", index=True, ondelete="CASCADE"
    )
    question_id: str | None = Field(default=None, max_length=50)
    content_type: ImageType = Field(sa_type=enum_type(ImageType, "image_type"))
    size_bytes: int
    width: int | None = None
    height: int | None = None
    sha256: str = Field(max_length=64)
    storage_key: str = Field(max_length=200, index=True)
    uploaded_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


def photo_url(photo_id: uuid.UUID) -> str:
    return f"/v1/photos/{photo_id}"


class PhotoPublic(SQLModel):
    id: uuid.UUID
    url: str = Field(description="`GET` it (signed in) for the image bytes.")
    story_id: uuid.UUID | None
    survey_submission_id: uuid.UUID | None
    practice_post_id: uuid.UUID | None
    question_id: str | None = Field(description="The survey question it is evidence for.")
    content_type: ImageType
    size_bytes: int
    width: int | None = Field(description="Pixels, when the image header tells.")
    height: int | None
    created_at: datetime
