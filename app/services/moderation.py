"""Comments on practice posts, reports by families, and hiding by the partner's admins.

Hidden content stays in the database (hidden, not deleted) and every hide or unhide is in the
audit log.
"""

import uuid
from collections.abc import Sequence
from typing import TypeVar

from sqlmodel import Session, col, select

from app.errors import NotFound
from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.practice import (
    CommentCreate,
    CommentPublic,
    ContentReport,
    HiddenState,
    PracticeComment,
    PracticePost,
    ReportCreate,
    ReportedKind,
    ReportPublic,
)
from app.models.user import Role
from app.services import audit, demonstrations, practices
from app.services.pagination import paginate
from app.services.principal import Principal

_Content = TypeVar("_Content", PracticePost, PracticeComment)


class CommentNotFound(NotFound):
    code = "comment-not-found"


def add_comment(
    session: Session, actor: Principal, post_id: uuid.UUID, data: CommentCreate
) -> PracticeComment:
    household = practices.acting_household(session, actor)
    post = practices.get_post(session, actor, post_id)
    comment = PracticeComment(
        post_id=post.id, household_id=household.id, text=data.text, created_at=utcnow()
    )
    session.add(comment)
    session.flush()
    return comment


def list_comments(
    session: Session, actor: Principal, post_id: uuid.UUID, *, cursor: str | None, limit: int
) -> tuple[Sequence[PracticeComment], str | None]:
    post = practices.get_post(session, actor, post_id)
    statement = select(PracticeComment).where(PracticeComment.post_id == post.id)
    if actor.role is Role.FAMILY:
        statement = statement.where(
            col(PracticeComment.hidden_at).is_(None)
            | (PracticeComment.household_id == actor.household_id)
        )
    return paginate(
        session,
        statement,
        PracticeComment.created_at,
        PracticeComment.id,
        cursor=cursor,
        limit=limit,
    )


def describe_comments(
    session: Session, actor: Principal, comments: Sequence[PracticeComment]
) -> list[CommentPublic]:
    labels = dict(
        session.exec(
            select(Household.id, Household.label).where(
                col(Household.id).in_({comment.household_id for comment in comments})
            )
        ).all()
    )
    return [
        CommentPublic(
            id=comment.id,
            post_id=comment.post_id,
            author_label=labels.get(comment.household_id, "A family"),
            is_own=comment.household_id == actor.household_id,
            text=comment.text,
            hidden=comment.hidden_at is not None,
            created_at=comment.created_at,
        )
        for comment in comments
    ]


def report_post(
    session: Session, actor: Principal, post_id: uuid.UUID, data: ReportCreate
) -> ContentReport:
    household = practices.acting_household(session, actor)
    post = practices.get_post(session, actor, post_id)
    return _report(session, household, post, None, data)


def report_comment(
    session: Session,
    actor: Principal,
    post_id: uuid.UUID,
    comment_id: uuid.UUID,
    data: ReportCreate,
) -> ContentReport:
    household = practices.acting_household(session, actor)
    post = practices.get_post(session, actor, post_id)
    comment = _comment_of(session, post, comment_id)
    return _report(session, household, post, comment, data)


def list_reports(
    session: Session,
    actor: Principal,
    demonstration_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[list[ReportPublic], str | None]:
    demonstrations.require_admin(actor)
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    statement = select(ContentReport).where(ContentReport.demonstration_id == demonstration.id)
    reports, next_cursor = paginate(
        session, statement, ContentReport.created_at, ContentReport.id, cursor=cursor, limit=limit
    )
    posts = _by_id(session, PracticePost, {report.post_id for report in reports})
    comments = _by_id(
        session, PracticeComment, {report.comment_id for report in reports if report.comment_id}
    )
    items = []
    for report in reports:
        content: PracticePost | PracticeComment = (
            comments[report.comment_id] if report.comment_id else posts[report.post_id]
        )
        items.append(
            ReportPublic(
                id=report.id,
                demonstration_id=report.demonstration_id,
                kind=ReportedKind.COMMENT if report.comment_id else ReportedKind.POST,
                post_id=report.post_id,
                comment_id=report.comment_id,
                reason=report.reason,
                content_excerpt=practices.excerpt(content.text),
                content_hidden=content.hidden_at is not None,
                created_at=report.created_at,
            )
        )
    return items, next_cursor


def set_post_hidden(
    session: Session, actor: Principal, post_id: uuid.UUID, hidden: bool
) -> HiddenState:
    demonstrations.require_admin(actor)
    post = practices.get_post(session, actor, post_id)
    _set_hidden(session, actor, post, "practice_post", hidden)
    return HiddenState(id=post.id, kind=ReportedKind.POST, hidden=hidden, hidden_at=post.hidden_at)


def set_comment_hidden(
    session: Session, actor: Principal, post_id: uuid.UUID, comment_id: uuid.UUID, hidden: bool
) -> HiddenState:
    demonstrations.require_admin(actor)
    post = practices.get_post(session, actor, post_id)
    comment = _comment_of(session, post, comment_id)
    _set_hidden(session, actor, comment, "practice_comment", hidden, post=post)
    return HiddenState(
        id=comment.id, kind=ReportedKind.COMMENT, hidden=hidden, hidden_at=comment.hidden_at
    )


def _set_hidden(
    session: Session,
    actor: Principal,
    content: PracticePost | PracticeComment,
    entity: str,
    hidden: bool,
    *,
    post: PracticePost | None = None,
) -> None:
    if (content.hidden_at is not None) == hidden:
        return
    content.hidden_at = utcnow() if hidden else None
    session.add(content)
    session.flush()
    demonstration = session.get(Demonstration, (post or content).demonstration_id)  # type: ignore[union-attr]
    assert demonstration is not None
    audit.record(
        session,
        actor,
        f"{entity}.hidden" if hidden else f"{entity}.unhidden",
        entity,
        content.id,
        organization_id=demonstration.organization_id,
        changes={"hidden": {"from": not hidden, "to": hidden}},
    )


def _report(
    session: Session,
    household: Household,
    post: PracticePost,
    comment: PracticeComment | None,
    data: ReportCreate,
) -> ContentReport:
    report = ContentReport(
        demonstration_id=post.demonstration_id,
        post_id=post.id,
        comment_id=comment.id if comment else None,
        reporter_household_id=household.id,
        reason=data.reason,
        created_at=utcnow(),
    )
    session.add(report)
    session.flush()
    return report


def _comment_of(session: Session, post: PracticePost, comment_id: uuid.UUID) -> PracticeComment:
    comment = session.exec(
        select(PracticeComment).where(
            PracticeComment.id == comment_id, PracticeComment.post_id == post.id
        )
    ).first()
    if comment is None:
        raise CommentNotFound("No such comment.")
    return comment


def _by_id(
    session: Session, model: type[_Content], ids: set[uuid.UUID]
) -> dict[uuid.UUID, _Content]:
    if not ids:
        return {}
    rows = session.exec(select(model).where(col(model.id).in_(ids))).all()
    return {row.id: row for row in rows}
