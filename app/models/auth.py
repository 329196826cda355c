"""Sign-in state: sessions (refresh-token families), refresh tokens, one-time codes, counters."""

import uuid
from datetime import datetime
from typing import Annotated

import sqlalchemy as sa
from pydantic import EmailStr, StringConstraints
from sqlmodel import Field, SQLModel

from app.models.base import LoginPassword, OpaqueToken, PhoneText, UTCDateTime, new_id, utcnow


class AuthSession(SQLModel, table=True):
    """One sign-in on one device. Its refresh tokens form a family that rotates on every use;
    revoking the session (logout, token reuse, deactivation) ends all of them at once."""

    __tablename__ = "auth_sessions"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_reason: str | None = Field(default=None, max_length=40)


class RefreshToken(SQLModel, table=True):
    __tablename__ = "refresh_tokens"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    session_id: uuid.UUID = Field(foreign_key="auth_sessions.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class OneTimeCode(SQLModel, table=True):
    """A sign-in code sent by SMS; only its keyed hash is stored."""

    __tablename__ = "one_time_codes"

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    phone: str = Field(max_length=20, index=True)
    code_hash: str = Field(max_length=64)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    failed_attempts: int = 0
    consumed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RateLimitCounter(SQLModel, table=True):
    """Fixed-window counters kept in the database so every worker sees the same count."""

    __tablename__ = "rate_limit_counters"
    __table_args__ = (sa.Index("ix_rate_limit_counters_window_start", "window_start"),)

    key: str = Field(max_length=200, primary_key=True)
    window_start: datetime = Field(sa_type=UTCDateTime, primary_key=True)
    count: int = 0


# Request and response schemas of the sign-in endpoints.

OneTimeCodeText = Annotated[str, StringConstraints(pattern=r"^[0-9]{6,8}$")]


class PhoneCodeRequest(SQLModel):
    phone: PhoneText = Field(
        description="Phone number, international (+231…) or national for the default region.",
        schema_extra={"examples": ["+1 415 555 0100"]},
    )


class PhoneCodeVerify(PhoneCodeRequest):
    code: OneTimeCodeText = Field(description="The code received by SMS.")


class StaffLogin(SQLModel):
    email: EmailStr = Field(max_length=254)
    password: LoginPassword


class RefreshRequest(SQLModel):
    refresh_token: OpaqueToken


class TokenPair(SQLModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires.")
    refresh_token: str
    refresh_expires_in: int


class CodeSent(SQLModel):
    detail: str = Field(
        description="Always the same text, whether or not the phone is known to the platform."
    )
    expires_in: int = Field(description="Seconds a code stays valid.")
