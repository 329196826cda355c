"""The stipend ledger: earnings for verified surveys, payouts in batches; balances are sums.

Model, chosen for being the simplest one that earns exactly once: the FIRST verification of a
survey writes its one earning, at the demonstration's stipend of that moment; nothing ever
reverses it. Un-verifying is a correction of the review, not of the family's paid time, and
re-verifying finds the earning already there (a partial UNIQUE index on the survey, and an
`INSERT … ON CONFLICT DO NOTHING`), so any number of concurrent verifications write one.
So: earnings per survey = 1 if it was ever verified, else 0.

A payout settles earnings one by one (another partial UNIQUE index: one payout per earning),
so two batches created at the same moment can never pay the same earning twice.
"""

import csv
import io
import uuid
from collections.abc import Iterator, Sequence

import sqlalchemy as sa
from sqlmodel import Session, col, select

from app.errors import Conflict, NotFound, Unprocessable
from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.household import Household
from app.models.stipend import (
    EntryKind,
    HouseholdBalance,
    PayoutBatch,
    PayoutBatchCreate,
    StipendBalance,
    StipendEntry,
)
from app.models.survey import SurveySubmission
from app.services import audit, demonstrations, survey_forms, surveys
from app.services.pagination import paginate
from app.services.principal import Principal


class NothingDue(Unprocessable):
    code = "nothing-due"
    title = "Nothing is due"


class PayoutReferenceTaken(Conflict):
    code = "payout-reference-taken"
    title = "This reference is used by another batch"


class PayoutBatchNotFound(NotFound):
    code = "payout-batch-not-found"


def earn(
    session: Session,
    actor: Principal | None,
    submission: SurveySubmission,
    demonstration: Demonstration,
) -> bool:
    """The survey's one earning; True when this call wrote it."""
    table = StipendEntry.__table__  # type: ignore[attr-defined]
    entry_id = uuid.uuid4()
    inserted = session.execute(
        survey_forms.dialect_insert(session)(table)
        .values(
            id=entry_id,
            household_id=submission.household_id,
            demonstration_id=demonstration.id,
            kind=EntryKind.EARNING.value,
            amount_minor=demonstration.stipend_amount_minor,
            currency=demonstration.stipend_currency,
            survey_submission_id=submission.id,
            created_at=utcnow(),
        )
        .on_conflict_do_nothing()
        .returning(table.c.id)
    ).first()
    if inserted is None:
        return False
    audit.record(
        session,
        actor,
        "stipend.earned",
        "stipend_entry",
        entry_id,
        organization_id=demonstration.organization_id,
        changes={
            "household_id": str(submission.household_id),
            "survey_submission_id": str(submission.id),
            "amount_minor": demonstration.stipend_amount_minor,
            "currency": demonstration.stipend_currency,
        },
    )
    return True


def balances_of(
    session: Session, household_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[StipendBalance]]:
    """Earned and paid per household and currency, summed from the entries."""
    earned = sa.func.coalesce(
        sa.func.sum(
            sa.case((col(StipendEntry.kind) == EntryKind.EARNING, StipendEntry.amount_minor))
        ),
        0,
    )
    paid = sa.func.coalesce(
        sa.func.sum(
            sa.case((col(StipendEntry.kind) == EntryKind.PAYOUT, StipendEntry.amount_minor))
        ),
        0,
    )
    rows = session.execute(
        sa.select(col(StipendEntry.household_id), col(StipendEntry.currency), earned, paid)
        .where(col(StipendEntry.household_id).in_(household_ids))
        .group_by(col(StipendEntry.household_id), col(StipendEntry.currency))
        .order_by(col(StipendEntry.currency))
    ).all()
    result: dict[uuid.UUID, list[StipendBalance]] = {key: [] for key in household_ids}
    for household_id, currency, earned_minor, paid_minor in rows:
        result[household_id].append(
            StipendBalance(
                currency=currency,
                earned_minor=int(earned_minor),
                paid_minor=int(paid_minor),
                due_minor=int(earned_minor) - int(paid_minor),
            )
        )
    return result


def my_stipends(
    session: Session, actor: Principal, *, cursor: str | None, limit: int
) -> tuple[list[StipendBalance], Sequence[StipendEntry], str | None]:
    household, _ = surveys.family_context(session, actor)
    entries, next_cursor = paginate(
        session,
        select(StipendEntry).where(StipendEntry.household_id == household.id),
        StipendEntry.created_at,
        StipendEntry.id,
        cursor=cursor,
        limit=limit,
    )
    return balances_of(session, [household.id])[household.id], entries, next_cursor


def demonstration_balances(
    session: Session, actor: Principal, demonstration_id: uuid.UUID
) -> list[HouseholdBalance]:
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    households = session.exec(
        select(Household)
        .where(Household.demonstration_id == demonstration.id)
        .order_by(col(Household.created_at), col(Household.id))
    ).all()
    balances = balances_of(session, [household.id for household in households])
    return [
        HouseholdBalance(
            household_id=household.id, household_label=household.label, **balance.model_dump()
        )
        for household in households
        for balance in balances[household.id]
    ]


