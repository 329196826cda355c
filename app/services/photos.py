"""Photos: uploads for a story, as evidence for a survey, or on a practice post; and who may
see them.

An upload is checked from its bytes (size, then magic bytes: JPEG, PNG or WebP only) before
anything is stored. The same bytes sent again for the same record return the photo already
made (a phone resending after a lost answer makes no duplicate). A photo is readable by
exactly those who may read its record — its own household, the staff of its demonstration,
and for a story or post whoever may see that story or post; everyone else gets a 404.
"""

import uuid

import sqlalchemy as sa
from sqlmodel import Session, col, select

from app.errors import Conflict, DomainError, NotFound, Unprocessable
from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.photo import MAX_PHOTOS_PER_RECORD, ImageType, Photo, PhotoPublic, photo_url
from app.models.survey_form import SurveyForm
from app.models.user import Role
from app.services import audit, demonstrations, images, practices, stories, surveys
from app.services.principal import Principal
from app.services.storage import PhotoMissing, PhotoStorage, content_key


class UnsupportedImage(DomainError):
    status, code, title = 415, "unsupported-image", "Not a supported image"


class PhotoTooLarge(DomainError):
    status, code, title = 413, "photo-too-large", "Photo too large"


class PhotoNotFound(NotFound):
    code = "photo-not-found"


class TooManyPhotos(Conflict):
    code = "too-many-photos"
    title = "This record has all the photos it may have"


class UnknownQuestion(Unprocessable):
    code = "unknown-question"
    title = "No such question"


def check_image(data: bytes, max_bytes: int) -> ImageType:
    """413 over the limit; 415 unless the bytes are a JPEG, PNG or WebP."""
    if len(data) > max_bytes:
        raise PhotoTooLarge(f"A photo may have at most {max_bytes} bytes.", max_bytes=max_bytes)
    image_type = images.sniff(data)
    if image_type is None:
        raise UnsupportedImage("Send a JPEG, PNG or WebP photo (checked from its content).")
    return image_type


def upload_for_story(
    session: Session,
    storage: PhotoStorage,
    actor: Principal,
    story_id: uuid.UUID,
    data: bytes,
    *,
    max_bytes: int,
) -> tuple[Photo, bool]:
    story = stories.get_own(session, actor, story_id)
    if story.state not in stories.REVISABLE:
        raise stories.StoryLocked(f"A {story.state.value} story takes no more photos.")
    return _store(session, storage, actor, story.household_id, data, max_bytes, story_id=story.id)


def upload_for_survey(
    session: Session,
    storage: PhotoStorage,
    actor: Principal,
    period: str,
    question_id: str | None,
    data: bytes,
    *,
    max_bytes: int,
) -> tuple[Photo, bool]:
    submission = surveys.get_own(session, actor, period)
    if submission.state not in surveys.REVISABLE:
        raise surveys.SurveyLocked(f"A {submission.state.value} survey takes no more evidence.")
    if question_id is not None:
        form = session.get(SurveyForm, submission.form_id)
        known = {question["id"] for question in form.questions} if form else set()
        if question_id not in known:
            detail = f"The survey's form has no question `{question_id}`."
            raise UnknownQuestion(
                detail,
                errors=[{"field": "body.question_id", "message": detail, "type": "unknown"}],
            )
    return _store(
        session,
        storage,
        actor,
        submission.household_id,
        data,
        max_bytes,
        survey_submission_id=submission.id,
        question_id=question_id,
    )


def upload_for_post(
    session: Session,
    storage: PhotoStorage,
    actor: Principal,
    post_id: uuid.UUID,
    data: bytes,
    *,
    max_bytes: int,
) -> tuple[Photo, bool]:
    post = practices.get_post(session, actor, post_id)
    if post.household_id != actor.household_id:
        raise practices.NotOwnPost("Only the household that posted it may add photos.")
    return _store(
        session, storage, actor, post.household_id, data, max_bytes, practice_post_id=post.id
    )


