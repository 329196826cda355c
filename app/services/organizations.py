"""Partner organizations (the tenants) and their staff."""

import uuid
from collections.abc import Sequence

from sqlmodel import Session, select

from app.errors import Conflict, Forbidden, NotFound
from app.models.base import utcnow
from app.models.organization import Organization, OrganizationCreate, OrganizationUpdate
from app.models.user import Role, StaffCreate, StaffUpdate, User
from app.services import audit, auth, security
from app.services.pagination import paginate
from app.services.principal import Principal


class OrganizationNotFound(NotFound):
    code = "organization-not-found"


class StaffNotFound(NotFound):
    code = "staff-not-found"


class EmailTaken(Conflict):
    code = "email-taken"
    title = "Email already in use"


def create_organization(
    session: Session, actor: Principal, data: OrganizationCreate
) -> Organization:
    organization = Organization.model_validate(data)
    session.add(organization)
    session.flush()
    audit.record(
        session,
        actor,
        "organization.created",
        "organization",
        organization.id,
        organization_id=organization.id,
        changes=data.model_dump(),
    )
    return organization


def list_organizations(
    session: Session, actor: Principal, *, cursor: str | None, limit: int
) -> tuple[Sequence[Organization], str | None]:
    statement = select(Organization)
    if not actor.is_platform_admin:
        statement = statement.where(Organization.id == actor.organization_id)
    return paginate(
        session, statement, Organization.created_at, Organization.id, cursor=cursor, limit=limit
    )


def get_organization(
    session: Session, actor: Principal, organization_id: uuid.UUID
) -> Organization:
    """Staff of another organization get the same 404 as for an id that does not exist."""
    if not actor.is_platform_admin and actor.organization_id != organization_id:
        raise OrganizationNotFound("No such organization.")
    organization = session.get(Organization, organization_id)
    if organization is None:
        raise OrganizationNotFound("No such organization.")
    return organization


def update_organization(
    session: Session, actor: Principal, organization_id: uuid.UUID, data: OrganizationUpdate
) -> Organization:
    organization = get_organization(session, actor, organization_id)
    _require_admin_of(actor, organization.id)
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    before = organization.model_dump(include=set(changes))
    organization.sqlmodel_update(changes)
    session.add(organization)
    audit.record(
        session,
        actor,
        "organization.updated",
        "organization",
        organization.id,
        organization_id=organization.id,
        changes=audit.diff(before, changes),
    )
    return organization


def add_staff(
    session: Session, actor: Principal, organization_id: uuid.UUID, data: StaffCreate
) -> User:
    organization = get_organization(session, actor, organization_id)
    _require_admin_of(actor, organization.id)
    email = data.email.lower()
    if session.exec(select(User.id).where(User.email == email)).first() is not None:
        raise EmailTaken("Another account already uses this email.")
    now = utcnow()
    user = User(
        role=Role(data.role.value),
        organization_id=organization.id,
        email=email,
        full_name=data.full_name,
        password_hash=security.hash_password(data.password),
        created_at=now,
        updated_at=now,
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor,
        "staff.added",
        "user",
        user.id,
        organization_id=organization.id,
        changes={"email": email, "role": data.role.value, "full_name": data.full_name},
    )
    return user


def list_staff(
    session: Session,
    actor: Principal,
    organization_id: uuid.UUID,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[User], str | None]:
    organization = get_organization(session, actor, organization_id)
    statement = select(User).where(User.organization_id == organization.id)
    return paginate(session, statement, User.created_at, User.id, cursor=cursor, limit=limit)


def get_staff(
    session: Session, actor: Principal, organization_id: uuid.UUID, user_id: uuid.UUID
) -> User:
    organization = get_organization(session, actor, organization_id)
    user = session.exec(
        select(User).where(User.id == user_id, User.organization_id == organization.id)
    ).first()
    if user is None:
        raise StaffNotFound("No such staff member in this organization.")
    return user


def update_staff(
    session: Session,
    actor: Principal,
    organization_id: uuid.UUID,
    user_id: uuid.UUID,
    data: StaffUpdate,
) -> User:
    user = get_staff(session, actor, organization_id, user_id)
    _require_admin_of(actor, organization_id)
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if user.id == actor.user_id and ("is_active" in changes or "role" in changes):
        raise Forbidden(
            "You cannot deactivate yourself or change your own role.", code="self-change"
        )
    before = user.model_dump(include=set(changes))
    if "role" in changes:
        changes["role"] = Role(changes["role"])
    now = utcnow()
    user.sqlmodel_update({**changes, "updated_at": now})
    session.add(user)
    if changes.get("is_active") is False:
        auth.revoke_user_sessions(session, user.id, now, reason="deactivated")
    audit.record(
        session,
        actor,
        "staff.updated",
        "user",
        user.id,
        organization_id=organization_id,
        changes=audit.diff(before, changes),
    )
    return user


def _require_admin_of(actor: Principal, organization_id: uuid.UUID) -> None:
    if actor.is_platform_admin:
        return
    if actor.role is not Role.PARTNER_ADMIN or actor.organization_id != organization_id:
        raise Forbidden("Only a partner admin of this organization may do this.")
