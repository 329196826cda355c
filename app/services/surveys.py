"""Monthly surveys as a household submits and revises them, safely resent from offline phones.

One survey per household and month, and one per client-generated id: both are UNIQUE
constraints, and a submission is one `INSERT … ON CONFLICT DO NOTHING` followed by a read,
so any number of simultaneous resends make one row and all get the same answer.
"""

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Session, col, select

from app.errors import Conflict, Forbidden, NotFound, Unprocessable
from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.survey import (
    ReviewEvent,
    ReviewEventPublic,
    ReviewState,
    SurveyPublic,
    SurveyRevise,
    SurveyRevision,
    SurveyRevisionPublic,
    SurveySubmission,
    SurveySubmit,
)
from app.services import audit, preconditions, survey_forms
from app.services.pagination import paginate
from app.services.principal import Principal

# A phone east of UTC is in the next month first: accept the month it is anywhere on Earth.
EARLIEST_TIMEZONE_AHEAD = timedelta(hours=14)
REVISABLE = frozenset(
    {ReviewState.SUBMITTED, ReviewState.RESUBMITTED, ReviewState.NEEDS_CLARIFICATION}
)


class Outcome(StrEnum):
    CREATED = "created"
    REPLAYED = "replayed"


class NotInHousehold(Forbidden):
    code = "not-in-household"


class SurveyNotFound(NotFound):
    code = "survey-not-found"


class SubmissionConflict(Conflict):
    code = "submission-conflict"
    title = "This client id was sent with other answers"


class PeriodAlreadySubmitted(Conflict):
    code = "period-already-submitted"
    title = "This month's survey is already in"


class SurveyLocked(Conflict):
    code = "survey-locked"
    title = "The survey can no longer be revised"


class InvalidPeriod(Unprocessable):
    code = "invalid-period"
    title = "Invalid month"


def family_context(session: Session, actor: Principal) -> tuple[Household, Demonstration]:
    household = session.get(Household, actor.household_id) if actor.household_id else None
    if household is None:
        raise NotInHousehold("Your account does not belong to a household yet.")
    demonstration = session.get(Demonstration, household.demonstration_id)
    assert demonstration is not None  # a foreign key
    return household, demonstration


def check_period(period: str, household: Household, now: datetime) -> None:
    latest = _month(now + EARLIEST_TIMEZONE_AHEAD)
    earliest = _month(household.created_at)
    if period > latest:
        raise _period_problem(f"{period} has not begun yet.")
    if period < earliest:
        raise _period_problem(f"The household enrolled in {earliest}; {period} is before that.")


def _period_problem(detail: str) -> InvalidPeriod:
    return InvalidPeriod(
        detail, errors=[{"field": "period", "message": detail, "type": "invalid_period"}]
    )


def _month(moment: datetime) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


