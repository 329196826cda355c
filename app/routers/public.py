"""The public showcase: no sign-in. JSON under /v1/public, HTML pages under /changemakers."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Response, status
from fastapi.responses import HTMLResponse

from app.deps import DEFAULT_LIMIT, PageCursor, PageLimit, SessionDep
from app.errors import DomainError, problem_responses
from app.models.highlight import PublicHighlight
from app.models.pagination import Page
from app.routers.feed import etag_matches
from app.services import showcase

router = APIRouter(tags=["public"])

CACHE = "public, max-age=60"
_NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Unchanged since the given ETag."}
}
PublicHighlightId = Annotated[uuid.UUID, Path(description="The highlight's id.")]
IfNoneMatch = Annotated[str | None, Header(max_length=200)]


@router.get(
    "/v1/public/highlights",
    summary="Published Everyday Changemakers highlights, newest first (no sign-in)",
    operation_id="public_highlights_list",
    response_model=Page[PublicHighlight],
    responses=_NOT_MODIFIED | problem_responses(422),
)
def list_public_highlights(
    session: SessionDep,
    response: Response,
    featured: Annotated[
        bool | None, Query(description="Only (or all but) the internationally featured.")
    ] = None,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
    if_none_match: IfNoneMatch = None,
) -> Response | Page[PublicHighlight]:
    items, next_cursor = showcase.list_public(
        session, featured=featured, cursor=cursor, limit=limit
    )
    tag = showcase.etag(items, next_cursor)
    if if_none_match is not None and etag_matches(if_none_match, tag):
        return Response(status_code=304, headers={"ETag": tag, "Cache-Control": CACHE})
    response.headers.update({"ETag": tag, "Cache-Control": CACHE})
    return Page(items=items, next_cursor=next_cursor)


@router.get(
    "/v1/public/highlights/{highlight_id}",
    summary="One published highlight (no sign-in)",
    operation_id="public_highlights_read",
    responses=problem_responses(404, 422),
)
def read_public_highlight(
    highlight_id: PublicHighlightId, session: SessionDep, response: Response
) -> PublicHighlight:
    response.headers["Cache-Control"] = CACHE
    return showcase.get_public(session, highlight_id)


@router.get("/changemakers", include_in_schema=False, response_class=HTMLResponse)
def changemakers_page(session: SessionDep, cursor: PageCursor = None) -> HTMLResponse:
    try:
        items, next_cursor = showcase.list_public(
            session, featured=None, cursor=cursor, limit=DEFAULT_LIMIT
        )
    except DomainError:
        items, next_cursor = showcase.list_public(
            session, featured=None, cursor=None, limit=DEFAULT_LIMIT
        )
    return HTMLResponse(showcase.render_list(items, next_cursor), headers={"Cache-Control": CACHE})


@router.get("/changemakers/{highlight_id}", include_in_schema=False, response_class=HTMLResponse)
def changemaker_page(highlight_id: str, session: SessionDep) -> HTMLResponse:
    try:
        item = showcase.get_public(session, uuid.UUID(highlight_id))
    except (ValueError, DomainError):
        return HTMLResponse(showcase.render_not_found(), status_code=status.HTTP_404_NOT_FOUND)
    return HTMLResponse(showcase.render_one(item), headers={"Cache-Control": CACHE})
