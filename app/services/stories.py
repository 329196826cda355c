"""Stories as a household writes, revises and shares them, safely resent from offline phones.

A story names the audience its household chose (`visibility`); what is shown is narrowed at
read time by the household's *current* consent (`effective_visibility`, and the same rule as
SQL in `visible_to`), so a withdrawal takes effect at once with nothing to go stale.
"""

import uuid
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Session, col, func, select

from app.errors import Conflict, Forbidden, NotFound
from app.models.base import utcnow
from app.models.consent import ConsentPurpose, ConsentRecord
from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.photo import Photo, photo_url
from app.models.story import (
    Story,
    StoryCreate,
    StoryPublic,
    StoryRevision,
    StoryRevisionPublic,
    StoryUpdate,
    Visibility,
)
from app.models.survey import ReviewEvent, ReviewEventPublic, ReviewState
from app.models.user import Role
from app.services import (
    audit,
    consent,
    demonstrations,
    highlights,
    preconditions,
    survey_forms,
    surveys,
)
from app.services.pagination import paginate
from app.services.principal import Principal

REVISABLE = surveys.REVISABLE


class Outcome(StrEnum):
    CREATED = "created"
    REPLAYED = "replayed"


class PeerScope(StrEnum):
    GROUP = "group"
    DEMONSTRATION = "demonstration"


class StoryNotFound(NotFound):
    code = "story-not-found"


class StoryConflict(Conflict):
    code = "story-conflict"
    title = "This client id was sent with another story"


class StoryLocked(Conflict):
    code = "story-locked"
    title = "The story can no longer be revised"


class ConsentRequired(Forbidden):
    code = "consent-required"
    title = "Consent required"


REQUIRED_CONSENT = {
    Visibility.DEMONSTRATION: ConsentPurpose.SHARE_BEYOND_GROUP,
    Visibility.PUBLIC: ConsentPurpose.PUBLIC_FEATURE,
}


def narrowed(visibility: Visibility, *, shares_beyond: bool, public_feature: bool) -> Visibility:
    """Pure: the visibility shown, given the household's current consents."""
    if visibility is Visibility.PUBLIC and public_feature:
        return Visibility.PUBLIC
    if visibility is not Visibility.GROUP and shares_beyond:
        return Visibility.DEMONSTRATION
    return Visibility.GROUP


def effective_visibility(session: Session, story: Story) -> Visibility:
    if story.visibility is Visibility.GROUP:
        return Visibility.GROUP
    return narrowed(
        story.visibility,
        shares_beyond=consent.has_consent(
            session, story.household_id, ConsentPurpose.SHARE_BEYOND_GROUP
        ),
        public_feature=consent.has_consent(
            session, story.household_id, ConsentPurpose.PUBLIC_FEATURE
        ),
    )


def _grants(purpose: ConsentPurpose) -> sa.ColumnElement[bool]:
    """Whether the story's household's latest word on `purpose` is a grant, as SQL."""
    latest = (
        select(ConsentRecord.granted)
        .where(ConsentRecord.household_id == Story.household_id, ConsentRecord.purpose == purpose)
        .order_by(col(ConsentRecord.recorded_at).desc(), col(ConsentRecord.id).desc())
        .limit(1)
        .correlate(Story)
        .scalar_subquery()
    )
    return func.coalesce(latest, sa.false()) == sa.true()


def visible_to(household: Household) -> sa.ColumnElement[bool]:
    """The condition on `Story` that keeps the stories of *other* households that `household`
    may read: its group's, and its demonstration's shared as far while consent stands.
    Rejected stories are shown to no peer."""
    beyond = col(Story.visibility).in_([Visibility.DEMONSTRATION, Visibility.PUBLIC]) & _grants(
        ConsentPurpose.SHARE_BEYOND_GROUP
    )
    public = (col(Story.visibility) == Visibility.PUBLIC) & _grants(ConsentPurpose.PUBLIC_FEATURE)
    return (col(Story.state) != ReviewState.REJECTED) & (
        (col(Story.friend_group_id) == household.friend_group_id)
        | ((col(Story.demonstration_id) == household.demonstration_id) & (beyond | public))
    )


def staff_visible(actor: Principal) -> sa.ColumnElement[bool]:
    shown = select(Demonstration.id).where(demonstrations.visible(actor))
    return col(Story.demonstration_id).in_(shown)


def readable(session: Session, actor: Principal) -> sa.ColumnElement[bool]:
    """The condition on `Story` of what the caller may read: its own household's stories and
    its peers' visible ones (a family), its demonstrations' (staff); nothing otherwise."""
    if actor.role is Role.FAMILY:
        household = session.get(Household, actor.household_id) if actor.household_id else None
        if household is None:
            return sa.false()
        return (col(Story.household_id) == household.id) | visible_to(household)
    return staff_visible(actor)


