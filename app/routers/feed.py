from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response, status

from app.deps import DEFAULT_LIMIT, ClockDep, Family, PageCursor, PageLimit, SessionDep
from app.errors import problem_responses
from app.models.practice import FeedPage
from app.services import feed
from app.services.feed import FeedScope

router = APIRouter(tags=["practices"])

_NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "The first page has not changed since the given ETag."}
}


@router.get(
    "/v1/feed",
    summary="Practices of peers, closest and freshest first, spreading ones lifted",
    description="Compact items; open a post for its full text. The first page carries an "
    "`ETag`: poll with `If-None-Match` to get `304` while nothing changed. Later pages rank "
    "the snapshot of the first (`as_of`), so they stay stable while new posts arrive.",
    operation_id="feed_read",
    response_model=FeedPage,
    responses=_NOT_MODIFIED | problem_responses(401, 403, 422),
)
def read_feed(
    actor: Family,
    session: SessionDep,
    clock: ClockDep,
    response: Response,
    scope: Annotated[
        FeedScope, Query(description="`group`, `demonstration`, or `world` (everything).")
    ] = FeedScope.WORLD,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
    if_none_match: Annotated[str | None, Header(max_length=200)] = None,
) -> Response | FeedPage:
    page = feed.read_feed(session, actor, scope, cursor=cursor, limit=limit, now=clock.now)
    headers = {"Cache-Control": "private, no-cache"}
    if page.etag is not None:
        headers["ETag"] = page.etag
        if if_none_match is not None and etag_matches(if_none_match, page.etag):
            return Response(status_code=status.HTTP_304_NOT_MODIFIED, headers=headers)
    response.headers.update(headers)
    return FeedPage(items=page.items, next_cursor=page.next_cursor, as_of=page.as_of)


def etag_matches(header: str, etag: str) -> bool:
    tags = {tag.strip() for tag in header.split(",")}
    return "*" in tags or etag in tags or etag.removeprefix("W/") in tags
