"""Survey forms, monthly surveys, batch sync, and their review by the partner's staff."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Response, status
from sqlmodel import Session

from app.deps import (
    DEFAULT_LIMIT,
    AnyStaff,
    ClockDep,
    DemonstrationId,
    Family,
    OrgAdmin,
    PageCursor,
    PageLimit,
    PartnerStaff,
    SessionDep,
)
from app.errors import problem_responses
from app.models.pagination import Page
from app.models.survey import (
    PERIOD_PATTERN,
    CommentCreate,
    DecisionCreate,
    ReviewEventPublic,
    ReviewState,
    SurveyPublic,
    SurveyRevise,
    SurveyRevisionPublic,
    SurveySubmission,
    SurveySubmit,
    SurveySummary,
)
from app.models.survey_form import OwnQuestions, SurveyFormPublic
from app.models.sync import SyncRequest, SyncResponse
from app.services import survey_forms, surveys, sync, verification

router = APIRouter(prefix="/v1", tags=["surveys"])

PeriodPath = Annotated[
    str,
    Path(
        min_length=7,
        max_length=7,
        pattern=PERIOD_PATTERN,
        description="The month, `YYYY-MM`.",
    ),
]
SubmissionId = Annotated[uuid.UUID, Path(description="The survey submission's id.")]
IfMatch = Annotated[
    str | None,
    Header(
        max_length=500,
        description="The ETag of the version the change is based on (required).",
    ),
]
IfNoneMatch = Annotated[
    str | None, Header(max_length=500, description="The ETag the phone already has.")
]
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified"}}
ETAG_HEADER = {"ETag": {"description": "Version of the record.", "schema": {"type": "string"}}}


def _with_etag(response: Response, tag: str) -> None:
    response.headers["ETag"] = tag


def _shown(session: Session, response: Response, submission: SurveySubmission) -> SurveyPublic:
    """The survey as its household and its reviewers see it, its ETag in the header."""
    _with_etag(response, surveys.etag(submission))
    return surveys.describe(session, submission)


# The family's side.


@router.get(
    "/me/survey-form",
    summary="The survey form my household answers now",
    operation_id="my_survey_form_read",
    responses={
        200: {"headers": ETAG_HEADER},
        **NOT_MODIFIED,
        **problem_responses(401, 403, 422),
    },
)
def read_my_form(
    actor: Family,
    session: SessionDep,
    response: Response,
    if_none_match: IfNoneMatch = None,
) -> SurveyFormPublic:
    _, demonstration = surveys.family_context(session, actor)
    form = survey_forms.current_form(session, demonstration)
    tag = survey_forms.etag(form, demonstration)
    if if_none_match is not None and tag in {t.strip() for t in if_none_match.split(",")}:
        return Response(status_code=304, headers={"ETag": tag})  # type: ignore[return-value]
    _with_etag(response, tag)
    return survey_forms.describe(form, demonstration)


@router.put(
    "/me/surveys/{period}",
    status_code=status.HTTP_201_CREATED,
    summary="Submit the survey of a month; resending the same client id is safe",
    operation_id="my_survey_submit",
    responses={
        200: {
            "description": "Already received: the same survey, nothing new made.",
            "model": SurveyPublic,
        },
        201: {"headers": ETAG_HEADER},
        **problem_responses(401, 403, 409, 422),
    },
)
def submit_survey(
    period: PeriodPath,
    body: SurveySubmit,
    actor: Family,
    session: SessionDep,
    clock: ClockDep,
    response: Response,
) -> SurveyPublic:
    submission, outcome = surveys.submit(session, actor, period, body, clock.now)
    if outcome is surveys.Outcome.REPLAYED:
        response.status_code = status.HTTP_200_OK
        return _shown(session, response, submission)
    _with_etag(response, surveys.etag(submission))
    return surveys.describe_created(submission)


@router.get(
    "/me/surveys",
    summary="My household's surveys and their review state",
    operation_id="my_surveys_list",
    responses=problem_responses(401, 403, 422),
)
def list_my_surveys(
    actor: Family,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[SurveySummary]:
    rows, next_cursor = surveys.list_own(session, actor, cursor=cursor, limit=limit)
    return Page(items=[SurveySummary.model_validate(row) for row in rows], next_cursor=next_cursor)


@router.get(
    "/me/surveys/{period}",
    summary="One of my household's surveys, with the staff's comments",
    operation_id="my_survey_read",
    responses={200: {"headers": ETAG_HEADER}, **problem_responses(401, 403, 404, 422)},
)
def read_my_survey(
    period: PeriodPath, actor: Family, session: SessionDep, response: Response
) -> SurveyPublic:
    submission = surveys.get_own(session, actor, period)
    return _shown(session, response, submission)


@router.patch(
    "/me/surveys/{period}",
    summary="Revise a survey before it is verified (If-Match required)",
    operation_id="my_survey_revise",
    responses={
        200: {"headers": ETAG_HEADER},
        **problem_responses(401, 403, 404, 409, 412, 422, 428),
    },
)
def revise_my_survey(
    period: PeriodPath,
    body: SurveyRevise,
    actor: Family,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> SurveyPublic:
    submission = surveys.revise(session, actor, period, body, if_match)
    return _shown(session, response, submission)


@router.get(
    "/me/surveys/{period}/revisions",
    summary="Every version of my household's answers for a month",
    operation_id="my_survey_revisions",
    responses=problem_responses(401, 403, 404, 422),
)
def my_survey_revisions(
    period: PeriodPath, actor: Family, session: SessionDep
) -> list[SurveyRevisionPublic]:
    return surveys.revisions(session, surveys.get_own(session, actor, period))


@router.post(
    "/me/sync",
    summary="Send the queue of an offline phone; answered item by item",
    operation_id="my_sync",
    responses=problem_responses(401, 403, 422),
)
def sync_queue(
    body: SyncRequest, actor: Family, session: SessionDep, clock: ClockDep
) -> SyncResponse:
    return SyncResponse(results=sync.sync(session, actor, body.items, clock.now))


# The partner's side.


@router.get(
    "/demonstrations/{demonstration_id}/survey-form",
    summary="A demonstration's current survey form",
    operation_id="survey_form_read",
    responses=problem_responses(401, 403, 404, 422),
)
def read_form(
    demonstration_id: DemonstrationId, actor: AnyStaff, session: SessionDep
) -> SurveyFormPublic:
    form, demonstration = survey_forms.read_for_staff(session, actor, demonstration_id)
    return survey_forms.describe(form, demonstration)


@router.put(
    "/demonstrations/{demonstration_id}/survey-form",
    status_code=status.HTTP_201_CREATED,
    summary="Publish the partner's own questions: a new form version after the core",
    operation_id="survey_form_publish",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def publish_form(
    demonstration_id: DemonstrationId, body: OwnQuestions, actor: OrgAdmin, session: SessionDep
) -> SurveyFormPublic:
    form, demonstration = survey_forms.publish_own_questions(session, actor, demonstration_id, body)
    return survey_forms.describe(form, demonstration)


@router.get(
    "/demonstrations/{demonstration_id}/surveys",
    summary="Review queue: a demonstration's surveys, filtered",
    operation_id="survey_review_queue",
    responses=problem_responses(401, 403, 404, 422),
)
def review_queue(
    demonstration_id: DemonstrationId,
    actor: AnyStaff,
    session: SessionDep,
    state: ReviewState | None = None,
    period: Annotated[str | None, Query(min_length=7, max_length=7, pattern=PERIOD_PATTERN)] = None,
    friend_group_id: uuid.UUID | None = None,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[SurveySummary]:
    filters = verification.QueueFilters(state=state, period=period, friend_group_id=friend_group_id)
    rows, next_cursor = verification.review_queue(
        session, actor, demonstration_id, filters, cursor=cursor, limit=limit
    )
    return Page(items=[SurveySummary.model_validate(row) for row in rows], next_cursor=next_cursor)


@router.get(
    "/surveys/{submission_id}",
    summary="A survey, for its reviewers",
    operation_id="survey_read",
    responses={200: {"headers": ETAG_HEADER}, **problem_responses(401, 403, 404, 422)},
)
def read_survey(
    submission_id: SubmissionId, actor: AnyStaff, session: SessionDep, response: Response
) -> SurveyPublic:
    submission, _ = verification.get_for_staff(session, actor, submission_id)
    return _shown(session, response, submission)


@router.get(
    "/surveys/{submission_id}/revisions",
    summary="Every version of a survey's answers, for its reviewers",
    operation_id="survey_revisions",
    responses=problem_responses(401, 403, 404, 422),
)
def survey_revisions(
    submission_id: SubmissionId, actor: AnyStaff, session: SessionDep
) -> list[SurveyRevisionPublic]:
    submission, _ = verification.get_for_staff(session, actor, submission_id)
    return surveys.revisions(session, submission)


@router.post(
    "/surveys/{submission_id}/decisions",
    summary="Verify, ask to clarify, reject or un-verify a survey (If-Match required)",
    operation_id="survey_decide",
    responses={
        200: {"headers": ETAG_HEADER},
        **problem_responses(401, 403, 404, 409, 412, 422, 428),
    },
)
def decide(
    submission_id: SubmissionId,
    body: DecisionCreate,
    actor: PartnerStaff,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> SurveyPublic:
    submission = verification.decide(session, actor, submission_id, body, if_match)
    return _shown(session, response, submission)


@router.post(
    "/surveys/{submission_id}/comments",
    status_code=status.HTTP_201_CREATED,
    summary="Comment on a survey; the family sees it (checked by the rules module)",
    operation_id="survey_comment",
    responses=problem_responses(401, 403, 404, 422),
)
def comment(
    submission_id: SubmissionId, body: CommentCreate, actor: PartnerStaff, session: SessionDep
) -> ReviewEventPublic:
    event = verification.comment(session, actor, submission_id, body.text)
    return ReviewEventPublic.model_validate(event)
