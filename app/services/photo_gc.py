"""Stored photo files no photo row points at, removed once they are old enough.

An upload writes its file before its row is committed; when the request then fails and rolls
back, the file stays with nothing pointing at it. `prune` removes such files, but only those
last written before a grace period: the file of an upload still in progress is young, and so
is a file whose bytes were just uploaded again (a put touches it), so neither is ever removed.
Photos share a file when their bytes are the same, so a file goes only when no row uses it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from app.models.base import utcnow
from app.models.photo import Photo
from app.services.storage import PhotoStorage, StoredPhoto

DEFAULT_GRACE = timedelta(hours=24)
MIN_GRACE = timedelta(hours=1)  # far longer than any request holds an upload uncommitted
KEYS_PER_QUERY = 500


@dataclass(frozen=True)
class PruneReport:
    removed: tuple[StoredPhoto, ...]  # or, in a dry run, what would be removed
    skipped: int  # gone or written again between the listing and the deleting
    dry_run: bool

    @property
    def files(self) -> int:
        return len(self.removed)

    @property
    def size_bytes(self) -> int:
        return sum(item.size_bytes for item in self.removed)


def unreferenced(session: Session, keys: Iterable[str]) -> set[str]:
    """Those of `keys` no `photos` row uses."""
    wanted = sorted(set(keys))
    used: set[str] = set()
    for start in range(0, len(wanted), KEYS_PER_QUERY):
        batch = wanted[start : start + KEYS_PER_QUERY]
        used.update(
            session.exec(select(Photo.storage_key).where(col(Photo.storage_key).in_(batch)))
        )
    return set(wanted) - used


def prune(
    session: Session,
    storage: PhotoStorage,
    *,
    grace: timedelta = DEFAULT_GRACE,
    dry_run: bool = False,
    now: datetime | None = None,
) -> PruneReport:
    """Delete the files no photo uses that were last written more than `grace` ago."""
    if grace < MIN_GRACE:
        raise ValueError(f"the grace period must be at least {MIN_GRACE}")
    written_before = (now or utcnow()) - grace
    old = {item.key: item for item in storage.stored() if item.written_at < written_before}
    orphans = [old[key] for key in sorted(unreferenced(session, old))]
    if dry_run:
        return PruneReport(removed=tuple(orphans), skipped=0, dry_run=True)
    removed = [item for item in orphans if storage.delete_stale(item.key, written_before)]
    return PruneReport(removed=tuple(removed), skipped=len(orphans) - len(removed), dry_run=False)
