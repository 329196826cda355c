"""Where photo bytes live: a `PhotoStorage`, by default a local directory.

Keys are the sha256 of the content (content-addressed): the same photo uploaded twice is
stored once, and no part of a file name ever comes from a user. Another backend (an object
store) only has to implement the same three methods.
"""

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

KEY_PATTERN = re.compile(r"^[0-9a-f]{64}$")


class PhotoMissing(Exception):
    """The storage has no bytes under this key (lost, or never written)."""


class PhotoStorage(Protocol):
    def put(self, data: bytes) -> str:
        """Store the bytes; return their key. Storing the same bytes again is harmless."""
        ...

    def get(self, key: str) -> bytes:
        """The bytes under `key`; `PhotoMissing` when there are none."""
        ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None:
        """Remove the bytes under `key`; nothing happens when there are none."""
        ...


def content_key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class LocalPhotoStorage:
    """Files under `root/<first two hex>/<sha256>`, written atomically (temp file + rename),
    so a reader never sees half a photo and concurrent writers of one photo agree."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        if not KEY_PATTERN.match(key):
            raise PhotoMissing(key)
        return self.root / key[:2] / key

    def put(self, data: bytes) -> str:
        key = content_key(data)
        path = self._path(key)
        if path.exists():
            return key
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
