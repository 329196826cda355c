"""Everyday Changemakers: the consent life cycle of a highlight.

Staff write a draft; every featured household sees exactly that draft — text, linked posts and
the linked stories word for word — and consents or declines. It is published when all
consented and each holds `public_feature` consent. It stops being public the moment any of them
declines or withdraws that consent: `publicly_visible` checks the *current* consent records in
the query, and the stored status follows (marked on every write here, and through
`withdraw_for_household` when the consent service or erasure calls it). What they consented
to is what is shown: a staff edit, or an author's edit of a linked story or post
(`content_changed`), makes it a new draft that everyone is asked about again.
"""

import hashlib
import json
import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col, func, select

from app.errors import Conflict, DomainError, Forbidden, NotFound, Unprocessable
from app.models.base import utcnow
from app.models.consent import ConsentPurpose, ConsentRecord
from app.models.highlight import (
    ConsentAnswer,
    FeaturedHousehold,
    Highlight,
    HighlightCreate,
    HighlightHousehold,
    HighlightPost,
    HighlightPublic,
    HighlightRequest,
    HighlightStatus,
    HighlightStoryLink,
    HighlightUpdate,
    LinkedPost,
    LinkedStory,
)
from app.models.household import Household
from app.models.organization import Organization
from app.models.practice import PracticePost
from app.models.story import Story
from app.models.user import Role
from app.services import audit, consent, demonstrations, practices
from app.services.pagination import paginate
from app.services.principal import Principal


class HighlightNotFound(NotFound):
    code = "highlight-not-found"


class UnknownFeaturedHousehold(Unprocessable):
    code = "unknown-household"
    title = "Not a household of this demonstration"


class UnknownLinkedPost(Unprocessable):
    code = "unknown-practice"
    title = "Not a practice post of this demonstration"


class UnknownLinkedStory(Unprocessable):
    code = "unknown-story"
    title = "Not a story of this demonstration"


class StoryNotFeatured(Unprocessable):
    code = "story-household-not-featured"
    title = "The story's household is not featured"


class HighlightChanged(Conflict):
    code = "highlight-changed"
    title = "The highlight changed since you read it"


class NotPublished(Conflict):
    code = "highlight-not-published"
    title = "Not published"


# What erasure (`data_rights.ERASED`, which imports this module) leaves in a story's text; such
# a story is no one's words any more and is never shown or linked.
ERASED_STORY_TEXT = "[erased]"


def holds_public_feature(
    household_id: sa.ColumnElement[uuid.UUID] | Mapped[uuid.UUID],
) -> sa.ColumnElement[bool]:
    latest = (
        select(ConsentRecord.granted)
        .where(
            ConsentRecord.household_id == household_id,
            ConsentRecord.purpose == ConsentPurpose.PUBLIC_FEATURE,
        )
        .order_by(col(ConsentRecord.recorded_at).desc(), col(ConsentRecord.id).desc())
        .limit(1)
        .correlate(HighlightHousehold)
        .scalar_subquery()
    )
    return func.coalesce(latest, sa.false()) == sa.true()


def publicly_visible() -> sa.ColumnElement[bool]:
    """The condition on `Highlight` for what anyone may read, given consent as of now."""
    lapsed = select(HighlightHousehold.highlight_id).where(
        HighlightHousehold.highlight_id == Highlight.id,
        (col(HighlightHousehold.answer) != ConsentAnswer.CONSENTED)
        | sa.not_(holds_public_feature(col(HighlightHousehold.household_id))),
    )
    return (col(Highlight.status) == HighlightStatus.PUBLISHED) & ~sa.exists(lapsed)


def staff_visible(actor: Principal) -> sa.ColumnElement[bool]:
    if actor.is_platform_admin:
        return sa.true()
    if actor.role is Role.PARTNER_ADMIN:
        return col(Highlight.organization_id) == actor.organization_id
    return sa.false()


def create(session: Session, actor: Principal, data: HighlightCreate) -> Highlight:
    demonstrations.require_admin(actor)
    demonstration = demonstrations.get_demonstration(session, actor, data.demonstration_id)
    now = utcnow()
    highlight = Highlight(
        organization_id=demonstration.organization_id,
        demonstration_id=demonstration.id,
        title=data.title,
        text=data.text,
        region=data.region,
        created_by_user_id=actor.user_id,
        created_at=now,
        updated_at=now,
    )
    session.add(highlight)
    session.flush()
    _set_households(session, highlight, data.household_ids)
    _set_posts(session, highlight, data.post_ids)
    _set_stories(session, highlight, data.story_ids)
    _require_featured_authors(session, highlight)
    _audit(session, actor, highlight, "highlight.drafted")
    return highlight


