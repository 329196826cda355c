"""Shared column types and the constraint naming convention.

The naming convention is set on the metadata here, before any table class is defined (every
model module imports this one), so Alembic migrations can name what they create and drop.
"""

import enum
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import StringConstraints
from sqlmodel import SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Bounds every integer the API accepts: PostgreSQL's BIGINT, so a huge number is a 422, not a 500.
MAX_BIGINT = 2**63 - 1

NO_NUL = r"^[^\x00]*$"
"""Text fields reject NUL: PostgreSQL cannot store it, and no person types it."""

_BLANK = (
    r"\x00\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
    r"\ufeff"
)
VISIBLE = rf"^[^\x00]*[^{_BLANK}][^\x00]*$"
r"""At least one visible character, no NUL. The blanks are listed rather than written ``\s``
because regex engines disagree on ``\s`` (U+0085 is a space to the parser, not to every
client reading the contract), and the contract must mean what the parser does."""

ShortText = Annotated[str, StringConstraints(max_length=200, pattern=NO_NUL)]
Password = Annotated[str, StringConstraints(min_length=12, max_length=128, pattern=NO_NUL)]
LoginPassword = Annotated[str, StringConstraints(min_length=1, max_length=128, pattern=NO_NUL)]
PhoneText = Annotated[
    str, StringConstraints(min_length=3, max_length=32, pattern=r"^[0-9+()\-. ]+$")
]
OpaqueToken = Annotated[
    str, StringConstraints(min_length=20, max_length=200, pattern=r"^[A-Za-z0-9_\-]+$")
]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=VISIBLE)]


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> uuid.UUID:
    return uuid.uuid4()


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps on both databases (SQLite stores them naive)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def enum_type(enum_class: type[enum.Enum], name: str) -> sa.Enum:
    """A portable enum: VARCHAR plus a named CHECK constraint, no native PostgreSQL type."""
    return sa.Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


def timestamp_column(**kwargs: Any) -> sa.Column[datetime]:
    return sa.Column(UTCDateTime(), nullable=kwargs.pop("nullable", False), **kwargs)
