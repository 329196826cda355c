"""Practice posts: who may see them, and their authors' writes.

Visibility is one SQL condition (`visible_to`), built on the author's *current* consent: a
post shared beyond the group counts as a group post as soon as its author withdraws
`share_beyond_group`, with no job to run and nothing to go stale.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col, func, select

from app.errors import Forbidden, NotFound
from app.models.base import utcnow
from app.models.consent import ConsentPurpose, ConsentRecord
from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.practice import (
    EXCERPT_LENGTH,
    Adoption,
    AdoptionPublic,
    PracticeComment,
    PracticePost,
    PracticePostCreate,
    PracticePostPublic,
    PracticePostUpdate,
    PracticeScope,
)
from app.models.user import Role
from app.services import consent, demonstrations, photo_links
from app.services.principal import Principal

# What a highlight shows of a linked post (`LinkedPost`): changing any of these asks the
# highlight's households again.
HIGHLIGHTED_FIELDS = ("title", "categories")


class PostNotFound(NotFound):
    code = "practice-not-found"


class ConsentRequired(Forbidden):
    code = "consent-required"
    title = "Consent required"


class NotOwnPost(Forbidden):
    code = "not-own-post"


class NoHousehold(Forbidden):
    code = "no-household"
    title = "Not a member of a household"


def acting_household(session: Session, actor: Principal) -> Household:
    """The caller's own household: every family action on the feed is on its behalf."""
    household = session.get(Household, actor.household_id) if actor.household_id else None
    if actor.role is not Role.FAMILY or household is None:
        raise NoHousehold("Only a member of an enrolled household may do this.")
    return household


def shares_beyond_group(
    household_id: sa.ColumnElement[uuid.UUID] | Mapped[uuid.UUID],
) -> sa.ColumnElement[bool]:
    """Whether the household's latest word on `share_beyond_group` is a grant, as SQL."""
    latest = (
        select(ConsentRecord.granted)
        .where(
            ConsentRecord.household_id == household_id,
            ConsentRecord.purpose == ConsentPurpose.SHARE_BEYOND_GROUP,
        )
        .order_by(col(ConsentRecord.recorded_at).desc(), col(ConsentRecord.id).desc())
        .limit(1)
        .correlate(PracticePost)
        .scalar_subquery()
    )
    return func.coalesce(latest, sa.false()) == sa.true()


def live() -> sa.ColumnElement[bool]:
    return col(PracticePost.deleted_at).is_(None) & col(PracticePost.hidden_at).is_(None)


def visible_to(household: Household) -> sa.ColumnElement[bool]:
    """The condition on `PracticePost` that keeps what `household` may see in its feed."""
    beyond = shares_beyond_group(col(PracticePost.household_id))
    in_demonstration = (col(PracticePost.demonstration_id) == household.demonstration_id) & col(
        PracticePost.scope
    ).in_([PracticeScope.DEMONSTRATION, PracticeScope.WORLD])
    return live() & (
        (col(PracticePost.friend_group_id) == household.friend_group_id)
        | (beyond & (in_demonstration | (col(PracticePost.scope) == PracticeScope.WORLD)))
    )


def staff_visible(actor: Principal) -> sa.ColumnElement[bool]:
    shown = select(Demonstration.id).where(demonstrations.visible(actor))
    return col(PracticePost.demonstration_id).in_(shown) & col(PracticePost.deleted_at).is_(None)


def get_post(session: Session, actor: Principal, post_id: uuid.UUID) -> PracticePost:
    """A post the caller may read: a family's feed, or the staff's demonstrations (hidden
    posts too, for moderation). A family also reads its own hidden posts."""
    if actor.role is Role.FAMILY:
        household = acting_household(session, actor)
        own = (col(PracticePost.household_id) == household.id) & col(PracticePost.deleted_at).is_(
            None
        )
        condition: sa.ColumnElement[bool] = visible_to(household) | own
    else:
        condition = staff_visible(actor)
    post = session.exec(select(PracticePost).where(PracticePost.id == post_id, condition)).first()
    if post is None:
        raise PostNotFound("No such practice post.")
    return post


def visible_post_for(
    session: Session, post_id: uuid.UUID, recipient_household_id: uuid.UUID
) -> PracticePost:
    """The post a liaison's best-practice message may point a household to: one the household
    can see in its own feed, written by another household. NotFound otherwise."""
    recipient = session.get(Household, recipient_household_id)
    if recipient is None:
        raise PostNotFound("No such practice post.")
    post = session.exec(
        select(PracticePost).where(
            PracticePost.id == post_id,
            visible_to(recipient),
            PracticePost.household_id != recipient.id,
        )
    ).first()
    if post is None:
        raise PostNotFound("No such practice post visible to this household.")
    return post


def create_post(session: Session, actor: Principal, data: PracticePostCreate) -> PracticePost:
    household = acting_household(session, actor)
    _require_scope_consent(session, household, data.scope)
    now = utcnow()
    post = PracticePost(
        household_id=household.id,
        demonstration_id=household.demonstration_id,
        friend_group_id=household.friend_group_id,
        title=data.title,
        text=data.text,
        categories=_categories(data.categories),
        language=data.language,
        scope=data.scope,
        created_at=now,
        updated_at=now,
    )
    session.add(post)
    session.flush()
    return post