def update(
    session: Session, actor: Principal, highlight_id: uuid.UUID, data: HighlightUpdate
) -> Highlight:
    """Any change is a new draft: every household is asked again, and it is off the showcase
    until all consent to the new text."""
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if changes:
        _lock(session, [highlight_id])  # before reading it, so the edit starts from the latest
    highlight = get(session, actor, highlight_id)
    if not changes:
        return highlight
    for field in ("title", "text", "region"):
        if field in changes:
            setattr(highlight, field, changes[field])
    if "household_ids" in changes:
        session.exec(
            sa.delete(HighlightHousehold).where(
                col(HighlightHousehold.highlight_id) == highlight.id
            )
        )
        _set_households(session, highlight, data.household_ids or [])
    if "post_ids" in changes:
        session.exec(
            sa.delete(HighlightPost).where(col(HighlightPost.highlight_id) == highlight.id)
        )
        _set_posts(session, highlight, data.post_ids or [])
    if "story_ids" in changes:
        session.exec(
            sa.delete(HighlightStoryLink).where(
                col(HighlightStoryLink.highlight_id) == highlight.id
            )
        )
        _set_stories(session, highlight, data.story_ids or [])
    _require_featured_authors(session, highlight)
    _ask_again(session, highlight)
    _audit(session, actor, highlight, "highlight.redrafted", changes=list(changes))
    return highlight


def content_changed(
    session: Session,
    actor: Principal,
    *,
    story_id: uuid.UUID | None = None,
    post_id: uuid.UUID | None = None,
) -> int:
    """For the story and practice services, in the same transaction, once the author changed
    what a highlight shows of a linked story (its text) or post (its title or categories):
    every highlight linking it that is not withdrawn is a new draft, as if staff had edited
    it — each household is asked again and it is off the showcase until all consent to what
    it now says. A withdrawn highlight is left as it is: only a staff edit revives it, and
    that asks everyone again anyway. Returns how many highlights were redrafted."""
    if (story_id is None) == (post_id is None):
        raise ValueError("Pass exactly one of story_id and post_id.")
    if story_id is not None:
        linking = select(HighlightStoryLink.highlight_id).where(
            HighlightStoryLink.story_id == story_id
        )
        field, source = "stories", {"story_id": str(story_id)}
    else:
        linking = select(HighlightPost.highlight_id).where(HighlightPost.post_id == post_id)
        field, source = "posts", {"post_id": str(post_id)}
    redrafted = session.exec(
        select(Highlight)
        .where(Highlight.status != HighlightStatus.WITHDRAWN, col(Highlight.id).in_(linking))
        .order_by(col(Highlight.created_at), col(Highlight.id))
        .with_for_update()
    ).all()
    for highlight in redrafted:
        _ask_again(session, highlight)
        _audit(session, actor, highlight, "highlight.redrafted", changes=[field], linked=source)
    return len(redrafted)


def get(session: Session, actor: Principal, highlight_id: uuid.UUID) -> Highlight:
    highlight = session.exec(
        select(Highlight).where(Highlight.id == highlight_id, staff_visible(actor))
    ).first()
    if highlight is None:
        raise HighlightNotFound("No such highlight.")
    return highlight


def list_for_staff(
    session: Session, actor: Principal, *, cursor: str | None, limit: int
) -> tuple[Sequence[Highlight], str | None]:
    statement = select(Highlight).where(staff_visible(actor))
    return paginate(
        session, statement, Highlight.created_at, Highlight.id, cursor=cursor, limit=limit
    )


def feature(
    session: Session, actor: Principal, highlight_id: uuid.UUID, featured: bool
) -> Highlight:
    if not actor.is_platform_admin:
        raise Forbidden("Only a platform admin features highlights internationally.")
    highlight = get(session, actor, highlight_id)
    if featured and not is_public(session, highlight.id):
        raise NotPublished("Only a published highlight can be featured.")
    if highlight.featured_internationally != featured:
        highlight.featured_internationally = featured
        highlight.updated_at = utcnow()
        session.add(highlight)
        session.flush()
        _audit(
            session, actor, highlight, "highlight.featured" if featured else "highlight.unfeatured"
        )
    return highlight


def requests_for(
    session: Session, actor: Principal, *, cursor: str | None, limit: int
) -> tuple[list[HighlightRequest], str | None]:
    household = practices.acting_household(session, actor)
    statement = select(Highlight).where(
        col(Highlight.id).in_(
            select(HighlightHousehold.highlight_id).where(
                HighlightHousehold.household_id == household.id
            )
        )
    )
    rows, next_cursor = paginate(
        session, statement, Highlight.created_at, Highlight.id, cursor=cursor, limit=limit
    )
    return [_request(session, row, household) for row in rows], next_cursor


