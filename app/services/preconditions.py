"""`If-Match` on edits of shared records: optimistic concurrency with a version counter.

The record's ETag is its id and version. An edit names the version it was based on; the
write is one conditional UPDATE on that version, so of two edits on the same version exactly
one wins and the other gets 412.
"""

import uuid
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.errors import DomainError, PreconditionFailed


class PreconditionRequired(DomainError):
    status, code, title = 428, "precondition-required", "If-Match required"


class StaleVersion(PreconditionFailed):
    code = "stale-version"


def etag(record_id: uuid.UUID, version: int) -> str:
    return f'"{record_id.hex}.{version}"'


def require_match(if_match: str | None, current: str) -> None:
    """428 without `If-Match`; 412 unless one of its tags (or `*`) is the current one."""
    if if_match is None or not if_match.strip():
        raise PreconditionRequired(
            "Send `If-Match` with the ETag you last read, so a change made meanwhile is not "
            "overwritten."
        )
    tags = {tag.strip() for tag in if_match.split(",")}
    if "*" not in tags and current not in tags:
        raise stale()


def stale() -> StaleVersion:
    return StaleVersion(
        "Someone changed this record after you read it; read it again and decide on the "
        "current version."
    )


def bump_version(session: Session, record: Any, **values: object) -> None:
    """One conditional UPDATE of `record` (a table model with `id` and `version`) on the
    version read, bumping it: of two writers on one version, one wins, the other gets 412."""
    model = type(record)
    result = session.execute(
        sa.update(model)
        .where(model.id == record.id, model.version == record.version)
        .values(version=model.version + 1, **values)
        .execution_options(synchronize_session=False)
    )
    if not getattr(result, "rowcount", 0):
        raise stale()
    session.refresh(record)
