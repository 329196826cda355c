"""A household's consent and its author's edit of a linked story, at the same moment, never
publish a highlight with words the household did not see (PostgreSQL row locks)."""

import threading
import time
import uuid

from sqlalchemy import Engine
from sqlmodel import Session

from app.db import session_scope
from app.models.consent import ConsentPurpose
from app.models.highlight import (
    Highlight,
    HighlightHousehold,
    HighlightStatus,
    HighlightStoryLink,
)
from app.models.story import Story
from app.models.user import Role
from app.services import highlights
from app.services.principal import Principal
from tests.api.test_highlight_stories import make_story
from tests.factories import make_organization, make_user
from tests.practice_factories import (
    make_demonstration,
    make_group,
    make_household,
    set_consent,
)

# long enough for the consent to reach the lock the edit holds, on a busy CI machine
HEAD_START_SECONDS = 0.5


def test_a_consent_waits_for_an_edit_in_flight_and_is_then_refused(
    committed_engine: Engine,
) -> None:
    with Session(committed_engine) as session:
        organization = make_organization(session)
        demonstration = make_demonstration(session, organization)
        household = make_household(session, make_group(session, demonstration))
        set_consent(session, household, ConsentPurpose.PUBLIC_FEATURE, True)
        story = make_story(session, household, text="Old words.")
        highlight = Highlight(
            organization_id=organization.id,
            demonstration_id=demonstration.id,
            title="Tamales and rent",
            text="A family found a corner to sell at.",
            region="West Point",
        )
        session.add(highlight)
        session.flush()
        session.add(HighlightHousehold(highlight_id=highlight.id, household_id=household.id))
        session.add(HighlightStoryLink(highlight_id=highlight.id, story_id=story.id))
        user = make_user(session, Role.FAMILY, household_id=household.id)
        session.commit()
        highlight_id, story_id, household_id = highlight.id, story.id, household.id
        family = Principal(user.id, Role.FAMILY, uuid.uuid4(), household_id=household_id)
    with Session(committed_engine) as session:
        [request], _ = highlights.requests_for(session, family, cursor=None, limit=10)
    outcome: list[BaseException | str] = []

    def consent() -> None:
        try:
            for session in session_scope(committed_engine):
                highlights.answer(session, family, highlight_id, True, request.version)
            outcome.append("consented")
        except BaseException as exc:
            outcome.append(exc)

    with Session(committed_engine) as edit:
        story_row = edit.get(Story, story_id)
        assert story_row is not None
        story_row.text = "New words nobody saw."
        edit.add(story_row)
        edit.flush()
        highlights.content_changed(edit, family, story_id=story_id)
        thread = threading.Thread(target=consent)
        thread.start()
        time.sleep(HEAD_START_SECONDS)
        assert outcome == []  # the consent waits for the edit's lock
        edit.commit()
    thread.join()

    [result] = outcome
    assert isinstance(result, highlights.HighlightChanged), result
    with Session(committed_engine) as session:
        final = session.get(Highlight, highlight_id)
        row = session.get(HighlightHousehold, (highlight_id, household_id))
        assert final is not None and row is not None
        assert final.status is HighlightStatus.AWAITING_CONSENT
        assert row.answer.value == "pending"
