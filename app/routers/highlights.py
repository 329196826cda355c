"""Everyday Changemakers for staff (draft, edit, feature) and for featured families (consent)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, status

from app.deps import (
    DEFAULT_LIMIT,
    Family,
    OrgAdmin,
    PageCursor,
    PageLimit,
    PlatformAdmin,
    SessionDep,
)
from app.errors import problem_responses
from app.models.highlight import (
    FeatureChange,
    HighlightAnswer,
    HighlightCreate,
    HighlightPublic,
    HighlightRequest,
    HighlightUpdate,
)
from app.models.pagination import Page
from app.services import highlights

router = APIRouter(tags=["highlights"])

HighlightId = Annotated[uuid.UUID, Path(description="The highlight's id.")]


@router.post(
    "/v1/highlights",
    status_code=status.HTTP_201_CREATED,
    summary="Draft a highlight; each featured household is asked to consent to it",
    operation_id="highlights_create",
    responses=problem_responses(401, 403, 404, 422),
)
def create_highlight(
    body: HighlightCreate, actor: OrgAdmin, session: SessionDep
) -> HighlightPublic:
    return highlights.describe(session, [highlights.create(session, actor, body)])[0]


@router.get(
    "/v1/highlights",
    summary="My organization's highlights, newest first",
    operation_id="highlights_list",
    responses=problem_responses(401, 403, 422),
)
def list_highlights(
    actor: OrgAdmin,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[HighlightPublic]:
    rows, next_cursor = highlights.list_for_staff(session, actor, cursor=cursor, limit=limit)
    return Page(items=highlights.describe(session, rows), next_cursor=next_cursor)


@router.get(
    "/v1/highlights/{highlight_id}",
    summary="One highlight with every featured household's answer",
    operation_id="highlights_read",
    responses=problem_responses(401, 403, 404, 422),
)
def read_highlight(
    highlight_id: HighlightId, actor: OrgAdmin, session: SessionDep
) -> HighlightPublic:
    return highlights.describe(session, [highlights.get(session, actor, highlight_id)])[0]


@router.patch(
    "/v1/highlights/{highlight_id}",
    summary="Edit a highlight; the new draft goes back to every household for consent",
    operation_id="highlights_update",
    responses=problem_responses(401, 403, 404, 422),
)
def update_highlight(
    highlight_id: HighlightId, body: HighlightUpdate, actor: OrgAdmin, session: SessionDep
) -> HighlightPublic:
    highlight = highlights.update(session, actor, highlight_id, body)
    return highlights.describe(session, [highlight])[0]


@router.put(
    "/v1/highlights/{highlight_id}/featured",
    summary="Feature a published highlight internationally, or stop",
    operation_id="highlights_feature",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def feature_highlight(
    highlight_id: HighlightId, body: FeatureChange, actor: PlatformAdmin, session: SessionDep
) -> HighlightPublic:
    highlight = highlights.feature(session, actor, highlight_id, body.featured)
    return highlights.describe(session, [highlight])[0]


@router.get(
    "/v1/me/highlight-requests",
    summary="Highlights that feature my household, exactly as they would be published",
    operation_id="highlight_requests_list",
    responses=problem_responses(401, 403, 422),
)
def list_requests(
    actor: Family,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[HighlightRequest]:
    items, next_cursor = highlights.requests_for(session, actor, cursor=cursor, limit=limit)
    return Page(items=items, next_cursor=next_cursor)


@router.put(
    "/v1/me/highlight-requests/{highlight_id}",
    summary="Consent to a highlight featuring my household, or decline (withdraws it at once)",
    operation_id="highlight_requests_answer",
    responses=problem_responses(401, 403, 404, 409, 422),
)
def answer_request(
    highlight_id: HighlightId, body: HighlightAnswer, actor: Family, session: SessionDep
) -> HighlightRequest:
    return highlights.answer(session, actor, highlight_id, body.consent, body.version)
