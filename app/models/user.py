import uuid
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from pydantic import EmailStr
from sqlmodel import Field, SQLModel

from app.models.base import Name, Password, UTCDateTime, enum_type, new_id, utcnow


class Role(StrEnum):
    PLATFORM_ADMIN = "platform_admin"
    PARTNER_ADMIN = "partner_admin"
    LIAISON = "liaison"
    FAMILY = "family"


STAFF_ROLES = frozenset({Role.PARTNER_ADMIN, Role.LIAISON})


class StaffRole(StrEnum):
    """The roles a partner organization gives its own staff."""

    PARTNER_ADMIN = "partner_admin"
    LIAISON = "liaison"


class User(SQLModel, table=True):
    """Anyone who signs in: staff with email and password, family members with a phone."""

    __tablename__ = "users"
    __table_args__ = (
        sa.CheckConstraint("email IS NOT NULL OR phone IS NOT NULL", name="has_sign_in_identifier"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    role: Role = Field(sa_type=enum_type(Role, "user_role"))
    organization_id: uuid.UUID | None = Field(
        default=None, foreign_key="organizations.id", index=True, ondelete="RESTRICT"
    )
    household_id: uuid.UUID | None = Field(
        default=None, foreign_key="households.id", index=True, ondelete="SET NULL"
    )
    email: str | None = Field(default=None, max_length=254, unique=True)
    phone: str | None = Field(default=None, max_length=20, unique=True)
    password_hash: str | None = Field(default=None, max_length=255)
    full_name: str | None = Field(default=None, max_length=200)
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class StaffCreate(SQLModel):
    email: EmailStr = Field(max_length=254)
    full_name: Name
    role: StaffRole
    password: Password = Field(
        description="Initial password, at least 12 characters; the person should change it.",
    )


class StaffUpdate(SQLModel):
    full_name: Name | None = None
    role: StaffRole | None = None
    is_active: bool | None = Field(
        default=None, description="false deactivates: sign-in stops and sessions end at once."
    )


class StaffPublic(SQLModel):
    id: uuid.UUID
    email: str | None
    full_name: str | None
    role: Role
    organization_id: uuid.UUID | None
    is_active: bool
    created_at: datetime


class MePublic(SQLModel):
    """Who the caller is; `organization_id` for staff, `household_id` for family members."""

    id: uuid.UUID
    role: Role
    full_name: str | None
    email: str | None
    phone: str | None = Field(description="The caller's own phone, E.164.")
    organization_id: uuid.UUID | None
    household_id: uuid.UUID | None = None
