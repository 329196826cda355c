"""Photos: uploaded for a story, or as evidence for a survey; the bytes live in a storage."""

import uuid
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import UTCDateTime, enum_type, new_id, utcnow


class ImageType(StrEnum):
    JPEG = "image/jpeg"
    PNG = "image/png"
    WEBP = "image/webp"


class Photo(SQLModel, table=True):
    __tablename__ = "photos"
    __table_args__ = (
        sa.CheckConstraint(
            "(story_id IS NULL) <> (survey_submission_id IS NULL)", name="one_subject"
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
    question_id: str | None = Field(default=None, max_length=50)
    content_type: ImageType = Field(sa_type=enum_type(ImageType, "image_type"))
    size_bytes: int
    sha256: str = Field(max_length=64)
    storage_key: str = Field(max_length=200)
    uploaded_by_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PhotoPublic(SQLModel):
    id: uuid.UUID
    story_id: uuid.UUID | None
    survey_submission_id: uuid.UUID | None
    question_id: str | None
    content_type: ImageType
    size_bytes: int
    created_at: datetime
