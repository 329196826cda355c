"""Readiness signals for moving a demonstration to phase II (SPEC §1: after 4-6 months, once
families clearly act on their own initiative).

They inform the partner admin's decision and never change the phase. Each signal is one
function of (session, demonstration, households enrolled) → `ReadinessSignal`, listed in
`SIGNALS`, computed by one aggregate query (GROUP BY / UNION in SQL, no per-household loop).
A signal whose data the platform does not collect answers `measured: false` with a note.
"""

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.practice import Adoption, PracticePost
from app.models.readiness import ReadinessPublic, ReadinessSignal
from app.models.survey import ReviewState, SurveySubmission
from app.services import demonstrations
from app.services.principal import Principal

Signal = Callable[[Session, Demonstration, int], ReadinessSignal]

# The core question (app/services/survey_core.py) a household answers help given with.
HELP_GIVEN_COUNT = "help_given_count"
# Surveys a household needs verified before its data counts as a baseline (SPEC §1).
VERIFIED_SURVEYS_NEEDED = 3


def not_measured(what: str) -> ReadinessSignal:
    return ReadinessSignal(
        measured=False, share=None, households=None, note=f"Not measured yet: {what}."
    )


def share_of(households: int, enrolled: int, note: str | None = None) -> ReadinessSignal:
    """A measured signal: `households` of the `enrolled` meet it."""
    share = round(households / enrolled, 4) if enrolled else None
    return ReadinessSignal(measured=True, share=share, households=households, note=note)


def count_households(session: Session, household_ids: sa.Select[Any]) -> int:
    """How many distinct households a query of household ids returns, counted in SQL."""
    return session.exec(select(sa.func.count()).select_from(household_ids.subquery())).one()


def three_verified_surveys(
    session: Session, demonstration: Demonstration, enrolled: int
) -> ReadinessSignal:
    """One GROUP BY over the demonstration's verified surveys."""
    households = (
        select(SurveySubmission.household_id)
        .where(
            SurveySubmission.demonstration_id == demonstration.id,
            SurveySubmission.state == ReviewState.VERIFIED,
        )
        .group_by(col(SurveySubmission.household_id))
        .having(sa.func.count() >= VERIFIED_SURVEYS_NEEDED)
    )
    return share_of(
        count_households(session, households),
        enrolled,
        f"Households with at least {VERIFIED_SURVEYS_NEEDED} verified monthly surveys.",
    )


def helped_peers(session: Session, demonstration: Demonstration, enrolled: int) -> ReadinessSignal:
    """Only verified surveys count: the partner decides on data a liaison has verified, like
    the surveys signal; a submitted or rejected survey is not evidence yet."""
    help_given = col(SurveySubmission.answers)[HELP_GIVEN_COUNT].as_integer()
    households = (
        select(SurveySubmission.household_id)
        .where(
            SurveySubmission.demonstration_id == demonstration.id,
            SurveySubmission.state == ReviewState.VERIFIED,
            help_given > 0,
        )
        .group_by(col(SurveySubmission.household_id))
    )
    return share_of(
        count_households(session, households),
        enrolled,
        f"Households with a verified survey where {HELP_GIVEN_COUNT} > 0 (help given to peers).",
    )


def posted_or_adopted_practice(
    session: Session, demonstration: Demonstration, enrolled: int
) -> ReadinessSignal:
    """Posts the family deleted do not count; a post hidden by moderation still does (the
    household acted on its own initiative). UNION removes households that did both."""
    posted = select(PracticePost.household_id).where(
        PracticePost.demonstration_id == demonstration.id,
        col(PracticePost.deleted_at).is_(None),
    )
    adopted = select(Adoption.household_id).where(Adoption.demonstration_id == demonstration.id)
    households = sa.union(posted, adopted)
    return share_of(
        count_households(session, households),  # type: ignore[arg-type]
        enrolled,
        "Households that posted a practice on the feed or adopted one.",
    )


SIGNALS: dict[str, Signal] = {
    "three_verified_surveys": three_verified_surveys,
    "helped_peers": helped_peers,
    "posted_or_adopted_practice": posted_or_adopted_practice,
}


def readiness(
    session: Session, actor: Principal, demonstration_id: uuid.UUID, *, today: date | None = None
) -> ReadinessPublic:
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    now = utcnow()
    enrolled = session.exec(
        select(sa.func.count())
        .select_from(Household)
        .where(Household.demonstration_id == demonstration.id)
    ).one()
    return ReadinessPublic(
        demonstration_id=demonstration.id,
        phase=demonstration.phase,
        started_on=demonstration.started_on,
        months_since_start=months_between(demonstration.started_on, today or now.date()),
        households_enrolled=enrolled,
        computed_at=now,
        **{name: signal(session, demonstration, enrolled) for name, signal in SIGNALS.items()},
    )


def months_between(start: date, today: date) -> int:
    """Whole months from `start` to `today`; 0 when `today` is before `start`."""
    months = (today.year - start.year) * 12 + today.month - start.month
    if today.day < start.day:
        months -= 1
    return max(months, 0)
