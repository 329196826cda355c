"""Photo uploads (multipart) for a story, a survey (evidence) and a practice post; reading a
photo's image, for those who may see its record."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Header, Path, Response, UploadFile, status

from app.deps import (
    AnyStaff,
    CurrentPrincipal,
    Family,
    PhotoStorageDep,
    SessionDep,
    SettingsDep,
)
from app.errors import problem_responses
from app.models.photo import ImageType, Photo, PhotoPublic
from app.models.survey import PERIOD_PATTERN
from app.models.survey_form import QUESTION_ID_PATTERN
from app.services import photos, surveys, verification

router = APIRouter(prefix="/v1", tags=["photos"])

PhotoId = Annotated[uuid.UUID, Path(description="The photo's id.")]
StoryId = Annotated[uuid.UUID, Path(description="The story's id.")]
PostId = Annotated[uuid.UUID, Path(description="The practice post's id.")]
SubmissionId = Annotated[uuid.UUID, Path(description="The survey submission's id.")]
PeriodPath = Annotated[
    str,
    Path(min_length=7, max_length=7, pattern=PERIOD_PATTERN, description="The month, `YYYY-MM`."),
]
PhotoFile = Annotated[
    UploadFile,
    File(description="The image: JPEG, PNG or WebP, recognised from its content."),
]
UPLOADED: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "These bytes were already on the record: that photo, nothing new.",
        "model": PhotoPublic,
    },
    **problem_responses(401, 403, 404, 409, 413, 415, 422),
}


def _read(file: UploadFile, max_bytes: int) -> bytes:
    """At most one byte more than allowed: enough to know it is too large."""
    return file.file.read(max_bytes + 1)


def _answer(response: Response, photo: Photo, created: bool) -> PhotoPublic:
    if not created:
        response.status_code = status.HTTP_200_OK
    return photos.describe(photo)


@router.post(
    "/me/stories/{story_id}/photos",
    status_code=status.HTTP_201_CREATED,
    summary="Add a photo to my household's story (before it is verified)",
    operation_id="my_story_photo_upload",
    responses=UPLOADED,
)
def upload_story_photo(
    story_id: StoryId,
    file: PhotoFile,
    actor: Family,
    session: SessionDep,
    storage: PhotoStorageDep,
    settings: SettingsDep,
    response: Response,
) -> PhotoPublic:
    photo, created = photos.upload_for_story(
        session,
        storage,
        actor,
        story_id,
        _read(file, settings.max_photo_bytes),
        max_bytes=settings.max_photo_bytes,
    )
    return _answer(response, photo, created)


@router.post(
    "/me/surveys/{period}/photos",
    status_code=status.HTTP_201_CREATED,
    summary="Add a photo as evidence to my household's survey of a month",
    operation_id="my_survey_photo_upload",
    responses=UPLOADED,
)
def upload_survey_photo(
    period: PeriodPath,
    file: PhotoFile,
    actor: Family,
    session: SessionDep,
    storage: PhotoStorageDep,
    settings: SettingsDep,
    response: Response,
    question_id: Annotated[
        str | None,
        Form(
            min_length=1,
            max_length=50,
            pattern=QUESTION_ID_PATTERN,
            description="The question the photo is evidence for (optional).",
        ),
    ] = None,
) -> PhotoPublic:
    photo, created = photos.upload_for_survey(
        session,
        storage,
        actor,
        period,
        question_id,
        _read(file, settings.max_photo_bytes),
        max_bytes=settings.max_photo_bytes,
    )
    return _answer(response, photo, created)


@router.get(
    "/me/surveys/{period}/photos",
    summary="The evidence photos of my household's survey of a month",
    operation_id="my_survey_photos_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_my_survey_photos(
    period: PeriodPath, actor: Family, session: SessionDep
) -> list[PhotoPublic]:
    submission = surveys.get_own(session, actor, period)
    return photos.of_survey(session, submission.id)


@router.get(
    "/surveys/{submission_id}/photos",
    summary="The evidence photos of a survey, for its reviewers",
    operation_id="survey_photos_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_survey_photos(
    submission_id: SubmissionId, actor: AnyStaff, session: SessionDep
) -> list[PhotoPublic]:
    submission, _ = verification.get_for_staff(session, actor, submission_id)
    return photos.of_survey(session, submission.id)


@router.post(
    "/practices/{post_id}/photos",
    status_code=status.HTTP_201_CREATED,
    summary="Add a photo to my household's practice post",
    operation_id="practice_photo_upload",
    responses=UPLOADED,
)
def upload_post_photo(
    post_id: PostId,
    file: PhotoFile,
    actor: Family,
    session: SessionDep,
    storage: PhotoStorageDep,
    settings: SettingsDep,
    response: Response,
) -> PhotoPublic:
    photo, created = photos.upload_for_post(
        session,
        storage,
        actor,
        post_id,
        _read(file, settings.max_photo_bytes),
        max_bytes=settings.max_photo_bytes,
    )
    return _answer(response, photo, created)


_IMAGE = {"schema": {"type": "string", "format": "binary"}}


@router.get(
    "/photos/{photo_id}",
    summary="A photo's image, for those who may see its story, survey or post",
    description="Send `If-None-Match` with the ETag to get `304` for a photo already cached.",
    operation_id="photo_read",
    response_class=Response,
    responses={
        200: {
            "description": "The image.",
            "content": {image_type.value: _IMAGE for image_type in ImageType},
            "headers": {
                "ETag": {"description": "The image's digest.", "schema": {"type": "string"}}
            },
        },
        304: {"description": "Not modified"},
        **problem_responses(401, 404, 422),
    },
)
def read_photo(
    photo_id: PhotoId,
    actor: CurrentPrincipal,
    session: SessionDep,
    storage: PhotoStorageDep,
    if_none_match: Annotated[str | None, Header(max_length=500)] = None,
) -> Response:
    photo = photos.get_readable(session, actor, photo_id)
    tag = photos.etag(photo)
    # Revalidated on every use, so a photo stops showing as soon as access to it ends.
    headers = {
        "ETag": tag,
        "Cache-Control": "private, no-cache",
        "X-Content-Type-Options": "nosniff",
    }
    if if_none_match is not None and tag in {t.strip() for t in if_none_match.split(",")}:
        return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    return Response(
        content=photos.content(storage, photo), media_type=photo.content_type.value, headers=headers
    )
