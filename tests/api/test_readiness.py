"""Readiness signals measured on a small world whose figures are computed by hand.

Five households in the demonstration (h1…h5), one in another organization's demonstration:

| household | surveys (state: help_given_count)             | feed                     |
|-----------|-----------------------------------------------|--------------------------|
| h1        | verified: 0, 0, 2                             | posted                   |
| h2        | verified: 0, 0; submitted: 5                  | adopted h1's post        |
| h3        | verified: 0, 0, 0, 0                          | posted and adopted h1's  |
| h4        | rejected: 4; verified: 1                      | posted, then deleted     |
| h5        | —                                             | —                        |
| other     | verified: 3, 3, 3 (another demonstration)     | posted                   |

≥ 3 verified surveys: h1, h3 → 2/5. Help given in a verified survey: h1, h4 → 2/5 (h2's help
is only in a submitted survey). Posted or adopted: h1, h2, h3 → 3/5 (h3 once; h4's post was
deleted).
"""

import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, event
from sqlmodel import Session, select

from app.models.base import utcnow
from app.models.demonstration import Demonstration, Phase
from app.models.household import Household
from app.models.phase_change import PhaseChange
from app.models.practice import Adoption, PracticePost
from app.models.survey import ReviewState, SurveySubmission
from app.services.survey_forms import core_form
from tests.factories import Actors, assign_liaison, make_demonstration, make_household
from tests.practice_factories import make_post
from tests.surveys.world import answers, month

SIGNALS = ("three_verified_surveys", "helped_peers", "posted_or_adopted_practice")
V, S, R = ReviewState.VERIFIED, ReviewState.SUBMITTED, ReviewState.REJECTED


def add_surveys(db: Session, household: Household, *surveys: tuple[ReviewState, int]) -> None:
    form = core_form(db)
    for months_ago, (state, help_given) in enumerate(surveys, start=1):
        db.add(
            SurveySubmission(
                household_id=household.id,
                demonstration_id=household.demonstration_id,
                period=month(months_ago),
                client_submission_id=uuid.uuid4(),
                form_id=form.id,
                form_version=form.version,
                answers=answers(help_given_count=help_given),
                original_answers_sha256="0" * 64,
                state=state,
            )
        )
    db.flush()


def adopt(db: Session, household: Household, post: PracticePost) -> None:
    db.add(
        Adoption(
            post_id=post.id,
            household_id=household.id,
            friend_group_id=household.friend_group_id,
            demonstration_id=household.demonstration_id,
        )
    )
    db.flush()


@pytest.fixture
def demonstration(db: Session, actors: Actors) -> Demonstration:
    demonstration = make_demonstration(db, actors.organization)
    assign_liaison(db, demonstration, actors.liaison.user)
    h1, h2, h3, h4, _h5 = (make_household(db, demonstration) for _ in range(5))
    add_surveys(db, h1, (V, 0), (V, 0), (V, 2))
    add_surveys(db, h2, (V, 0), (V, 0), (S, 5))
    add_surveys(db, h3, (V, 0), (V, 0), (V, 0), (V, 0))
    add_surveys(db, h4, (R, 4), (V, 1))
    post = make_post(db, h1)
    adopt(db, h2, post)
    make_post(db, h3)
    adopt(db, h3, post)
    make_post(db, h4, deleted_at=utcnow())
    other = make_household(db, make_demonstration(db, actors.other_organization))
    add_surveys(db, other, (V, 3), (V, 3), (V, 3))
    make_post(db, other)
    return demonstration


def readiness(client: TestClient, demonstration: Demonstration, actors: Actors) -> dict[str, Any]:
    response = client.get(
        f"/v1/demonstrations/{demonstration.id}/readiness", headers=actors.partner_admin.headers
    )
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_signals_match_the_hand_computed_figures(
    client: TestClient, db: Session, actors: Actors, demonstration: Demonstration
) -> None:
    body = readiness(client, demonstration, actors)
    assert body["households_enrolled"] == 5
    figures = {name: (body[name]["households"], body[name]["share"]) for name in SIGNALS}
    assert figures == {
        "three_verified_surveys": (2, 0.4),
        "helped_peers": (2, 0.4),
        "posted_or_adopted_practice": (3, 0.6),
    }
    for name in SIGNALS:
        assert body[name]["measured"] is True and body[name]["note"]
    db.expire_all()
    assert db.get_one(Demonstration, demonstration.id).phase is Phase.I
    assert db.exec(select(PhaseChange)).all() == []


def test_a_demonstration_without_households_has_no_share(
    client: TestClient, db: Session, actors: Actors
) -> None:
    body = readiness(client, make_demonstration(db, actors.organization), actors)
    assert body["households_enrolled"] == 0
    for name in SIGNALS:
        assert body[name] | {"note": None} == {
            "measured": True,
            "share": None,
            "households": 0,
            "note": None,
        }


def test_the_number_of_queries_does_not_grow_with_households(
    client: TestClient,
    db: Session,
    connection: Connection,
    actors: Actors,
    demonstration: Demonstration,
) -> None:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    def queries() -> int:
        statements.clear()
        event.listen(connection, "before_cursor_execute", record)
        try:
            readiness(client, demonstration, actors)
        finally:
            event.remove(connection, "before_cursor_execute", record)
        return len(statements)

    before = queries()
    for _ in range(4):
        household = make_household(db, demonstration)
        add_surveys(db, household, (V, 1), (V, 1), (V, 1))
        make_post(db, household)
    assert queries() == before
    body = readiness(client, demonstration, actors)
    assert body["three_verified_surveys"]["households"] == 6
    assert body["helped_peers"]["households"] == 6
    assert body["posted_or_adopted_practice"]["households"] == 7
