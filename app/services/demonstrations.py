"""Demonstrations and who of the partner's staff sees them.

Partner admins see every demonstration of their organization, liaisons only the ones they are
assigned to, platform admins all. `visible` is the one place that rule lives: every query of
enrolment data goes through it, so another tenant's ids look exactly like unknown ones.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session, col, select

from app.errors import Conflict, Forbidden, NotFound
from app.models.base import utcnow
from app.models.demonstration import (
    Demonstration,
    DemonstrationCreate,
    DemonstrationLiaison,
    DemonstrationUpdate,
)
from app.models.friend_group import FriendGroup
from app.models.user import Role, User
from app.services import audit, organizations
from app.services.pagination import paginate
from app.services.principal import Principal


class DemonstrationNotFound(NotFound):
    code = "demonstration-not-found"


class LiaisonNotFound(NotFound):
    code = "liaison-not-found"


class LimitBelowGroupSize(Conflict):
    code = "limit-below-group-size"
    title = "A group already has more friends"


def visible(actor: Principal) -> sa.ColumnElement[bool]:
    """The condition on `Demonstration` that keeps what `actor` may see."""
    if actor.is_platform_admin:
        return sa.true()
    if actor.role is Role.PARTNER_ADMIN:
        return col(Demonstration.organization_id) == actor.organization_id
    if actor.role is Role.LIAISON:
        assigned = select(DemonstrationLiaison.demonstration_id).where(
            DemonstrationLiaison.user_id == actor.user_id
        )
        return col(Demonstration.id).in_(assigned) & (
            col(Demonstration.organization_id) == actor.organization_id
        )
    return sa.false()


def get_demonstration(
    session: Session, actor: Principal, demonstration_id: uuid.UUID
) -> Demonstration:
    demonstration = session.exec(
        select(Demonstration).where(Demonstration.id == demonstration_id, visible(actor))
    ).first()
    if demonstration is None:
        raise DemonstrationNotFound("No such demonstration.")
    return demonstration


def require_admin(actor: Principal) -> None:
    if not actor.is_platform_admin and actor.role is not Role.PARTNER_ADMIN:
        raise Forbidden("Only a partner admin may do this.")


def create_demonstration(
    session: Session, actor: Principal, organization_id: uuid.UUID, data: DemonstrationCreate
) -> Demonstration:
    organization = organizations.get_organization(session, actor, organization_id)
    require_admin(actor)
    demonstration = Demonstration.model_validate(
        data, update={"organization_id": organization.id, "created_at": utcnow()}
    )
    session.add(demonstration)
    session.flush()
    audit.record(
        session,
        actor,
        "demonstration.created",
        "demonstration",
        demonstration.id,
        organization_id=organization.id,
        changes=data.model_dump(mode="json"),
    )
    return demonstration


def list_demonstrations(
    session: Session,
    actor: Principal,
    organization_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[Demonstration], str | None]:
    organization = organizations.get_organization(session, actor, organization_id)
    statement = select(Demonstration).where(
        Demonstration.organization_id == organization.id, visible(actor)
    )
    return paginate(
        session, statement, Demonstration.created_at, Demonstration.id, cursor=cursor, limit=limit
    )


def update_demonstration(
    session: Session, actor: Principal, demonstration_id: uuid.UUID, data: DemonstrationUpdate
) -> Demonstration:
    demonstration = get_demonstration(session, actor, demonstration_id)
    require_admin(actor)
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if "friends_per_seed" in changes:
        largest = session.exec(
            select(sa.func.max(FriendGroup.friends_count)).where(
                FriendGroup.demonstration_id == demonstration.id
            )
        ).one()
        if largest is not None and largest > changes["friends_per_seed"]:
            raise LimitBelowGroupSize(
                f"A friend group of this demonstration already has {largest} friends."
            )
    before = demonstration.model_dump(include=set(changes))
    demonstration.sqlmodel_update(changes)
    session.add(demonstration)
    audit.record(
        session,
        actor,
        "demonstration.updated",
        "demonstration",
        demonstration.id,
        organization_id=demonstration.organization_id,
        changes=audit.diff(before, changes),
    )
    return demonstration


def assign_liaison(
    session: Session, actor: Principal, demonstration_id: uuid.UUID, user_id: uuid.UUID
) -> User:
    """Idempotent: assigning a liaison twice keeps one assignment."""
    demonstration, liaison = _demonstration_and_liaison(session, actor, demonstration_id, user_id)
    if session.get(DemonstrationLiaison, (demonstration.id, liaison.id)) is None:
        session.add(
            DemonstrationLiaison(
                demonstration_id=demonstration.id,
                user_id=liaison.id,
                assigned_by_user_id=actor.user_id,
                assigned_at=utcnow(),
            )
        )
        audit.record(
            session,
            actor,
            "demonstration.liaison_assigned",
            "demonstration",
            demonstration.id,
            organization_id=demonstration.organization_id,
            changes={"liaison_user_id": str(liaison.id)},
        )
    return liaison


def unassign_liaison(
    session: Session, actor: Principal, demonstration_id: uuid.UUID, user_id: uuid.UUID
) -> None:
    demonstration, liaison = _demonstration_and_liaison(session, actor, demonstration_id, user_id)
    assignment = session.get(DemonstrationLiaison, (demonstration.id, liaison.id))
    if assignment is None:
        return
    session.delete(assignment)
    audit.record(
        session,
        actor,
        "demonstration.liaison_unassigned",
        "demonstration",
        demonstration.id,
        organization_id=demonstration.organization_id,
        changes={"liaison_user_id": str(liaison.id)},
    )


def list_liaisons(
    session: Session, actor: Principal, demonstration_id: uuid.UUID
) -> Sequence[User]:
    demonstration = get_demonstration(session, actor, demonstration_id)
    return session.exec(
        select(User)
        .join(DemonstrationLiaison, col(DemonstrationLiaison.user_id) == User.id)
        .where(DemonstrationLiaison.demonstration_id == demonstration.id)
        .order_by(col(User.created_at), col(User.id))
    ).all()


def _demonstration_and_liaison(
    session: Session, actor: Principal, demonstration_id: uuid.UUID, user_id: uuid.UUID
) -> tuple[Demonstration, User]:
    demonstration = get_demonstration(session, actor, demonstration_id)
    require_admin(actor)
    liaison = session.exec(
        select(User).where(
            User.id == user_id,
            User.role == Role.LIAISON,
            User.organization_id == demonstration.organization_id,
        )
    ).first()
    if liaison is None:
        raise LiaisonNotFound("No such liaison in this demonstration's organization.")
    return demonstration, liaison
