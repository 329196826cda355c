"""Real concurrency on PostgreSQL: simultaneous resends make one survey; simultaneous
verifications earn one stipend. Each thread has its own session on the real engine."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from app.errors import DomainError
from app.models.base import utcnow
from app.models.stipend import StipendEntry
from app.models.survey import (
    Decision,
    DecisionCreate,
    SurveyRevision,
    SurveySubmission,
    SurveySubmit,
)
from app.models.user import Role
from app.services import surveys, verification
from app.services.principal import Principal
from tests.factories import (
    assign_liaison,
    make_demonstration,
    make_household,
    make_organization,
    make_user,
)
from tests.surveys.world import answers, month


def _setup(engine: Engine) -> tuple[Principal, Principal]:
    with Session(engine, expire_on_commit=False) as session:
        organization = make_organization(session)
        demonstration = make_demonstration(session, organization)
        household = make_household(session, demonstration, created_at=utcnow() - timedelta(days=90))
        member = make_user(session, Role.FAMILY, household_id=household.id)
        liaison = make_user(session, Role.LIAISON, organization_id=organization.id)
        assign_liaison(session, demonstration, liaison)
        session.commit()
        family = Principal(member.id, Role.FAMILY, uuid.uuid4(), household_id=household.id)
        staff = Principal(liaison.id, Role.LIAISON, uuid.uuid4(), organization_id=organization.id)
        return family, staff


def _all_at_once(count: int, work) -> list:  # type: ignore[no-untyped-def]
    barrier = threading.Barrier(count)

    def run(_: int):  # type: ignore[no-untyped-def]
        barrier.wait()
        return work()

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def test_fifty_simultaneous_resends_make_one_survey(committed_engine: Engine) -> None:
    family, _ = _setup(committed_engine)
    data = SurveySubmit(client_submission_id=uuid.uuid4(), form_version=1, answers=answers())
    with Session(committed_engine) as session:  # the core form exists before the rush
        surveys.survey_forms.core_form(session)
        session.commit()

    def resend() -> tuple[str, str]:
        with Session(committed_engine, expire_on_commit=False) as session:
            submission, outcome = surveys.submit(session, family, month(), data, utcnow())
            session.commit()
            return str(submission.id), outcome.value

    results = _all_at_once(50, resend)
    assert len({submission_id for submission_id, _ in results}) == 1
    assert sorted(outcome for _, outcome in results).count("created") == 1
    with Session(committed_engine) as session:
        assert session.exec(select(func.count()).select_from(SurveySubmission)).one() == 1
        assert session.exec(select(func.count()).select_from(SurveyRevision)).one() == 1


def test_twenty_simultaneous_verifications_earn_one_stipend(committed_engine: Engine) -> None:
    family, liaison = _setup(committed_engine)
    with Session(committed_engine, expire_on_commit=False) as session:
        data = SurveySubmit(client_submission_id=uuid.uuid4(), form_version=1, answers=answers())
        submission, _ = surveys.submit(session, family, month(), data, utcnow())
        session.commit()
    tag = surveys.etag(submission)

    def verify(if_match: str) -> str:
        with Session(committed_engine, expire_on_commit=False) as session:
            try:
                verification.decide(
                    session,
                    liaison,
                    submission.id,
                    DecisionCreate(decision=Decision.VERIFY),
                    if_match,
                )
                session.commit()
                return "verified"
            except DomainError as error:
                session.rollback()
                return error.code

    outcomes = _all_at_once(20, lambda: verify(tag))
    assert outcomes.count("verified") == 1
    assert set(outcomes) <= {"verified", "stale-version"}
    # Without a version to race on ("*"), later ones find it verified already.
    outcomes = _all_at_once(20, lambda: verify("*"))
    assert set(outcomes) <= {"invalid-transition", "stale-version"}
    with Session(committed_engine) as session:
        earnings = session.exec(select(StipendEntry)).all()
        assert [(entry.kind, entry.amount_minor) for entry in earnings] == [("earning", 2500)]
