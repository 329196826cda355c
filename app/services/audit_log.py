"""Reading the audit log (writing it is `services/audit.py`, inside each change)."""

import uuid
from collections.abc import Sequence

from sqlmodel import Session, select

from app.errors import Forbidden
from app.models.audit import AuditEntry
from app.models.user import Role
from app.services import organizations
from app.services.pagination import paginate
from app.services.principal import Principal


def list_entries(
    session: Session,
    actor: Principal,
    organization_id: uuid.UUID,
    *,
    entity: str | None,
    entity_id: str | None,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[AuditEntry], str | None]:
    """An organization's audit log, newest first: for its partner admins and platform admins."""
    organization = organizations.get_organization(session, actor, organization_id)
    if not actor.is_platform_admin and actor.role is not Role.PARTNER_ADMIN:
        raise Forbidden("Only a partner admin may read the audit log.")
    statement = select(AuditEntry).where(AuditEntry.organization_id == organization.id)
    if entity is not None:
        statement = statement.where(AuditEntry.entity == entity)
    if entity_id is not None:
        statement = statement.where(AuditEntry.entity_id == entity_id)
    return paginate(
        session, statement, AuditEntry.created_at, AuditEntry.id, cursor=cursor, limit=limit
    )
