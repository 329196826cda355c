"""Phases: only a partner admin of the demonstration's organization moves it, giving a reason.

Every move is one `phase_changes` row and one audit entry. The move is a conditional UPDATE
on the phase it starts from, so two admins moving the same demonstration at the same moment
cannot both record a change.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, col, select

from app.errors import Conflict, Forbidden
from app.models.base import utcnow
from app.models.demonstration import Demonstration
from app.models.phase_change import PhaseChange, PhaseChangeCreate
from app.models.user import Role
from app.services import audit, demonstrations
from app.services.pagination import paginate
from app.services.principal import Principal


class AlreadyInPhase(Conflict):
    code = "already-in-phase"
    title = "Already in that phase"


def change_phase(
    session: Session, actor: Principal, demonstration_id: uuid.UUID, data: PhaseChangeCreate
) -> PhaseChange:
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    if actor.role is not Role.PARTNER_ADMIN:
        raise Forbidden("Only a partner admin of the organization moves a demonstration's phase.")
    current = demonstration.phase
    if current == data.to:
        raise AlreadyInPhase(f"The demonstration is already in phase {current.value}.")
    moved = session.execute(
        sa.update(Demonstration)
        .where(col(Demonstration.id) == demonstration.id, col(Demonstration.phase) == current)
        .values(phase=data.to)
        .execution_options(synchronize_session=False)
    )
    if not getattr(moved, "rowcount", 0):
        raise AlreadyInPhase("The phase was changed meanwhile; read it again.")
    session.refresh(demonstration)
    change = PhaseChange(
        demonstration_id=demonstration.id,
        from_phase=current,
        to_phase=data.to,
        reason=data.reason,
        changed_by_user_id=actor.user_id,
        changed_at=utcnow(),
    )
    session.add(change)
    session.flush()
    audit.record(
        session,
        actor,
        "demonstration.phase_changed",
        "demonstration",
        demonstration.id,
        organization_id=demonstration.organization_id,
        changes={
            "phase": {"from": current.value, "to": data.to.value},
            "reason": data.reason,
            "phase_change_id": str(change.id),
        },
    )
    return change


def phase_history(
    session: Session,
    actor: Principal,
    demonstration_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[PhaseChange], str | None]:
    """Newest first."""
    demonstration = demonstrations.get_demonstration(session, actor, demonstration_id)
    statement = select(PhaseChange).where(PhaseChange.demonstration_id == demonstration.id)
    return paginate(
        session, statement, PhaseChange.changed_at, PhaseChange.id, cursor=cursor, limit=limit
    )