def submit(
    session: Session, actor: Principal, period: str, data: SurveySubmit, now: datetime
) -> tuple[SurveySubmission, Outcome]:
    household, demonstration = family_context(session, actor)
    digest = survey_forms.answers_sha256(data.answers)
    existing = _by_client_id(session, data.client_submission_id)
    if existing is not None:
        return _replay(session, existing, household, period, data, digest), Outcome.REPLAYED
    check_period(period, household, now)
    form = survey_forms.form_version(session, demonstration, data.form_version)
    answers = survey_forms.validate_answers(form, data.answers)
    table = SurveySubmission.__table__  # type: ignore[attr-defined]
    submission_id = uuid.uuid4()
    inserted = session.execute(
        survey_forms.dialect_insert(session)(table)
        .values(
            id=submission_id,
            household_id=household.id,
            demonstration_id=demonstration.id,
            period=period,
            client_submission_id=data.client_submission_id,
            form_id=form.id,
            form_version=form.version,
            answers=answers,
            original_answers_sha256=digest,
            state=ReviewState.SUBMITTED.value,
            version=1,
            submitted_by_user_id=actor.user_id,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing()
        .returning(table.c.id)
    ).first()
    if inserted is None:  # someone else's insert won: the same resend, or the same month
        existing = _by_client_id(session, data.client_submission_id)
        if existing is not None:
            return _replay(session, existing, household, period, data, digest), Outcome.REPLAYED
        raise _period_taken(session, household, period)
    session.add(
        SurveyRevision(
            submission_id=submission_id,
            number=1,
            form_version=form.version,
            answers=answers,
            answers_sha256=digest,
            revised_by_user_id=actor.user_id,
            created_at=now,
        )
    )
    submission = session.get(SurveySubmission, submission_id)
    assert submission is not None
    audit.record(
        session,
        actor,
        "survey.submitted",
        "survey_submission",
        submission_id,
        organization_id=demonstration.organization_id,
        changes={
            "household_id": str(household.id),
            "period": period,
            "form_version": form.version,
            "client_submission_id": str(data.client_submission_id),
            "answers_sha256": digest,
        },
    )
    session.flush()
    return submission, Outcome.CREATED


def _by_client_id(session: Session, client_id: uuid.UUID) -> SurveySubmission | None:
    return session.exec(
        select(SurveySubmission).where(SurveySubmission.client_submission_id == client_id)
    ).first()


def _replay(
    session: Session,
    existing: SurveySubmission,
    household: Household,
    period: str,
    data: SurveySubmit,
    digest: str,
) -> SurveySubmission:
    first = session.exec(
        select(SurveyRevision).where(
            SurveyRevision.submission_id == existing.id, SurveyRevision.number == 1
        )
    ).first()
    same = (
        existing.household_id == household.id
        and existing.period == period
        and existing.original_answers_sha256 == digest
        and (first is None or first.form_version == data.form_version)
    )
    if not same:
        raise SubmissionConflict(
            "This client_submission_id was already sent with other answers or another month; "
            "make a new id for a new survey, or revise the existing one."
        )
    return existing


def _period_taken(session: Session, household: Household, period: str) -> PeriodAlreadySubmitted:
    current = own_by_period(session, household, period)
    return PeriodAlreadySubmitted(
        f"The survey of {period} is already in; revise it instead.",
        submission_id=str(current.id) if current else None,
        period=period,
    )


def own_by_period(session: Session, household: Household, period: str) -> SurveySubmission | None:
    return session.exec(
        select(SurveySubmission).where(
            SurveySubmission.household_id == household.id, SurveySubmission.period == period
        )
    ).first()


def get_own(session: Session, actor: Principal, period: str) -> SurveySubmission:
    household, _ = family_context(session, actor)
    submission = own_by_period(session, household, period)
    if submission is None:
        raise SurveyNotFound(f"No survey for {period} yet.")
    return submission


def list_own(
    session: Session, actor: Principal, *, cursor: str | None, limit: int
) -> tuple[Sequence[SurveySubmission], str | None]:
    household, _ = family_context(session, actor)
    statement = select(SurveySubmission).where(SurveySubmission.household_id == household.id)
    return paginate(
        session,
        statement,
        SurveySubmission.created_at,
        SurveySubmission.id,
        cursor=cursor,
        limit=limit,
    )


def revise(
    session: Session,
    actor: Principal,
    period: str,
    data: SurveyRevise,
    if_match: str | None,
) -> SurveySubmission:
    """New answers before verification; in needs_clarification the survey becomes resubmitted.

    Sending the answers it already has changes nothing and needs no `If-Match`: a phone that
    resends a revision it made offline gets the survey back, not a 412."""
    household, demonstration = family_context(session, actor)
    submission = own_by_period(session, household, period)
    if submission is None:
        raise SurveyNotFound(f"No survey for {period} yet.")
    digest = survey_forms.answers_sha256(data.answers)
    if (
        digest == survey_forms.answers_sha256(submission.answers)
        and data.form_version == submission.form_version
    ):
        return submission
    preconditions.require_match(if_match, etag(submission))
    if submission.state not in REVISABLE:
        raise SurveyLocked(f"A {submission.state.value} survey can no longer be revised.")
    form = survey_forms.form_version(session, demonstration, data.form_version)
    answers = survey_forms.validate_answers(form, data.answers)
    new_state = (
        ReviewState.RESUBMITTED
        if submission.state is ReviewState.NEEDS_CLARIFICATION
        else submission.state
    )
    now = utcnow()
    old_state = submission.state
    bump(
        session,
        submission,
        state=new_state,
        answers=answers,
        form_id=form.id,
        form_version=form.version,
        updated_at=now,
    )
    number = session.exec(
        select(sa.func.count()).where(SurveyRevision.submission_id == submission.id)
    ).one()
    session.add(
        SurveyRevision(
            submission_id=submission.id,
            number=number + 1,
            form_version=form.version,
            answers=answers,
            answers_sha256=digest,
            revised_by_user_id=actor.user_id,
            created_at=now,
        )
    )
    audit.record(
        session,
        actor,
        "survey.revised",
        "survey_submission",
        submission.id,
        organization_id=demonstration.organization_id,
        changes={
            "revision": number + 1,
            "form_version": form.version,
            "answers_sha256": digest,
            "state": {"from": old_state.value, "to": new_state.value},
        },
    )
    session.flush()
    session.refresh(submission)
    return submission


def bump(session: Session, submission: SurveySubmission, **values: object) -> None:
    """One conditional UPDATE on the version read: of two writers on it, one wins, one 412s."""
    preconditions.bump_version(session, submission, **values)


def etag(submission: SurveySubmission) -> str:
    return preconditions.etag(submission.id, submission.version)


def revisions(session: Session, submission: SurveySubmission) -> list[SurveyRevisionPublic]:
    rows = session.exec(
        select(SurveyRevision)
        .where(SurveyRevision.submission_id == submission.id)
        .order_by(col(SurveyRevision.number))
    ).all()
    return [SurveyRevisionPublic.model_validate(row) for row in rows]


def describe(session: Session, submission: SurveySubmission) -> SurveyPublic:
    reviews = session.exec(
        select(ReviewEvent)
        .where(ReviewEvent.survey_submission_id == submission.id)
        .order_by(col(ReviewEvent.created_at), col(ReviewEvent.id))
    ).all()
    count = session.exec(
        select(sa.func.count()).where(SurveyRevision.submission_id == submission.id)
    ).one()
    return SurveyPublic.model_validate(
        submission,
        update={
            "revisions_count": count,
            "reviews": [ReviewEventPublic.model_validate(review) for review in reviews],
        },
    )
