"""The audit log: appended to in the same transaction as the change it records."""

import uuid
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from app.models.audit import AuditEntry
from app.models.base import utcnow
from app.services.principal import Principal

SECRET_FIELDS = frozenset({"password", "password_hash", "code", "code_hash", "token_hash"})


def record(
    session: Session,
    actor: Principal | None,
    action: str,
    entity: str,
    entity_id: uuid.UUID | str,
    *,
    organization_id: uuid.UUID | None,
    changes: Mapping[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            organization_id=organization_id,
            actor_user_id=actor.user_id if actor else None,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            changes=_without_secrets(changes or {}),
            created_at=utcnow(),
        )
    )


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """Before/after of the fields that changed, JSON-ready."""
    return {
        key: {"from": _jsonable(before.get(key)), "to": _jsonable(value)}
        for key, value in after.items()
        if before.get(key) != value
    }


def _without_secrets(changes: Mapping[str, Any]) -> dict[str, Any]:
    return {key: _jsonable(value) for key, value in changes.items() if key not in SECRET_FIELDS}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)
