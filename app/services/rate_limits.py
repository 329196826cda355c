"""Fixed-window rate limits whose counters live in the database, shared by every worker.

`limits`/`slowapi` keep counters in memory, Redis or Memcached; the platform's only shared
store is its database, so the counter is one atomic upsert here.
"""

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from app.errors import TooManyRequests
from app.models.auth import RateLimitCounter


def window_start(now: datetime, window: timedelta) -> datetime:
    seconds = int(window.total_seconds())
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=now.tzinfo)


def count_hit(session: Session, key: str, now: datetime, window: timedelta) -> int:
    """Add one hit to `key`'s current window and return the window's count, atomically."""
    start = window_start(now, window)
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = RateLimitCounter.__table__  # type: ignore[attr-defined]
    statement = (
        insert(table)
        .values(key=key, window_start=start, count=1)
        .on_conflict_do_update(
            index_elements=["key", "window_start"], set_={"count": table.c.count + 1}
        )
        .returning(table.c.count)
    )
    return int(session.execute(statement).scalar_one())


def enforce(session: Session, key: str, limit: int, now: datetime, window: timedelta) -> None:
    """Raise 429 once `key` passes `limit` hits in the current window."""
    if count_hit(session, key, now, window) > limit:
        elapsed = now - window_start(now, window)
        retry_after = max(int((window - elapsed).total_seconds()), 1)
        raise TooManyRequests(
            "Too many attempts; wait before trying again.", retry_after_seconds=retry_after
        )


def prune(session: Session, now: datetime, older_than: timedelta) -> int:
    table = RateLimitCounter.__table__  # type: ignore[attr-defined]
    result = session.execute(sa.delete(table).where(table.c.window_start < now - older_than))
    return int(getattr(result, "rowcount", 0) or 0)
