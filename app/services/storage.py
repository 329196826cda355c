"""Where photo bytes live: a `PhotoStorage`, by default a local directory.

Keys are the sha256 of the content (content-addressed): the same photo uploaded twice is
stored once, and no part of a file name ever comes from a user. Another backend (an object
store) only has to implement the same methods.
"""

import contextlib
import hashlib
import os
import re
import secrets
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

KEY_PATTERN = re.compile(r"^[0-9a-f]{64}$")


class PhotoMissing(Exception):
    """The storage has no bytes under this key (lost, or never written)."""


@dataclass(frozen=True)
class StoredPhoto:
    """One key the storage holds, as a listing saw it."""

    key: str
    size_bytes: int
    written_at: datetime  # the last `put` of these bytes, aware UTC


class PhotoStorage(Protocol):
    def put(self, data: bytes) -> str:
        """Store the bytes; return their key. Storing the same bytes again is harmless, and
        counts as a write for `written_at`."""
        ...

    def get(self, key: str) -> bytes:
        """The bytes under `key`; `PhotoMissing` when there are none."""
        ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None:
        """Remove the bytes under `key`; nothing happens when there are none."""
        ...

    def stored(self) -> Iterator[StoredPhoto]:
        """Every key held, in no particular order; nothing that is not a key (temporary files
        of a write in progress, strangers)."""
        ...

    def delete_stale(self, key: str, written_before: datetime) -> bool:
        """Remove the bytes under `key` unless they were put at or after `written_before` (a
        put since may belong to an upload whose row is not committed yet). True if removed;
        False when they were written since, or are already gone."""
        ...


def content_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _written_at(info: os.stat_result) -> datetime:
    return datetime.fromtimestamp(info.st_mtime, UTC)


class LocalPhotoStorage:
    """Files under `root/<first two hex>/<sha256>`, written atomically (temp file + rename),
    so a reader never sees half a photo and concurrent writers of one photo agree. A file's
    modification time is its last put: putting bytes already stored touches the file."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        if not KEY_PATTERN.match(key):
            raise PhotoMissing(key)
        return self.root / key[:2] / key

    def put(self, data: bytes) -> str:
        key = content_key(data)
        path = self._path(key)
        try:
            os.utime(path)  # already stored: the touch keeps `delete_stale` off it
            return key
        except FileNotFoundError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return key

    def get(self, key: str) -> bytes:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as exc:
            raise PhotoMissing(key) from exc

    def exists(self, key: str) -> bool:
        return KEY_PATTERN.match(key) is not None and self._path(key).exists()

    def delete(self, key: str) -> None:
        if KEY_PATTERN.match(key):
            self._path(key).unlink(missing_ok=True)

    def stored(self) -> Iterator[StoredPhoto]:
        """Regular files named by a key in the directory of its first two hex digits; symbolic
        links (to a file or a directory) are never followed, so nothing outside `root` is
        listed."""
        try:
            shards = sorted(
                entry.name
                for entry in os.scandir(self.root)
                if len(entry.name) == 2 and entry.is_dir(follow_symlinks=False)
            )
        except FileNotFoundError:
            return  # nothing stored yet
        for shard in shards:
            try:
                entries = list(os.scandir(self.root / shard))
            except FileNotFoundError:
                continue
            for entry in entries:
                if not KEY_PATTERN.match(entry.name) or entry.name[:2] != shard:
                    continue
                try:
                    info = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue  # deleted while we looked
                if stat.S_ISREG(info.st_mode):
                    yield StoredPhoto(entry.name, info.st_size, _written_at(info))

    def delete_stale(self, key: str, written_before: datetime) -> bool:
        """The file is first renamed aside, then its time checked again: a put that touched
        it before the rename is seen (and the file put back), and a put after the rename finds
        no file and writes it anew, so an upload never ends up pointing at a deleted file."""
        if not KEY_PATTERN.match(key):
            return False
        path = self._path(key)
        if path.parent.is_symlink() or not self._is_stale(path, written_before):
            return False
        aside = path.with_name(f".prune-{secrets.token_hex(8)}")
        try:
            os.rename(path, aside)
        except FileNotFoundError:
            return False
        if self._is_stale(aside, written_before):
            aside.unlink(missing_ok=True)
            return True
        with contextlib.suppress(FileNotFoundError):
            os.replace(aside, path)  # the same bytes as any copy written meanwhile
        return False

    @staticmethod
    def _is_stale(path: Path, written_before: datetime) -> bool:
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return False
        return stat.S_ISREG(info.st_mode) and _written_at(info) < written_before