def answer(
    session: Session,
    actor: Principal,
    highlight_id: uuid.UUID,
    consents: bool,
    version: str | None = None,
) -> HighlightRequest:
    """Record the household's answer. The highlight row is locked first, as every redraft
    locks it (`update`, `content_changed`), so a consent is checked against, and counted for,
    the text as it stands when it is recorded."""
    household = practices.acting_household(session, actor)
    _lock(session, [highlight_id])
    row = session.exec(
        select(HighlightHousehold).where(
            HighlightHousehold.highlight_id == highlight_id,
            HighlightHousehold.household_id == household.id,
        )
    ).first()
    if row is None:
        raise HighlightNotFound("No such highlight request.")
    highlight = session.get(Highlight, highlight_id)
    assert highlight is not None
    if consents and version is not None and version != _current_version(session, highlight):
        raise HighlightChanged("The highlight changed since it was read; read it again.")
    new_answer = ConsentAnswer.CONSENTED if consents else ConsentAnswer.DECLINED
    if row.answer != new_answer:
        row.answer, row.answered_at = new_answer, utcnow()
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            f"highlight.{new_answer.value}",
            "highlight",
            highlight.id,
            organization_id=highlight.organization_id,
            changes={"household_id": str(household.id)},
        )
    settle(session, actor, highlight)
    return _request(session, highlight, household)


def settle(session: Session, actor: Principal | None, highlight: Highlight) -> None:
    """Bring the stored status in line with the answers and the current consents."""
    if highlight.status is HighlightStatus.WITHDRAWN:
        return
    answers = {row.answer for row in _households(session, highlight.id)}
    if ConsentAnswer.DECLINED in answers or (
        highlight.status is HighlightStatus.PUBLISHED and not is_public(session, highlight.id)
    ):
        _withdraw(session, actor, highlight)
    elif highlight.status is HighlightStatus.AWAITING_CONSENT and _all_consented(
        session, highlight.id
    ):
        highlight.status, highlight.published_at = HighlightStatus.PUBLISHED, utcnow()
        highlight.updated_at = highlight.published_at
        session.add(highlight)
        session.flush()
        _audit(session, actor, highlight, "highlight.published")


def withdraw_for_household(
    session: Session, actor: Principal | None, household_id: uuid.UUID
) -> int:
    """For the consent service and erasure, once the household's `public_feature` consent is
    withdrawn: every highlight featuring it that is not withdrawn yet is marked withdrawn and
    audited. A draft still awaiting consent goes too — the household has just said no to
    being featured, as if it declined; an edit of the draft asks everyone again."""
    if consent.has_consent(session, household_id, ConsentPurpose.PUBLIC_FEATURE):
        return 0
    featuring = session.exec(
        select(Highlight)
        .where(
            Highlight.status != HighlightStatus.WITHDRAWN,
            col(Highlight.id).in_(
                select(HighlightHousehold.highlight_id).where(
                    HighlightHousehold.household_id == household_id
                )
            ),
        )
        .order_by(col(Highlight.created_at), col(Highlight.id))
    ).all()
    for highlight in featuring:
        _withdraw(session, actor, highlight, household_id=household_id)
    return len(featuring)


def is_public(session: Session, highlight_id: uuid.UUID) -> bool:
    return (
        session.exec(
            select(Highlight.id).where(Highlight.id == highlight_id, publicly_visible())
        ).first()
        is not None
    )


def describe(session: Session, highlights: Sequence[Highlight]) -> list[HighlightPublic]:
    result = []
    for highlight in highlights:
        rows = _households(session, highlight.id)
        labels = dict(
            session.exec(
                select(Household.id, Household.label).where(
                    col(Household.id).in_([row.household_id for row in rows])
                )
            ).all()
        )
        status = highlight.status
        if status is HighlightStatus.PUBLISHED and not is_public(session, highlight.id):
            status = HighlightStatus.WITHDRAWN  # a consent lapsed since it was last marked
        result.append(
            HighlightPublic(
                id=highlight.id,
                organization_id=highlight.organization_id,
                demonstration_id=highlight.demonstration_id,
                title=highlight.title,
                text=highlight.text,
                region=highlight.region,
                status=status,
                featured_internationally=highlight.featured_internationally
                and status is HighlightStatus.PUBLISHED,
                households=[
                    FeaturedHousehold(
                        household_id=row.household_id,
                        label=labels.get(row.household_id, ""),
                        answer=row.answer,
                        answered_at=row.answered_at,
                        public_feature_consent=consent.has_consent(
                            session, row.household_id, ConsentPurpose.PUBLIC_FEATURE
                        ),
                    )
                    for row in rows
                ],
                posts=linked_posts(session, highlight.id),
                stories=linked_stories(session, highlight.id),
                published_at=highlight.published_at,
                withdrawn_at=highlight.withdrawn_at,
                created_at=highlight.created_at,
                updated_at=highlight.updated_at,
            )
        )
    return result


