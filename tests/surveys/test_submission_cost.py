"""The survey submission is the hot path: the SQL it runs is counted, so a change that adds a
query to it (an N+1, a read folded out again) fails here rather than only in the load bench.

The bounds are what the submission needs, not a tolerance: a new survey is the principal
check, one read of everything the survey needs, the INSERT … RETURNING, its first revision and
its audit entry; a resend is the principal check, that read, the survey with its first revision,
and the survey's reviews with its revision count. Transaction control (BEGIN, the savepoints
the test client nests each request in) is not a query and is not counted, so the numbers are
those of the server on either database."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Connection, event
from sqlmodel import Session, select

from app.models.audit import AuditEntry
from app.models.survey import SurveyRevision, SurveySubmission
from app.services import survey_forms
from tests.surveys.world import SurveyWorld, month, submission

NEW_SURVEY_STATEMENTS = 5
RESEND_STATEMENTS = 4
TRANSACTION_CONTROL = ("BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT")


@contextmanager
def counted(connection: Connection) -> Iterator[list[str]]:
    """The statements run on `connection` inside the block, transaction control left out."""
    statements: list[str] = []

    def record(*args: Any) -> None:
        statement = args[2]
        if not statement.lstrip().upper().startswith(TRANSACTION_CONTROL):
            statements.append(statement)

    event.listen(connection, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(connection, "before_cursor_execute", record)


def _warm(client: TestClient, world: SurveyWorld) -> None:
    """The common core is written on first use and each process parses a form version once:
    one submission first, so the counts below are those of every later one."""
    warm = client.put(f"/v1/me/surveys/{month(2)}", json=submission(), headers=world.family.headers)
    assert warm.status_code == 201, warm.text


def test_a_new_survey_and_its_resend_run_a_fixed_number_of_statements(
    client: TestClient, world: SurveyWorld, connection: Connection, db: Session
) -> None:
    _warm(client, world)
    body = submission()
    url = f"/v1/me/surveys/{month(1)}"

    with counted(connection) as statements:
        created = client.put(url, json=body, headers=world.family.headers)
    assert created.status_code == 201, created.text
    assert len(statements) <= NEW_SURVEY_STATEMENTS, "\n".join(statements)

    with counted(connection) as statements:
        resent = client.put(url, json=body, headers=world.family.headers)
    assert resent.status_code == 200, resent.text
    assert len(statements) <= RESEND_STATEMENTS, "\n".join(statements)

    # Fewer statements, the same outcome: one survey, its first revision, one audit entry,
    # and the resend answered with the survey as it was made.
    assert resent.json() == created.json()
    assert resent.headers["etag"] == created.headers["etag"]
    assert created.json()["revisions_count"] == 1 and created.json()["reviews"] == []
    made = db.exec(
        select(SurveySubmission).where(
            SurveySubmission.household_id == world.household.id,
            SurveySubmission.period == month(1),
        )
    ).one()
    numbers = db.exec(
        select(SurveyRevision.number).where(SurveyRevision.submission_id == made.id)
    ).all()
    assert numbers == [1]
    audits = db.exec(select(AuditEntry).where(AuditEntry.entity_id == str(made.id))).all()
    assert [entry.action for entry in audits] == ["survey.submitted"]


def test_the_cost_does_not_grow_with_the_surveys_a_household_has(
    client: TestClient, world: SurveyWorld, connection: Connection
) -> None:
    _warm(client, world)
    counts = []
    for months_ago in (1, 0):
        with counted(connection) as statements:
            response = client.put(
                f"/v1/me/surveys/{month(months_ago)}",
                json=submission(),
                headers=world.family.headers,
            )
        assert response.status_code == 201, response.text
        counts.append(len(statements))
    assert counts[0] == counts[1] <= NEW_SURVEY_STATEMENTS


def test_parsed_forms_are_kept_in_a_bounded_cache() -> None:
    cache = survey_forms._ParsedForms(size=2)
    first, second, third = (survey_forms.parse_form(uuid.uuid4(), 1, []) for _ in range(3))
    cache.put(first)
    cache.put(second)
    assert cache.get(first.id) is first  # now the most recently used
    cache.put(third)
    assert cache.get(second.id) is None  # the least recently used went
    assert cache.get(first.id) is first
    assert cache.get(third.id) is third
