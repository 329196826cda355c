import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import UTCDateTime, new_id, utcnow


class AuditEntry(SQLModel, table=True):
    """Who did what to which record; `changes` holds before/after of changed fields, no secrets."""

    __tablename__ = "audit_log"
    __table_args__ = (sa.Index("ix_audit_log_org_created", "organization_id", "created_at"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    organization_id: uuid.UUID | None = Field(default=None, foreign_key="organizations.id")
    actor_user_id: uuid.UUID | None = Field(default=None, foreign_key="users.id")
    action: str = Field(max_length=80)
    entity: str = Field(max_length=40)
    entity_id: str = Field(max_length=64)
    changes: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AuditEntryPublic(SQLModel):
    id: uuid.UUID
    actor_user_id: uuid.UUID | None
    action: str
    entity: str
    entity_id: str
    changes: dict[str, Any]
    created_at: datetime