def update_post(
    session: Session, actor: Principal, post_id: uuid.UUID, data: PracticePostUpdate
) -> PracticePost:
    post = _own_post(session, actor, post_id)
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if "scope" in changes:
        household = acting_household(session, actor)
        _require_scope_consent(session, household, changes["scope"])
    if "categories" in changes:
        changes["categories"] = _categories(changes["categories"])
    shown = {field: getattr(post, field) for field in HIGHLIGHTED_FIELDS}
    for field, value in changes.items():
        setattr(post, field, value)
    if changes:
        post.updated_at = utcnow()
        session.add(post)
        session.flush()
    if any(getattr(post, field) != before for field, before in shown.items()):
        # Imported here, not at the top: highlights imports this module.
        from app.services import highlights

        highlights.content_changed(session, actor, post_id=post.id)
    return post


def delete_post(session: Session, actor: Principal, post_id: uuid.UUID) -> None:
    post = _own_post(session, actor, post_id)
    post.deleted_at = post.updated_at = utcnow()
    session.add(post)
    session.flush()


def describe(
    session: Session, actor: Principal, posts: Sequence[PracticePost]
) -> list[PracticePostPublic]:
    if not posts:
        return []
    ids = [post.id for post in posts]
    adoptions = adoption_counts(session, ids)
    comments = dict(
        session.exec(
            select(PracticeComment.post_id, func.count())
            .where(col(PracticeComment.post_id).in_(ids), col(PracticeComment.hidden_at).is_(None))
            .group_by(col(PracticeComment.post_id))
        ).all()
    )
    mine: dict[uuid.UUID, Adoption] = {}
    if actor.household_id is not None:
        mine = {
            adoption.post_id: adoption
            for adoption in session.exec(
                select(Adoption).where(
                    col(Adoption.post_id).in_(ids), Adoption.household_id == actor.household_id
                )
            ).all()
        }
    labels = author_labels(session, actor, posts)
    photo_urls = photo_links.post_photo_urls(session, ids)
    return [
        PracticePostPublic(
            id=post.id,
            household_id=post.household_id if _same_demonstration(actor, session, post) else None,
            author_label=labels[post.id],
            title=post.title,
            text=post.text,
            categories=post.categories,  # type: ignore[arg-type]
            language=post.language,
            scope=post.scope,
            effective_scope=effective_scope(session, post),
            adoption_count=adoptions.get(post.id, 0),
            comment_count=comments.get(post.id, 0),
            is_own=post.household_id == actor.household_id,
            my_adoption=AdoptionPublic.model_validate(mine[post.id]) if post.id in mine else None,
            hidden=post.hidden_at is not None,
            photo_urls=photo_urls[post.id],
            created_at=post.created_at,
            updated_at=post.updated_at,
        )
        for post in posts
    ]


def effective_scope(session: Session, post: PracticePost) -> PracticeScope:
    if post.scope is PracticeScope.GROUP:
        return post.scope
    if consent.has_consent(session, post.household_id, ConsentPurpose.SHARE_BEYOND_GROUP):
        return post.scope
    return PracticeScope.GROUP


def adoption_counts(session: Session, post_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not post_ids:
        return {}
    return dict(
        session.exec(
            select(Adoption.post_id, func.count())
            .where(col(Adoption.post_id).in_(post_ids))
            .group_by(col(Adoption.post_id))
        ).all()
    )


def author_labels(
    session: Session, actor: Principal, posts: Sequence[PracticePost]
) -> dict[uuid.UUID, str]:
    """Inside its demonstration a household is known by its label; further away, only as
    "a family in <area>"."""
    household_ids = {post.household_id for post in posts}
    demonstration_ids = {post.demonstration_id for post in posts}
    labels = dict(
        session.exec(
            select(Household.id, Household.label).where(col(Household.id).in_(household_ids))
        ).all()
    )
    areas = dict(
        session.exec(
            select(Demonstration.id, Demonstration.area).where(
                col(Demonstration.id).in_(demonstration_ids)
            )
        ).all()
    )
    return {
        post.id: labels[post.household_id]
        if _same_demonstration(actor, session, post)
        else f"A family in {areas[post.demonstration_id]}"
        for post in posts
    }


def excerpt(text: str) -> str:
    if len(text) <= EXCERPT_LENGTH:
        return text
    return text[: EXCERPT_LENGTH - 1].rstrip() + "…"


def _same_demonstration(actor: Principal, session: Session, post: PracticePost) -> bool:
    if actor.role is not Role.FAMILY:
        return True  # staff reading their own demonstrations
    household = acting_household(session, actor)
    return household.demonstration_id == post.demonstration_id


def _own_post(session: Session, actor: Principal, post_id: uuid.UUID) -> PracticePost:
    post = get_post(session, actor, post_id)
    if post.household_id != actor.household_id:
        raise NotOwnPost("Only the household that posted it may change it.")
    return post


def _require_scope_consent(session: Session, household: Household, scope: PracticeScope) -> None:
    if scope is PracticeScope.GROUP:
        return
    if not consent.has_consent(session, household.id, ConsentPurpose.SHARE_BEYOND_GROUP):
        raise ConsentRequired(
            "Sharing beyond your friend group needs your household's `share_beyond_group` consent."
        )


def _categories(categories: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(str(category) for category in categories))