def get_readable(session: Session, actor: Principal, story_id: uuid.UUID) -> Story:
    story = session.exec(
        select(Story).where(Story.id == story_id, readable(session, actor))
    ).first()
    if story is None:
        raise StoryNotFound("No such story.")
    return story


def _require_consent(session: Session, household: Household, visibility: Visibility) -> None:
    purpose = REQUIRED_CONSENT.get(visibility)
    if purpose is not None and not consent.has_consent(session, household.id, purpose):
        raise ConsentRequired(
            f"Sharing a story as `{visibility.value}` needs your household's "
            f"`{purpose.value}` consent."
        )


def create(
    session: Session, actor: Principal, data: StoryCreate, now: datetime
) -> tuple[Story, Outcome]:
    household, demonstration = surveys.family_context(session, actor)
    existing = _by_client_id(session, data.client_story_id)
    if existing is not None:
        return _replay(session, existing, household, data), Outcome.REPLAYED
    surveys.check_period(data.period, household, now)
    _require_consent(session, household, data.visibility)
    table = Story.__table__  # type: ignore[attr-defined]
    story_id = uuid.uuid4()
    inserted = session.execute(
        survey_forms.dialect_insert(session)(table)
        .values(
            id=story_id,
            household_id=household.id,
            demonstration_id=demonstration.id,
            friend_group_id=household.friend_group_id,
            client_story_id=data.client_story_id,
            period=data.period,
            text=data.text,
            visibility=data.visibility.value,
            state=ReviewState.SUBMITTED.value,
            version=1,
            created_by_user_id=actor.user_id,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing()
        .returning(table.c.id)
    ).first()
    if inserted is None:  # a simultaneous resend won
        existing = _by_client_id(session, data.client_story_id)
        assert existing is not None
        return _replay(session, existing, household, data), Outcome.REPLAYED
    session.add(
        StoryRevision(
            story_id=story_id,
            number=1,
            text=data.text,
            visibility=data.visibility,
            revised_by_user_id=actor.user_id,
            created_at=now,
        )
    )
    story = session.get(Story, story_id)
    assert story is not None
    audit.record(
        session,
        actor,
        "story.submitted",
        "story",
        story_id,
        organization_id=demonstration.organization_id,
        changes={
            "household_id": str(household.id),
            "period": data.period,
            "visibility": data.visibility.value,
            "client_story_id": str(data.client_story_id),
            "text_chars": len(data.text),
        },
    )
    session.flush()
    return story, Outcome.CREATED


def _by_client_id(session: Session, client_id: uuid.UUID) -> Story | None:
    return session.exec(select(Story).where(Story.client_story_id == client_id)).first()


def _replay(session: Session, existing: Story, household: Household, data: StoryCreate) -> Story:
    first = session.exec(
        select(StoryRevision).where(
            StoryRevision.story_id == existing.id, StoryRevision.number == 1
        )
    ).first()
    same = (
        existing.household_id == household.id
        and existing.period == data.period
        and first is not None
        and first.text == data.text
        and first.visibility == data.visibility
    )
    if not same:
        raise StoryConflict(
            "This client_story_id was already sent with another story; make a new id for a "
            "new story, or revise the existing one."
        )
    return existing


def get_own(session: Session, actor: Principal, story_id: uuid.UUID) -> Story:
    household, _ = surveys.family_context(session, actor)
    story = session.exec(
        select(Story).where(Story.id == story_id, Story.household_id == household.id)
    ).first()
    if story is None:
        raise StoryNotFound("No such story of your household.")
    return story


def list_own(
    session: Session, actor: Principal, *, cursor: str | None, limit: int
) -> tuple[Sequence[Story], str | None]:
    household, _ = surveys.family_context(session, actor)
    statement = select(Story).where(Story.household_id == household.id)
    return paginate(session, statement, Story.created_at, Story.id, cursor=cursor, limit=limit)


def list_peers(
    session: Session, actor: Principal, scope: PeerScope, *, cursor: str | None, limit: int
) -> tuple[Sequence[Story], str | None]:
    """Stories of the other households of the caller's group or demonstration it may read."""
    household, _ = surveys.family_context(session, actor)
    statement = select(Story).where(visible_to(household), Story.household_id != household.id)
    if scope is PeerScope.GROUP:
        statement = statement.where(Story.friend_group_id == household.friend_group_id)
    else:
        statement = statement.where(Story.demonstration_id == household.demonstration_id)
    return paginate(session, statement, Story.created_at, Story.id, cursor=cursor, limit=limit)


def revise(
    session: Session,
    actor: Principal,
    story_id: uuid.UUID,
    data: StoryUpdate,
    if_match: str | None,
) -> Story:
    """New text before verification (in needs_clarification the story becomes resubmitted);
    the visibility may be changed in any state. Every change is a kept revision. Sending what
    the story already says changes nothing and needs no `If-Match`. New text makes every
    highlight linking the story ask its households again."""
    story = get_own(session, actor, story_id)
    household, demonstration = surveys.family_context(session, actor)
    text = data.text if data.text is not None else story.text
    visibility = data.visibility if data.visibility is not None else story.visibility
    if text == story.text and visibility == story.visibility:
        return story
    preconditions.require_match(if_match, etag(story))
    if text != story.text and story.state not in REVISABLE:
        raise StoryLocked(f"The text of a {story.state.value} story can no longer be revised.")
    if visibility != story.visibility:
        _require_consent(session, household, visibility)
    old_state = story.state
    new_state = (
        ReviewState.RESUBMITTED
        if text != story.text and old_state is ReviewState.NEEDS_CLARIFICATION
        else old_state
    )
    text_changed = text != story.text
    before = {"text_chars": len(story.text), "visibility": story.visibility.value}
    now = utcnow()
    preconditions.bump_version(
        session, story, text=text, visibility=visibility, state=new_state, updated_at=now
    )
    number = session.exec(select(sa.func.count()).where(StoryRevision.story_id == story.id)).one()
    session.add(
        StoryRevision(
            story_id=story.id,
            number=number + 1,
            text=text,
            visibility=visibility,
            revised_by_user_id=actor.user_id,
            created_at=now,
        )
    )
    audit.record(
        session,
        actor,
        "story.revised",
        "story",
        story.id,
        organization_id=demonstration.organization_id,
        changes={
            "revision": number + 1,
            **audit.diff(before, {"text_chars": len(text), "visibility": visibility.value}),
            "text_changed": text_changed,
            "state": {"from": old_state.value, "to": new_state.value},
        },
    )
    if text_changed:  # highlights show the text word for word: their households are asked again
        highlights.content_changed(session, actor, story_id=story.id)
    session.flush()
    session.refresh(story)
    return story


def etag(story: Story) -> str:
    return preconditions.etag(story.id, story.version)


def revisions(session: Session, story: Story) -> list[StoryRevisionPublic]:
    rows = session.exec(
        select(StoryRevision)
        .where(StoryRevision.story_id == story.id)
        .order_by(col(StoryRevision.number))
    ).all()
    return [StoryRevisionPublic.model_validate(row) for row in rows]


def describe(session: Session, actor: Principal, stories: Sequence[Story]) -> list[StoryPublic]:
    """Stories as the caller sees them: its own household and staff get the client id (own
    only) and the review events; peers the story, its state and its photos."""
    if not stories:
        return []
    ids = [story.id for story in stories]
    photos: dict[uuid.UUID, list[uuid.UUID]] = {story_id: [] for story_id in ids}
    for story_id, photo_id in session.exec(
        select(Photo.story_id, Photo.id)
        .where(col(Photo.story_id).in_(ids))
        .order_by(col(Photo.created_at), col(Photo.id))
    ).all():
        assert story_id is not None
        photos[story_id].append(photo_id)
    reviewed = [
        story.id for story in stories if actor.is_staff or story.household_id == actor.household_id
    ]
    reviews: dict[uuid.UUID, list[ReviewEventPublic]] = {story_id: [] for story_id in reviewed}
    if reviewed:
        for event in session.exec(
            select(ReviewEvent)
            .where(col(ReviewEvent.story_id).in_(reviewed))
            .order_by(col(ReviewEvent.created_at), col(ReviewEvent.id))
        ).all():
            assert event.story_id is not None
            reviews[event.story_id].append(ReviewEventPublic.model_validate(event))
    shown: dict[uuid.UUID, Visibility] = {}
    return [
        StoryPublic(
            id=story.id,
            household_id=story.household_id,
            client_story_id=story.client_story_id
            if story.household_id == actor.household_id
            else None,
            period=story.period,
            text=story.text,
            visibility=story.visibility,
            effective_visibility=shown.setdefault(story.id, effective_visibility(session, story)),
            state=story.state,
            version=story.version,
            photo_ids=photos[story.id],
            photo_urls=[photo_url(photo_id) for photo_id in photos[story.id]],
            created_at=story.created_at,
            updated_at=story.updated_at,
            reviews=reviews.get(story.id),
        )
        for story in stories
    ]