def linked_posts(session: Session, highlight_id: uuid.UUID) -> list[LinkedPost]:
    posts = session.exec(
        select(PracticePost)
        .join(HighlightPost, col(HighlightPost.post_id) == PracticePost.id)
        .where(HighlightPost.highlight_id == highlight_id, practices.live())
        .order_by(col(PracticePost.created_at), col(PracticePost.id))
    ).all()
    return [LinkedPost(id=post.id, title=post.title, categories=post.categories) for post in posts]


def linked_stories(session: Session, highlight_id: uuid.UUID) -> list[LinkedStory]:
    """The linked stories as they read now; an erased one is left out (a deleted one is gone
    with its link)."""
    stories = session.exec(
        select(Story)
        .join(HighlightStoryLink, col(HighlightStoryLink.story_id) == Story.id)
        .where(HighlightStoryLink.highlight_id == highlight_id, Story.text != ERASED_STORY_TEXT)
        .order_by(col(Story.period), col(Story.created_at), col(Story.id))
    ).all()
    return [LinkedStory(id=story.id, period=story.period, text=story.text) for story in stories]


def partner_name(session: Session, organization_id: uuid.UUID) -> str:
    organization = session.get(Organization, organization_id)
    return organization.name if organization else ""


def _lock(session: Session, highlight_ids: list[uuid.UUID]) -> None:
    """Row locks on PostgreSQL (SQLite serializes writers anyway), in id order."""
    session.exec(
        select(Highlight.id)
        .where(col(Highlight.id).in_(highlight_ids))
        .order_by(col(Highlight.id))
        .with_for_update()
    ).all()


def _version(highlight: Highlight, posts: list[LinkedPost], stories: list[LinkedStory]) -> str:
    """A digest of what a featured household is asked to consent to."""
    shown = {
        "title": highlight.title,
        "text": highlight.text,
        "region": highlight.region,
        "posts": [post.model_dump(mode="json") for post in posts],
        "stories": [story.model_dump(mode="json") for story in stories],
    }
    return hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()


def _current_version(session: Session, highlight: Highlight) -> str:
    posts = linked_posts(session, highlight.id)
    return _version(highlight, posts, linked_stories(session, highlight.id))


def _request(session: Session, highlight: Highlight, household: Household) -> HighlightRequest:
    rows = _households(session, highlight.id)
    mine = next(row for row in rows if row.household_id == household.id)
    status = highlight.status
    if status is HighlightStatus.PUBLISHED and not is_public(session, highlight.id):
        status = HighlightStatus.WITHDRAWN
    posts = linked_posts(session, highlight.id)
    stories = linked_stories(session, highlight.id)
    return HighlightRequest(
        highlight_id=highlight.id,
        title=highlight.title,
        text=highlight.text,
        region=highlight.region,
        partner_name=partner_name(session, highlight.organization_id),
        status=status,
        posts=posts,
        stories=stories,
        version=_version(highlight, posts, stories),
        featured_households=len(rows),
        my_answer=mine.answer,
        answered_at=mine.answered_at,
        my_public_feature_consent=consent.has_consent(
            session, household.id, ConsentPurpose.PUBLIC_FEATURE
        ),
    )


def _households(session: Session, highlight_id: uuid.UUID) -> list[HighlightHousehold]:
    return list(
        session.exec(
            select(HighlightHousehold)
            .where(HighlightHousehold.highlight_id == highlight_id)
            .order_by(col(HighlightHousehold.household_id))
        ).all()
    )


def _all_consented(session: Session, highlight_id: uuid.UUID) -> bool:
    lapsed = session.exec(
        select(func.count()).where(
            HighlightHousehold.highlight_id == highlight_id,
            (col(HighlightHousehold.answer) != ConsentAnswer.CONSENTED)
            | sa.not_(holds_public_feature(col(HighlightHousehold.household_id))),
        )
    ).one()
    return lapsed == 0


