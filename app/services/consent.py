"""Consent: append-only, dated records per household and purpose; the latest one counts.

Nothing is ever updated or deleted here, so the history is the record; withdrawing is one
more record, effective for every check made after it.
"""

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from app.models.base import utcnow
from app.models.consent import ConsentPurpose, ConsentRecord, ConsentState
from app.services import audit, households
from app.services.pagination import paginate
from app.services.principal import Principal


def has_consent(session: Session, household_id: uuid.UUID, purpose: ConsentPurpose) -> bool:
    """Whether the household's latest word on `purpose` is a grant."""
    latest = _latest(session, household_id, purpose)
    return latest is not None and latest.granted


def current(session: Session, actor: Principal, household_id: uuid.UUID) -> list[ConsentState]:
    household = households.get_household(session, actor, household_id)
    states = []
    for purpose in ConsentPurpose:
        latest = _latest(session, household.id, purpose)
        states.append(
            ConsentState(
                purpose=purpose,
                granted=latest is not None and latest.granted,
                recorded_at=latest.recorded_at if latest else None,
            )
        )
    return states


def history(
    session: Session,
    actor: Principal,
    household_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[ConsentRecord], str | None]:
    household = households.get_household(session, actor, household_id)
    statement = select(ConsentRecord).where(ConsentRecord.household_id == household.id)
    return paginate(
        session,
        statement,
        ConsentRecord.recorded_at,
        ConsentRecord.id,
        cursor=cursor,
        limit=limit,
    )


def change(
    session: Session,
    actor: Principal,
    household_id: uuid.UUID,
    purpose: ConsentPurpose,
    granted: bool,
) -> ConsentState:
    """The family grants or withdraws; a change is recorded, a repeat of the current state
    is not (the record already says so, with its date). Withdrawing `public_feature` also
    withdraws, in the same transaction, the highlights that feature the household."""
    household = households.own_household(session, actor, household_id)
    record = record_consent(
        session,
        actor,
        household.id,
        households.organization_of(session, household),
        purpose,
        granted,
    )
    if purpose is ConsentPurpose.PUBLIC_FEATURE and not granted:
        # Imported here, not at the top: highlights (and practices, which it uses) read consent
        # through this module, so consent sits below them and only this one workflow reaches up.
        from app.services import highlights

        highlights.withdraw_for_household(session, actor, household.id)
    return ConsentState(purpose=purpose, granted=record.granted, recorded_at=record.recorded_at)


def record_consent(
    session: Session,
    actor: Principal,
    household_id: uuid.UUID,
    organization_id: uuid.UUID,
    purpose: ConsentPurpose,
    granted: bool,
) -> ConsentRecord:
    latest = _latest(session, household_id, purpose)
    if latest is not None and latest.granted == granted:
        return latest
    record = ConsentRecord(
        household_id=household_id,
        purpose=purpose,
        granted=granted,
        recorded_at=_after(latest.recorded_at if latest else None, utcnow()),
        recorded_by_user_id=actor.user_id,
    )
    session.add(record)
    session.flush()
    audit.record(
        session,
        actor,
        "consent.granted" if granted else "consent.withdrawn",
        "household",
        household_id,
        organization_id=organization_id,
        changes={
            "purpose": purpose.value,
            "granted": {"from": latest.granted if latest else None, "to": granted},
        },
    )
    return record


def _latest(
    session: Session, household_id: uuid.UUID, purpose: ConsentPurpose
) -> ConsentRecord | None:
    return session.exec(
        select(ConsentRecord)
        .where(ConsentRecord.household_id == household_id, ConsentRecord.purpose == purpose)
        .order_by(col(ConsentRecord.recorded_at).desc(), col(ConsentRecord.id).desc())
        .limit(1)
    ).first()


def _after(previous: datetime | None, now: datetime) -> datetime:
    """Records of one purpose are strictly ordered in time, even within one clock tick."""
    if previous is not None and now <= previous:
        return previous + timedelta(microseconds=1)
    return now
