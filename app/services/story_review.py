"""Verification of stories by the partner's liaisons and admins: the surveys' flow and rules
(`verification.next_state`, If-Match on the story's version, comments through the rules
module, append-only review events the family sees). Staff never change a story's text."""

import uuid
from collections.abc import Sequence

from sqlmodel import Session, select

from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.story import Story
from app.models.survey import DecisionCreate, ReviewEvent
from app.services import audit, demonstrations, preconditions, stories, verification
from app.services.pagination import paginate
from app.services.principal import Principal


def review_queue(
    session: Session,
    actor: Principal,
    demonstration_id: uuid.UUID,
    filters: verification.QueueFilters,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[Story], str | None]:
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    statement = select(Story).where(Story.demonstration_id == demonstration.id)
    if filters.state is not None:
        statement = statement.where(Story.state == filters.state)
    if filters.period is not None:
        statement = statement.where(Story.period == filters.period)
    if filters.friend_group_id is not None:
        statement = statement.where(Story.friend_group_id == filters.friend_group_id)
    return paginate(session, statement, Story.created_at, Story.id, cursor=cursor, limit=limit)


def get_for_staff(
    session: Session, actor: Principal, story_id: uuid.UUID
) -> tuple[Story, Demonstration]:
    story = session.exec(
        select(Story).where(Story.id == story_id, stories.staff_visible(actor))
    ).first()
    if story is None:
        raise stories.StoryNotFound("No such story.")
    demonstration = session.get(Demonstration, story.demonstration_id)
    assert demonstration is not None
    return story, demonstration


def decide(
    session: Session,
    actor: Principal,
    story_id: uuid.UUID,
    data: DecisionCreate,
    if_match: str | None,
) -> Story:
    story, demonstration = get_for_staff(session, actor, story_id)
    verification.require_decider(actor, data.decision, "story")
    preconditions.require_match(if_match, stories.etag(story))
    target = verification.decision_target(story.state, data, "story")
    if data.comment is not None:
        verification.screen_text(session, actor, demonstration, story.household_id, data.comment)
    source = story.state
    now = utcnow()
    preconditions.bump_version(session, story, state=target, updated_at=now)
    verification.record_decision(
        session,
        actor,
        demonstration,
        data,
        (source, target),
        now,
        subject={"story_id": story.id},
        kind="story",
        entity="story",
    )
    session.flush()
    return story


def comment(session: Session, actor: Principal, story_id: uuid.UUID, text: str) -> ReviewEvent:
    story, demonstration = get_for_staff(session, actor, story_id)
    verification.require_reviewer(actor)
    verification.screen_text(session, actor, demonstration, story.household_id, text)
    event = ReviewEvent(
        story_id=story.id, actor_user_id=actor.user_id, comment=text, created_at=utcnow()
    )
    session.add(event)
    session.flush()
    audit.record(
        session,
        actor,
        "story.commented",
        "story",
        story.id,
        organization_id=demonstration.organization_id,
        changes={"comment": text},
    )
    return event