def _set_households(
    session: Session, highlight: Highlight, household_ids: Sequence[uuid.UUID]
) -> None:
    wanted = set(household_ids)
    _require_all(
        session,
        col(Household.id),
        wanted,
        [Household.demonstration_id == highlight.demonstration_id],
        UnknownFeaturedHousehold,
        "Featured households must belong to the highlight's demonstration.",
    )
    for household_id in sorted(wanted):
        session.add(HighlightHousehold(highlight_id=highlight.id, household_id=household_id))
    session.flush()


def _require_all(
    session: Session,
    id_column: Any,
    wanted: set[uuid.UUID],
    conditions: Sequence[Any],
    error: type[DomainError],
    detail: str,
) -> None:
    """Raise `error`, naming in `missing` the wanted ids that do not meet the conditions."""
    found = set(session.exec(select(id_column).where(id_column.in_(wanted), *conditions)).all())
    if found != wanted:
        raise error(detail, missing=sorted(str(item) for item in wanted - found))


def _set_posts(session: Session, highlight: Highlight, post_ids: Sequence[uuid.UUID]) -> None:
    wanted = set(post_ids)
    if not wanted:
        return
    _require_all(
        session,
        col(PracticePost.id),
        wanted,
        [PracticePost.demonstration_id == highlight.demonstration_id, practices.live()],
        UnknownLinkedPost,
        "Linked practice posts must be live posts of the highlight's demonstration.",
    )
    for post_id in sorted(wanted):
        session.add(HighlightPost(highlight_id=highlight.id, post_id=post_id))
    session.flush()


def _set_stories(session: Session, highlight: Highlight, story_ids: Sequence[uuid.UUID]) -> None:
    wanted = set(story_ids)
    if not wanted:
        return
    _require_all(
        session,
        col(Story.id),
        wanted,
        [Story.demonstration_id == highlight.demonstration_id, Story.text != ERASED_STORY_TEXT],
        UnknownLinkedStory,
        "Linked stories must be stories of the highlight's demonstration.",
    )
    for story_id in sorted(wanted):
        session.add(HighlightStoryLink(highlight_id=highlight.id, story_id=story_id))
    session.flush()


def _require_featured_authors(session: Session, highlight: Highlight) -> None:
    """Only a featured household's consent can cover its story, so every linked story must be
    by one — also after the featured households change."""
    featured = select(HighlightHousehold.household_id).where(
        HighlightHousehold.highlight_id == highlight.id
    )
    outside = session.exec(
        select(Story.id)
        .join(HighlightStoryLink, col(HighlightStoryLink.story_id) == Story.id)
        .where(
            HighlightStoryLink.highlight_id == highlight.id,
            col(Story.household_id).not_in(featured),
        )
        .order_by(col(Story.id))
    ).all()
    if outside:
        raise StoryNotFeatured(
            "A linked story's household must be one of the featured households, whose consent "
            "covers it.",
            story_ids=[str(story_id) for story_id in outside],
        )


def _ask_again(session: Session, highlight: Highlight) -> None:
    """A new draft: every answer back to pending, and off the showcase (and the international
    feature) until all consent again."""
    for row in _households(session, highlight.id):
        row.answer, row.answered_at = ConsentAnswer.PENDING, None
        session.add(row)
    highlight.status = HighlightStatus.AWAITING_CONSENT
    highlight.published_at = highlight.withdrawn_at = None
    highlight.featured_internationally = False
    highlight.updated_at = utcnow()
    session.add(highlight)
    session.flush()


def _withdraw(
    session: Session,
    actor: Principal | None,
    highlight: Highlight,
    *,
    household_id: uuid.UUID | None = None,
) -> None:
    highlight.status, highlight.withdrawn_at = HighlightStatus.WITHDRAWN, utcnow()
    highlight.featured_internationally = False
    highlight.updated_at = highlight.withdrawn_at
    session.add(highlight)
    session.flush()
    _audit(session, actor, highlight, "highlight.withdrawn", household_id=household_id)


def _audit(
    session: Session,
    actor: Principal | None,
    highlight: Highlight,
    action: str,
    *,
    changes: list[str] | None = None,
    household_id: uuid.UUID | None = None,
    linked: dict[str, str] | None = None,
) -> None:
    recorded: dict[str, object] = {"status": highlight.status.value}
    if changes:
        recorded["fields"] = changes
    if linked:  # the story or post whose author's edit caused it
        recorded.update(linked)
    if household_id is not None:  # whose withdrawn consent caused it
        recorded["household_id"] = str(household_id)
    audit.record(
        session,
        actor,
        action,
        "highlight",
        highlight.id,
        organization_id=highlight.organization_id,
        changes=recorded,
    )
