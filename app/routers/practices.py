"""Practice posts: write, read, adopt, comment, report; moderation and diffusion for staff."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from app.deps import (
    DEFAULT_LIMIT,
    AnyStaff,
    CurrentPrincipal,
    DemonstrationId,
    Family,
    OrgAdmin,
    PageCursor,
    PageLimit,
    SessionDep,
)
from app.errors import problem_responses
from app.models.pagination import Page
from app.models.practice import (
    AdoptionChange,
    AdoptionPublic,
    CommentCreate,
    CommentPublic,
    ContentReport,
    DemonstrationDiffusion,
    HiddenChange,
    HiddenState,
    PostDiffusion,
    PracticePostCreate,
    PracticePostPublic,
    PracticePostUpdate,
    ReportCreate,
    ReportedKind,
    ReportPublic,
    ReportReceipt,
)
from app.services import adoptions, diffusion, moderation, practices

router = APIRouter(tags=["practices"])

PostId = Annotated[uuid.UUID, Path(description="The practice post's id.")]
CommentId = Annotated[uuid.UUID, Path(description="The comment's id.")]


@router.post(
    "/v1/practices",
    status_code=status.HTTP_201_CREATED,
    summary="Post a practice my household tried",
    operation_id="practices_create",
    responses=problem_responses(401, 403, 422),
)
def create_practice(
    body: PracticePostCreate, actor: Family, session: SessionDep
) -> PracticePostPublic:
    post = practices.create_post(session, actor, body)
    return practices.describe(session, actor, [post])[0]


@router.get(
    "/v1/practices/{post_id}",
    summary="One practice post in full",
    operation_id="practices_read",
    responses=problem_responses(401, 403, 404, 422),
)
def read_practice(
    post_id: PostId, actor: CurrentPrincipal, session: SessionDep
) -> PracticePostPublic:
    post = practices.get_post(session, actor, post_id)
    return practices.describe(session, actor, [post])[0]


@router.patch(
    "/v1/practices/{post_id}",
    summary="Edit my household's practice post",
    operation_id="practices_update",
    responses=problem_responses(401, 403, 404, 422),
)
def update_practice(
    post_id: PostId, body: PracticePostUpdate, actor: Family, session: SessionDep
) -> PracticePostPublic:
    post = practices.update_post(session, actor, post_id, body)
    return practices.describe(session, actor, [post])[0]


@router.delete(
    "/v1/practices/{post_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete my household's practice post",
    operation_id="practices_delete",
    responses=problem_responses(401, 403, 404, 422),
)
def delete_practice(post_id: PostId, actor: Family, session: SessionDep) -> Response:
    practices.delete_post(session, actor, post_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put(
    "/v1/practices/{post_id}/adoption",
    summary="We tried this: record (once) my household's adoption and, later, its outcome",
    description="Idempotent: sending it again keeps the one adoption and updates the outcome.",
    operation_id="practices_adopt",
    responses=problem_responses(401, 403, 404, 422),
)
def adopt_practice(
    post_id: PostId, body: AdoptionChange, actor: Family, session: SessionDep
) -> AdoptionPublic:
    return AdoptionPublic.model_validate(adoptions.record(session, actor, post_id, body))


@router.get(
    "/v1/practices/{post_id}/comments",
    summary="Comments on a practice post, newest first",
    operation_id="practices_comments_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_comments(
    post_id: PostId,
    actor: CurrentPrincipal,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[CommentPublic]:
    rows, next_cursor = moderation.list_comments(
        session, actor, post_id, cursor=cursor, limit=limit
    )
    return Page(items=moderation.describe_comments(session, actor, rows), next_cursor=next_cursor)


@router.post(
    "/v1/practices/{post_id}/comments",
    status_code=status.HTTP_201_CREATED,
    summary="Comment on a practice post",
    operation_id="practices_comments_create",
    responses=problem_responses(401, 403, 404, 422),
)
def create_comment(
    post_id: PostId, body: CommentCreate, actor: Family, session: SessionDep
) -> CommentPublic:
    comment = moderation.add_comment(session, actor, post_id, body)
    return moderation.describe_comments(session, actor, [comment])[0]


@router.post(
    "/v1/practices/{post_id}/reports",
    status_code=status.HTTP_201_CREATED,
    summary="Report a practice post to the partner's admins",
    operation_id="practices_report",
    responses=problem_responses(401, 403, 404, 422),
)
def report_practice(
    post_id: PostId, body: ReportCreate, actor: Family, session: SessionDep
) -> ReportReceipt:
    return _receipt(moderation.report_post(session, actor, post_id, body))


@router.post(
    "/v1/practices/{post_id}/comments/{comment_id}/reports",
    status_code=status.HTTP_201_CREATED,
    summary="Report a comment to the partner's admins",
    operation_id="practices_comments_report",
    responses=problem_responses(401, 403, 404, 422),
)
def report_comment(
    post_id: PostId, comment_id: CommentId, body: ReportCreate, actor: Family, session: SessionDep
) -> ReportReceipt:
    return _receipt(moderation.report_comment(session, actor, post_id, comment_id, body))


@router.get(
    "/v1/demonstrations/{demonstration_id}/reports",
    summary="Reported posts and comments in a demonstration, newest first",
    operation_id="practices_reports_list",
    responses=problem_responses(401, 403, 404, 422),
)
def list_reports(
    demonstration_id: DemonstrationId,
    actor: OrgAdmin,
    session: SessionDep,
    cursor: PageCursor = None,
    limit: PageLimit = DEFAULT_LIMIT,
) -> Page[ReportPublic]:
    items, next_cursor = moderation.list_reports(
        session, actor, demonstration_id, cursor=cursor, limit=limit
    )
    return Page(items=items, next_cursor=next_cursor)


@router.put(
    "/v1/practices/{post_id}/hidden",
    summary="Hide a practice post from families, or show it again (audited)",
    operation_id="practices_hide",
    responses=problem_responses(401, 403, 404, 422),
)
def hide_practice(
    post_id: PostId, body: HiddenChange, actor: OrgAdmin, session: SessionDep
) -> HiddenState:
    return moderation.set_post_hidden(session, actor, post_id, body.hidden)


@router.put(
    "/v1/practices/{post_id}/comments/{comment_id}/hidden",
    summary="Hide a comment from families, or show it again (audited)",
    operation_id="practices_comments_hide",
    responses=problem_responses(401, 403, 404, 422),
)
def hide_comment(
    post_id: PostId, comment_id: CommentId, body: HiddenChange, actor: OrgAdmin, session: SessionDep
) -> HiddenState:
    return moderation.set_comment_hidden(session, actor, post_id, comment_id, body.hidden)


@router.get(
    "/v1/practices/{post_id}/diffusion",
    summary="How a practice spread: adopters over time, reach, bonding vs bridging",
    operation_id="practices_diffusion",
    responses=problem_responses(401, 403, 404, 422),
)
def practice_diffusion(post_id: PostId, actor: AnyStaff, session: SessionDep) -> PostDiffusion:
    return diffusion.post_diffusion(session, actor, post_id)


@router.get(
    "/v1/demonstrations/{demonstration_id}/diffusion",
    summary="How practices spread in a demonstration",
    operation_id="demonstrations_diffusion",
    responses=problem_responses(401, 403, 404, 422),
)
def demonstration_diffusion(
    demonstration_id: DemonstrationId, actor: AnyStaff, session: SessionDep
) -> DemonstrationDiffusion:
    return diffusion.demonstration_diffusion(session, actor, demonstration_id)


def _receipt(report: ContentReport) -> ReportReceipt:
    kind = ReportedKind.COMMENT if report.comment_id else ReportedKind.POST
    return ReportReceipt(id=report.id, kind=kind, created_at=report.created_at)
