"""Real concurrency on PostgreSQL: simultaneous resends of one story make one story and one
revision; simultaneous decisions on one version of a story: one wins, the others 412."""

import uuid

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from app.errors import DomainError
from app.models.base import utcnow
from app.models.story import Story, StoryCreate, StoryRevision
from app.models.survey import Decision, DecisionCreate, ReviewEvent
from app.services import stories, story_review
from tests.surveys.test_concurrency import _all_at_once, _setup
from tests.surveys.world import month


def test_thirty_simultaneous_resends_make_one_story(committed_engine: Engine) -> None:
    family, _ = _setup(committed_engine)
    data = StoryCreate(client_story_id=uuid.uuid4(), period=month(1), text="Our savings circle.")

    def resend() -> tuple[str, str]:
        with Session(committed_engine, expire_on_commit=False) as session:
            story, outcome = stories.create(session, family, data, utcnow())
            session.commit()
            return str(story.id), outcome.value

    results = _all_at_once(30, resend)
    assert len({story_id for story_id, _ in results}) == 1
    assert [outcome for _, outcome in results].count("created") == 1
    with Session(committed_engine) as session:
        assert session.exec(select(func.count()).select_from(Story)).one() == 1
        assert session.exec(select(func.count()).select_from(StoryRevision)).one() == 1


def test_simultaneous_decisions_on_one_version(committed_engine: Engine) -> None:
    family, staff = _setup(committed_engine)
    data = StoryCreate(client_story_id=uuid.uuid4(), period=month(1), text="Our savings circle.")
    with Session(committed_engine, expire_on_commit=False) as session:
        story, _ = stories.create(session, family, data, utcnow())
        session.commit()
        tag = stories.etag(story)

    def verify() -> str:
        with Session(committed_engine, expire_on_commit=False) as session:
            try:
                story_review.decide(
                    session, staff, story.id, DecisionCreate(decision=Decision.VERIFY), tag
                )
                session.commit()
                return "verified"
            except DomainError as error:
                session.rollback()
                return error.code

    results = _all_at_once(10, verify)
    assert results.count("verified") == 1
    assert set(results) <= {"verified", "stale-version"}
    with Session(committed_engine) as session:
        assert session.exec(select(func.count()).select_from(ReviewEvent)).one() == 1