def create_payout_batch(
    session: Session, actor: Principal, demonstration_id: uuid.UUID, data: PayoutBatchCreate
) -> PayoutBatch:
    """Pays every unpaid earning of the demonstration in its current stipend currency."""
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    demonstrations.require_admin(actor)
    taken = session.exec(
        select(PayoutBatch.id).where(
            PayoutBatch.demonstration_id == demonstration.id,
            PayoutBatch.external_reference == data.external_reference,
        )
    ).first()
    if taken is not None:
        raise PayoutReferenceTaken(
            f"Batch {data.external_reference!r} exists already.", payout_batch_id=str(taken)
        )
    now = utcnow()
    batch = PayoutBatch(
        demonstration_id=demonstration.id,
        external_reference=data.external_reference,
        paid_on=data.paid_on,
        currency=demonstration.stipend_currency,
        total_minor=0,
        entries_count=0,
        households_count=0,
        created_by_user_id=actor.user_id,
        created_at=now,
    )
    session.add(batch)
    session.flush()
    payouts = StipendEntry.__table__.alias("payouts")  # type: ignore[attr-defined]
    due = session.exec(
        select(StipendEntry).where(
            StipendEntry.demonstration_id == demonstration.id,
            StipendEntry.kind == EntryKind.EARNING,
            StipendEntry.currency == demonstration.stipend_currency,
            ~sa.exists().where(
                payouts.c.settles_entry_id == StipendEntry.id, payouts.c.kind == "payout"
            ),
        )
    ).all()
    table = StipendEntry.__table__  # type: ignore[attr-defined]
    paid: list[tuple[uuid.UUID, int]] = []
    for earning in due:
        inserted = session.execute(
            survey_forms.dialect_insert(session)(table)
            .values(
                id=uuid.uuid4(),
                household_id=earning.household_id,
                demonstration_id=demonstration.id,
                kind=EntryKind.PAYOUT.value,
                amount_minor=earning.amount_minor,
                currency=earning.currency,
                settles_entry_id=earning.id,
                payout_batch_id=batch.id,
                created_at=now,
            )
            .on_conflict_do_nothing()
            .returning(table.c.id)
        ).first()
        if inserted is not None:  # not settled by a batch made at the same moment
            paid.append((earning.household_id, earning.amount_minor))
    if not paid:
        raise NothingDue("No verified survey of this demonstration waits for its stipend.")
    batch.total_minor = sum(amount for _, amount in paid)
    batch.entries_count = len(paid)
    batch.households_count = len({household_id for household_id, _ in paid})
    session.add(batch)
    session.flush()
    audit.record(
        session,
        actor,
        "payout_batch.created",
        "payout_batch",
        batch.id,
        organization_id=demonstration.organization_id,
        changes={
            "external_reference": batch.external_reference,
            "paid_on": batch.paid_on,
            "currency": batch.currency,
            "total_minor": batch.total_minor,
            "entries_count": batch.entries_count,
        },
    )
    return batch


def list_payout_batches(
    session: Session,
    actor: Principal,
    demonstration_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[PayoutBatch], str | None]:
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    demonstrations.require_admin(actor)
    return paginate(
        session,
        select(PayoutBatch).where(PayoutBatch.demonstration_id == demonstration.id),
        PayoutBatch.created_at,
        PayoutBatch.id,
        cursor=cursor,
        limit=limit,
    )


def get_payout_batch(session: Session, actor: Principal, batch_id: uuid.UUID) -> PayoutBatch:
    shown = select(Demonstration.id).where(demonstrations.visible(actor))
    batch = session.exec(
        select(PayoutBatch).where(
            PayoutBatch.id == batch_id, col(PayoutBatch.demonstration_id).in_(shown)
        )
    ).first()
    if batch is None:
        raise PayoutBatchNotFound("No such payout batch.")
    demonstrations.require_admin(actor)
    return batch


CSV_HEADER = (
    "household_id",
    "household_label",
    "amount_minor",
    "currency",
    "surveys_paid",
    "external_reference",
    "paid_on",
)


def payout_csv_rows(
    session: Session, actor: Principal, batch_id: uuid.UUID
) -> tuple[PayoutBatch, list[tuple[str, ...]]]:
    """One line per household: what the payment provider sends it."""
    batch = get_payout_batch(session, actor, batch_id)
    rows = session.execute(
        sa.select(
            col(Household.id),
            col(Household.label),
            sa.func.sum(StipendEntry.amount_minor),
            sa.func.count(),
        )
        .join(Household, col(Household.id) == StipendEntry.household_id)
        .where(col(StipendEntry.payout_batch_id) == batch.id)
        .group_by(col(Household.id), col(Household.label))
        .order_by(col(Household.label), col(Household.id))
    ).all()
    lines: list[tuple[str, ...]] = [
        (
            str(household_id),
            _csv_safe(label),
            str(int(total)),
            batch.currency,
            str(count),
            _csv_safe(batch.external_reference),
            batch.paid_on.isoformat(),
        )
        for household_id, label, total, count in rows
    ]
    audit.record(
        session,
        actor,
        "payout_batch.exported",
        "payout_batch",
        batch.id,
        organization_id=_organization_of(session, batch),
    )
    return batch, lines


def _organization_of(session: Session, batch: PayoutBatch) -> uuid.UUID:
    demonstration = session.get(Demonstration, batch.demonstration_id)
    assert demonstration is not None
    return demonstration.organization_id


def _csv_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_lines(rows: list[tuple[str, ...]]) -> Iterator[str]:
    for row in [CSV_HEADER, *rows]:
        buffer = io.StringIO()
        csv.writer(buffer).writerow(row)
        yield buffer.getvalue()
