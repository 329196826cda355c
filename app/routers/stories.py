"""Stories: a family writes and revises them, peers read what is shared with them, the
partner's staff verify them."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response, status
from sqlmodel import Session

from app.deps import (
    DEFAULT_LIMIT,
    AnyStaff,
    ClockDep,
    CurrentPrincipal,
    DemonstrationId,
    Family,
    PageCursor,
    PageLimit,
    PartnerStaff,
    SessionDep,
)
from app.errors import problem_responses
from app.models.pagination import Page
from app.models.story import Story, StoryCreate, StoryPublic, StoryRevisionPublic, StoryUpdate
from app.models.survey import (
    PERIOD_PATTERN,
    CommentCreate,
    DecisionCreate,
    ReviewEventPublic,
    ReviewState,
)
from app.models.user import Role
from app.services import stories, story_review, verification
from app.services.principal import Principal

router = APIRouter(prefix="/v1", tags=["stories"])

StoryId = Annotated[uuid.UUID, Path(description="The story's id.")]
IfMatch = Annotated[
    str | None,
    Header(max_length=500, description="The ETag of the version the change is based on."),
]
ETAG_HEADER = {"ETag": {"description": "Version of the story.", "schema": {"type": "string"}}}


def _shown(session: Session, actor: Principal, response: Response, story: Story) -> StoryPublic:
    response.headers["ETag"] = stories.etag(story)
    return stories.describe(session, actor, [story])[0]


# The family's side.


@router.post(
    "/me/stories",
    status_code=status.HTTP_201_CREATED,
    summary="Write a story; resending the same client id is safe",
    operation_id="my_story_create",
    responses={
        200: {
            "description": "Already received: the same story, nothing new made.",
            "model": StoryPublic,
        },
        201: {"headers": ETAG_HEADER},
        **problem_responses(401, 403, 409, 422),
    },
)
def create_story(
    body: StoryCreate, actor: Family, session: SessionDep, clock: ClockDep, response: Response
) -> StoryPublic:
    story, outcome = stories.create(session, actor, body, clock.now)
    if outcome is stories.Outcome.REPLAYED:
        response.status_code = status.HTTP_200_OK
    return _shown(session, actor, response, story)


@router.get(
    "/me/stories",
    summary="My household's stories, their review state and the staff's comments",
    operation_id="my_stories_list",
    responses=problem_responses(401, 403, 422),
)
def list_my_stories(
    actor: Family,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[StoryPublic]:
    rows, next_cursor = stories.list_own(session, actor, cursor=cursor, limit=limit)
    return Page(items=stories.describe(session, actor, rows), next_cursor=next_cursor)


@router.patch(
    "/me/stories/{story_id}",
    summary="Revise my story's text before it is verified, or its visibility (If-Match)",
    operation_id="my_story_revise",
    responses={
        200: {"headers": ETAG_HEADER},
        **problem_responses(401, 403, 404, 409, 412, 422, 428),
    },
)
def revise_my_story(
    story_id: StoryId,
    body: StoryUpdate,
    actor: Family,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> StoryPublic:
    story = stories.revise(session, actor, story_id, body, if_match)
    return _shown(session, actor, response, story)


@router.get(
    "/stories",
    summary="Stories of the other households of my friend group or demonstration",
    description="Only what their households share that far, narrowed at once when a consent "
    "is withdrawn; rejected stories are not shown.",
    operation_id="peer_stories_list",
    responses=problem_responses(401, 403, 422),
)
def list_peer_stories(
    actor: Family,
    session: SessionDep,
    scope: Annotated[
        stories.PeerScope, Query(description="`group` or `demonstration`.")
    ] = stories.PeerScope.GROUP,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[StoryPublic]:
    rows, next_cursor = stories.list_peers(session, actor, scope, cursor=cursor, limit=limit)
    return Page(items=stories.describe(session, actor, rows), next_cursor=next_cursor)


@router.get(
    "/stories/{story_id}",
    summary="One story: my household's, a peer's I may see, or (staff) one to review",
    operation_id="story_read",
    responses={200: {"headers": ETAG_HEADER}, **problem_responses(401, 404, 422)},
)
def read_story(
    story_id: StoryId, actor: CurrentPrincipal, session: SessionDep, response: Response
) -> StoryPublic:
    story = stories.get_readable(session, actor, story_id)
    return _shown(session, actor, response, story)


@router.get(
    "/stories/{story_id}/revisions",
    summary="Every version of a story: for its household and its reviewers",
    operation_id="story_revisions",
    responses=problem_responses(401, 404, 422),
)
def story_revisions(
    story_id: StoryId, actor: CurrentPrincipal, session: SessionDep
) -> list[StoryRevisionPublic]:
    if actor.role is Role.FAMILY:
        story = stories.get_own(session, actor, story_id)
    else:
        story, _ = story_review.get_for_staff(session, actor, story_id)
    return stories.revisions(session, story)


# The partner's side.


@router.get(
    "/demonstrations/{demonstration_id}/stories",
    summary="Review queue: a demonstration's stories, filtered",
    operation_id="story_review_queue",
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
) -> Page[StoryPublic]:
    filters = verification.QueueFilters(state=state, period=period, friend_group_id=friend_group_id)
    rows, next_cursor = story_review.review_queue(
        session, actor, demonstration_id, filters, cursor=cursor, limit=limit
    )
    return Page(items=stories.describe(session, actor, rows), next_cursor=next_cursor)


@router.post(
    "/stories/{story_id}/decisions",
    summary="Verify, ask to clarify, reject or un-verify a story (If-Match required)",
    operation_id="story_decide",
    responses={
        200: {"headers": ETAG_HEADER},
        **problem_responses(401, 403, 404, 409, 412, 422, 428),
    },
)
def decide(
    story_id: StoryId,
    body: DecisionCreate,
    actor: PartnerStaff,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> StoryPublic:
    story = story_review.decide(session, actor, story_id, body, if_match)
    return _shown(session, actor, response, story)


@router.post(
    "/stories/{story_id}/comments",
    status_code=status.HTTP_201_CREATED,
    summary="Comment on a story; the family sees it (checked by the rules module)",
    operation_id="story_comment",
    responses=problem_responses(401, 403, 404, 422),
)
def comment(
    story_id: StoryId, body: CommentCreate, actor: PartnerStaff, session: SessionDep
) -> ReviewEventPublic:
    event = story_review.comment(session, actor, story_id, body.text)
    return ReviewEventPublic.model_validate(event)
