"""Monthly surveys as a household submits and revises them, safely resent from offline phones.

One survey per household and month, and one per client-generated id: both are UNIQUE
constraints, and a submission is one `INSERT … ON CONFLICT DO NOTHING RETURNING`; when it
inserts nothing, the row that won is read. So any number of simultaneous resends make one
row and all get the same answer.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

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
    _check_period(period, household.created_at, now)


def _check_period(period: str, enrolled_at: datetime, now: datetime) -> None:
    latest = _month(now + EARLIEST_TIMEZONE_AHEAD)
    earliest = _month(enrolled_at)
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


@dataclass(frozen=True)
class _SubmitContext:
    """What a submission needs to know before it writes, read in one query."""

    household_id: uuid.UUID
    enrolled_at: datetime
    demonstration_id: uuid.UUID
    organization_id: uuid.UUID
    already_sent: bool  # a survey with this client id exists: the phone resends
    form: survey_forms.VersionFacts


# The household, its demonstration, whether the client id was seen, and which form the version
# names: one round trip where reading each took six. Submitting is the hot path, so this and
# the INSERT below are built once; executing a prebuilt statement skips rebuilding it and
# finds it in SQLAlchemy's compiled-statement cache.
_SUBMIT_CONTEXT = (
    sa.select(
        col(Household.id),
        col(Household.created_at),
        col(Household.demonstration_id),
        col(Demonstration.organization_id),
        sa.exists().where(
            col(SurveySubmission.client_submission_id) == sa.bindparam("client_submission_id")
        ),
        *survey_forms.version_facts_columns(
            col(Household.demonstration_id), sa.bindparam("form_version")
        ),
    )
    .join(Demonstration, col(Demonstration.id) == col(Household.demonstration_id))
    .where(col(Household.id) == sa.bindparam("household_id"))
)
_SUBMISSION_INSERTS: dict[str, Any] = {}


def _submission_insert(session: Session) -> Any:
    """INSERT … ON CONFLICT DO NOTHING RETURNING the new row as a SurveySubmission in the
    session, so it is not read back; one statement per database dialect."""
    dialect = session.get_bind().dialect.name
    statement = _SUBMISSION_INSERTS.get(dialect)
    if statement is None:
        statement = (
            survey_forms.dialect_insert(session)(SurveySubmission)
            .on_conflict_do_nothing()
            .returning(SurveySubmission)
        )
        _SUBMISSION_INSERTS[dialect] = statement
    return statement


def _submit_context(session: Session, actor: Principal, data: SurveySubmit) -> _SubmitContext:
    if actor.household_id is None:
        raise NotInHousehold("Your account does not belong to a household yet.")
    row = session.execute(
        _SUBMIT_CONTEXT,
        {
            "household_id": actor.household_id,
            "client_submission_id": data.client_submission_id,
            "form_version": data.form_version,
        },
    ).first()
    if row is None:
        raise NotInHousehold("Your account does not belong to a household yet.")
    household_id, enrolled_at, demonstration_id, organization_id, already_sent, *facts = row
    return _SubmitContext(
        household_id=household_id,
        enrolled_at=enrolled_at,
        demonstration_id=demonstration_id,
        organization_id=organization_id,
        already_sent=bool(already_sent),
        form=survey_forms.VersionFacts(facts[0], facts[1], bool(facts[2])),
    )


def submit(
    session: Session, actor: Principal, period: str, data: SurveySubmit, now: datetime
) -> tuple[SurveySubmission, Outcome]:
    """Make the survey, or answer a resend of it with the survey it made.

    A new survey is four statements: the context, the INSERT (which returns the new row), its
    first revision and its audit entry. The parsed form comes from the process's cache of
    immutable form versions."""
    context = _submit_context(session, actor, data)
    digest = survey_forms.answers_sha256(data.answers)
    if context.already_sent:
        replayed = _replay(session, context.household_id, period, data, digest)
        if replayed is not None:  # else it was erased meanwhile: this is a new survey again
            return replayed, Outcome.REPLAYED
    _check_period(period, context.enrolled_at, now)
    form = survey_forms.chosen_form(
        session, context.demonstration_id, data.form_version, context.form
    )
    answers = survey_forms.validate_answers(form, data.answers)
    submission = session.execute(
        _submission_insert(session),
        {
            "id": uuid.uuid4(),
            "household_id": context.household_id,
            "demonstration_id": context.demonstration_id,
            "period": period,
            "client_submission_id": data.client_submission_id,
            "form_id": form.id,
            "form_version": form.version,
            "answers": answers,
            "original_answers_sha256": digest,
            "state": ReviewState.SUBMITTED,
            "version": 1,
            "submitted_by_user_id": actor.user_id,
            "created_at": now,
            "updated_at": now,
        },
    ).scalar_one_or_none()
    if submission is None:  # someone else's insert won: the same resend, or the same month
        replayed = _replay(session, context.household_id, period, data, digest)
        if replayed is not None:
            return replayed, Outcome.REPLAYED
        raise _period_taken(session, context.household_id, period)
    # A plain INSERT on the table, past the ORM: a revision is never changed, so the session
    # has no use for an object of it, and this costs under half of an add-and-flush.
    session.execute(
        sa.insert(SurveyRevision.__table__),  # type: ignore[attr-defined]
        {
            "id": uuid.uuid4(),
            "submission_id": submission.id,
            "number": 1,
            "form_version": form.version,
            "answers": answers,
            "answers_sha256": digest,
            "revised_by_user_id": actor.user_id,
            "created_at": now,
        },
    )
    audit.record(
        session,
        actor,
        "survey.submitted",
        "survey_submission",
        submission.id,
        organization_id=context.organization_id,
        changes={
            "household_id": str(context.household_id),
            "period": period,
            "form_version": form.version,
            "client_submission_id": str(data.client_submission_id),
            "answers_sha256": digest,
        },
    )
    session.flush()
    return submission, Outcome.CREATED


def _replay(
    session: Session, household_id: uuid.UUID, period: str, data: SurveySubmit, digest: str
) -> SurveySubmission | None:
    """The survey made with this client id when this is a resend of it; None when there is
    none; 409 when the id was sent with other answers, another month or another form."""
    row = session.execute(
        select(SurveySubmission, SurveyRevision.form_version)
        .outerjoin(
            SurveyRevision,
            sa.and_(
                col(SurveyRevision.submission_id) == SurveySubmission.id,
                col(SurveyRevision.number) == 1,
            ),
        )
        .where(SurveySubmission.client_submission_id == data.client_submission_id)
    ).first()
    if row is None:
        return None
    existing, first_form_version = row
    same = (
        existing.household_id == household_id
        and existing.period == period
        and existing.original_answers_sha256 == digest
        and (first_form_version is None or first_form_version == data.form_version)
    )
    if not same:
        raise SubmissionConflict(
            "This client_submission_id was already sent with other answers or another month; "
            "make a new id for a new survey, or revise the existing one."
        )
    return existing


def _period_taken(session: Session, household_id: uuid.UUID, period: str) -> PeriodAlreadySubmitted:
    current = session.execute(
        select(SurveySubmission.id).where(
            SurveySubmission.household_id == household_id, SurveySubmission.period == period
        )
    ).scalar_one_or_none()
    return PeriodAlreadySubmitted(
        f"The survey of {period} is already in; revise it instead.",
        submission_id=str(current) if current else None,
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
    form = survey_forms.form_version(session, demonstration.id, data.form_version)
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
    """The survey with its review events and revision count, read in one query: the count as
    a subquery on each row, the events outer-joined so a survey without any still has a row."""
    count = (
        sa.select(sa.func.count())
        .where(col(SurveyRevision.submission_id) == submission.id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(count, ReviewEvent)
        .select_from(SurveySubmission)
        .outerjoin(ReviewEvent, col(ReviewEvent.survey_submission_id) == SurveySubmission.id)
        .where(SurveySubmission.id == submission.id)
        .order_by(col(ReviewEvent.created_at), col(ReviewEvent.id))
    ).all()
    return _public(
        submission,
        revisions_count=rows[0][0] if rows else 0,
        reviews=[review for _, review in rows if review is not None],
    )


def describe_created(submission: SurveySubmission) -> SurveyPublic:
    """A survey `submit` has just made: one revision, no reviews yet, so nothing to read."""
    return _public(submission, revisions_count=1, reviews=[])


def _public(
    submission: SurveySubmission, *, revisions_count: int, reviews: Sequence[ReviewEvent]
) -> SurveyPublic:
    return SurveyPublic.model_validate(
        submission,
        update={
            "revisions_count": revisions_count,
            "reviews": [ReviewEventPublic.model_validate(review) for review in reviews],
        },
    )
