"""Readiness signals for moving a demonstration to phase II (SPEC §1: after 4-6 months, once
families clearly act on their own initiative).

They inform the partner admin's decision and never change the phase. Each signal is one
function of (session, demonstration, households enrolled) → `ReadinessSignal`, listed in
`SIGNALS`: the surveys and feed work fills in its function when that data exists; until
then the signal answers `measured: false` with a note, and `null` figures.
"""

import uuid
from collections.abc import Callable
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.readiness import ReadinessPublic, ReadinessSignal
from app.services import demonstrations
from app.services.principal import Principal

Signal = Callable[[Session, Demonstration, int], ReadinessSignal]


def not_measured(what: str) -> ReadinessSignal:
    return ReadinessSignal(
        measured=False, share=None, households=None, note=f"Not measured yet: {what}."
    )


def share_of(households: int, enrolled: int) -> ReadinessSignal:
    """A measured signal: `households` of the `enrolled` meet it."""
    share = round(households / enrolled, 4) if enrolled else None
    return ReadinessSignal(measured=True, share=share, households=households)


def three_verified_surveys(
    session: Session, demonstration: Demonstration, enrolled: int
) -> ReadinessSignal:
    return not_measured("monthly surveys are not collected by this version")


def helped_peers(session: Session, demonstration: Demonstration, enrolled: int) -> ReadinessSignal:
    return not_measured("monthly surveys (help given to peers) are not collected by this version")


def posted_or_adopted_practice(
    session: Session, demonstration: Demonstration, enrolled: int
) -> ReadinessSignal:
    return not_measured("the best-practice feed does not exist in this version")


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