def _store(
    session: Session,
    storage: PhotoStorage,
    actor: Principal,
    household_id: uuid.UUID,
    data: bytes,
    max_bytes: int,
    *,
    story_id: uuid.UUID | None = None,
    survey_submission_id: uuid.UUID | None = None,
    practice_post_id: uuid.UUID | None = None,
    question_id: str | None = None,
) -> tuple[Photo, bool]:
    """The photo and whether it is new (False: the same bytes were already on the record)."""
    image_type = check_image(data, max_bytes)
    digest = content_key(data)
    subject = (
        (col(Photo.story_id) == story_id)
        if story_id
        else (col(Photo.survey_submission_id) == survey_submission_id)
        if survey_submission_id
        else (col(Photo.practice_post_id) == practice_post_id)
    )
    existing = session.exec(
        select(Photo).where(subject, Photo.sha256 == digest, Photo.question_id == question_id)
    ).first()
    if existing is not None:
        return existing, False
    count = session.exec(select(sa.func.count()).select_from(Photo).where(subject)).one()
    if count >= MAX_PHOTOS_PER_RECORD:
        raise TooManyPhotos(f"A record may have at most {MAX_PHOTOS_PER_RECORD} photos.")
    size = images.dimensions(data, image_type)
    key = storage.put(data)
    photo = Photo(
        household_id=household_id,
        story_id=story_id,
        survey_submission_id=survey_submission_id,
        practice_post_id=practice_post_id,
        question_id=question_id,
        content_type=image_type,
        size_bytes=len(data),
        width=size[0] if size else None,
        height=size[1] if size else None,
        sha256=digest,
        storage_key=key,
        uploaded_by_user_id=actor.user_id,
        created_at=utcnow(),
    )
    session.add(photo)
    session.flush()
    household = session.get(Household, household_id)
    demonstration = session.get(Demonstration, household.demonstration_id) if household else None
    audit.record(
        session,
        actor,
        "photo.uploaded",
        "photo",
        photo.id,
        organization_id=demonstration.organization_id if demonstration else None,
        changes={
            "household_id": str(household_id),
            "story_id": story_id,
            "survey_submission_id": survey_submission_id,
            "practice_post_id": practice_post_id,
            "question_id": question_id,
            "content_type": image_type.value,
            "size_bytes": len(data),
            "sha256": digest,
        },
    )
    return photo, True


def get_readable(session: Session, actor: Principal, photo_id: uuid.UUID) -> Photo:
    photo = session.get(Photo, photo_id)
    if photo is None or not _may_read(session, actor, photo):
        raise PhotoNotFound("No such photo.")
    return photo


def _may_read(session: Session, actor: Principal, photo: Photo) -> bool:
    if actor.role is Role.FAMILY:
        if actor.household_id is not None and photo.household_id == actor.household_id:
            return True
        try:
            if photo.story_id is not None:
                stories.get_readable(session, actor, photo.story_id)
                return True
            if photo.practice_post_id is not None:
                practices.get_post(session, actor, photo.practice_post_id)
                return True
        except NotFound:
            return False
        return False  # survey evidence: the household and its staff only
    shown = select(Demonstration.id).where(demonstrations.visible(actor))
    return (
        session.exec(
            select(Household.id).where(
                Household.id == photo.household_id, col(Household.demonstration_id).in_(shown)
            )
        ).first()
        is not None
    )


def content(storage: PhotoStorage, photo: Photo) -> bytes:
    try:
        return storage.get(photo.storage_key)
    except PhotoMissing as exc:
        raise PhotoNotFound("This photo's image is no longer stored.") from exc


def etag(photo: Photo) -> str:
    return f'"{photo.sha256}"'


def describe(photo: Photo) -> PhotoPublic:
    return PhotoPublic.model_validate(photo, update={"url": photo_url(photo.id)})


def of_survey(session: Session, submission_id: uuid.UUID) -> list[PhotoPublic]:
    rows = session.exec(
        select(Photo)
        .where(Photo.survey_submission_id == submission_id)
        .order_by(col(Photo.created_at), col(Photo.id))
    ).all()
    return [describe(row) for row in rows]
