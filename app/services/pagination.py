"""Keyset (cursor) pagination on (created_at, id): stable while new rows arrive, O(page) cost.

Hand-written rather than a library: it is one query shape. The cursor is opaque to phones; a
forged one can only move the page boundary inside what the caller's query may already see.
"""

import base64
import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlmodel import Session
from sqlmodel.sql.expression import SelectOfScalar

from app.errors import Unprocessable

RowT = TypeVar("RowT")
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class InvalidCursor(Unprocessable):
    code = "invalid-cursor"
    title = "Invalid cursor"


def encode_cursor(created_at: datetime, row_id: uuid.UUID) -> str:
    raw = json.dumps([created_at.isoformat(), str(row_id)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created_at, row_id = json.loads(raw)
        return datetime.fromisoformat(created_at), uuid.UUID(row_id)
    except (ValueError, TypeError) as exc:
        raise InvalidCursor("This cursor is not one the server gave out.") from exc


def paginate(
    session: Session,
    statement: SelectOfScalar[RowT],
    created_at: Any,
    row_id: Any,
    *,
    cursor: str | None,
    limit: int,
) -> tuple[Sequence[RowT], str | None]:
    """Newest first. `created_at`/`row_id` are the model's columns the cursor keys on (any
    timestamp column, e.g. `recorded_at`, can play the part of `created_at`)."""
    if cursor is not None:
        after_at, after_id = decode_cursor(cursor)
        statement = statement.where(sa.tuple_(created_at, row_id) < sa.tuple_(after_at, after_id))
    rows = session.exec(statement.order_by(created_at.desc(), row_id.desc()).limit(limit + 1)).all()
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], encode_cursor(getattr(last, created_at.key), getattr(last, row_id.key))
