"""Pruning photo files no photo row uses: only past the grace period, never a file a photo
still shares, nothing in a dry run, nothing that is not a storage key; and the CLI's report."""

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from app import cli
from app.config import Settings
from app.deps import get_photo_storage
from app.main import create_app
from app.models.base import utcnow
from app.models.photo import Photo
from app.services import audit, photo_gc
from app.services import storage as storage_module
from app.services.storage import LocalPhotoStorage, StoredPhoto, content_key
from tests.media.world import MediaWorld, jpeg, png, story_body, upload

LATER = timedelta(hours=25)  # past the default grace period of 24 h
DAY = 24 * 3600


@pytest.fixture
def storage(app: FastAPI, client: TestClient, tmp_path: Path) -> Iterator[LocalPhotoStorage]:
    """The app's photo storage for this test: a directory of its own."""
    own = LocalPhotoStorage(tmp_path / "photos")
    app.dependency_overrides[get_photo_storage] = lambda: own
    yield own
    app.dependency_overrides.pop(get_photo_storage, None)


def _story_photos_url(client: TestClient, world: MediaWorld) -> str:
    response = client.post("/v1/me/stories", json=story_body(), headers=world.family.headers)
    assert response.status_code == 201, response.text
    return f"/v1/me/stories/{response.json()['id']}/photos"


def _age(storage: LocalPhotoStorage, key: str, seconds: float) -> None:
    path = storage.root / key[:2] / key
    then = path.stat().st_mtime - seconds
    os.utime(path, (then, then), follow_symlinks=False)


def _prune(db: Session, storage: LocalPhotoStorage, **options: Any) -> photo_gc.PruneReport:
    return photo_gc.prune(db, storage, **{"now": utcnow() + LATER} | options)


def test_a_failed_uploads_file_goes_after_the_grace_period_and_not_before(
    client: TestClient,
    world: MediaWorld,
    db: Session,
    storage: LocalPhotoStorage,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = _story_photos_url(client, world)

    def fail(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("the request fails after the file is written")

    monkeypatch.setattr(audit, "record", fail)
    data = jpeg(width=11)
    assert upload(client, url, world.family, data).status_code == 500
    monkeypatch.undo()
    key = content_key(data)
    assert storage.exists(key)
    assert db.exec(select(Photo).where(Photo.storage_key == key)).first() is None

    within = photo_gc.prune(db, storage)
    assert (within.files, within.size_bytes) == (0, 0)
    assert storage.exists(key)

    after = _prune(db, storage)
    assert [item.key for item in after.removed] == [key]
    assert (after.files, after.size_bytes, after.skipped) == (1, len(data), 0)
    assert not storage.exists(key)
    assert not any((storage.root / key[:2]).iterdir())  # no file set aside is left behind


def test_a_referenced_file_is_kept(
    client: TestClient, world: MediaWorld, db: Session, storage: LocalPhotoStorage
) -> None:
    data = png(width=9)
    response = upload(client, _story_photos_url(client, world), world.family, data)
    assert response.status_code == 201, response.text

    assert _prune(db, storage).files == 0
    assert storage.exists(content_key(data))


def test_a_file_is_kept_while_any_photo_shares_it(
    client: TestClient, world: MediaWorld, db: Session, storage: LocalPhotoStorage
) -> None:
    data = jpeg(width=13)
    for _ in range(2):
        url = _story_photos_url(client, world)
        assert upload(client, url, world.family, data).status_code == 201
    key = content_key(data)
    first, second = db.exec(select(Photo).where(Photo.storage_key == key)).all()
    db.delete(first)
    db.flush()

    assert _prune(db, storage).files == 0
    assert storage.exists(key)

    db.delete(second)
    db.flush()
    assert [item.key for item in _prune(db, storage).removed] == [key]
    assert not storage.exists(key)


def test_a_dry_run_deletes_nothing(db: Session, tmp_path: Path) -> None:
    storage = LocalPhotoStorage(tmp_path)
    keys = [storage.put(b"orphan one"), storage.put(b"orphan two, longer")]

    report = _prune(db, storage, dry_run=True)

    assert report.dry_run
    assert sorted(item.key for item in report.removed) == sorted(keys)
    assert report.size_bytes == len(b"orphan one") + len(b"orphan two, longer")
    assert all(storage.exists(key) for key in keys)


def test_what_is_not_a_storage_key_is_left_alone(db: Session, tmp_path: Path) -> None:
    root, outside = tmp_path / "photos", tmp_path / "outside"
    storage = LocalPhotoStorage(root)
    key = storage.put(b"a real orphan")
    outside.mkdir()
    victim = outside / content_key(b"not ours")
    victim.write_bytes(b"not ours")
    elsewhere = ("00" if key[:2] != "00" else "ff") + key[2:]
    strangers = [
        root / key[:2] / ".upload-abc123",  # a write in progress (temp file, then rename)
        root / "notes.txt",
        root / key[:2] / elsewhere,  # named like a key, but in another key's directory
        root / key[:2] / (key[:63] + "X"),
    ]
    for path in strangers:
        path.write_bytes(b"x")
    (root / elsewhere[:2] / elsewhere).mkdir(parents=True)  # a directory named like a key
    link = root / victim.name[:2] / victim.name
    link.parent.mkdir()
    link.symlink_to(victim)  # a link named like the key of the file it points at
    linked_shard = "ff" if key[:2] != "ff" else "ee"
    (root / linked_shard).symlink_to(outside, target_is_directory=True)
    beyond = outside / (linked_shard + key[2:])
    beyond.write_bytes(b"outside, named like a key of the linked directory")
    old = utcnow().timestamp() - 3 * DAY
    for path in [*strangers, victim, beyond, link, root / linked_shard]:
        os.utime(path, (old, old), follow_symlinks=False)
    _age(storage, key, 3 * DAY)

    assert [item.key for item in storage.stored()] == [key]
    report = _prune(db, storage)

    assert [item.key for item in report.removed] == [key]
    assert all(path.exists() for path in strangers)
    assert link.is_symlink()
    assert victim.read_bytes() == b"not ours"
    assert beyond.exists()
    assert not storage.delete_stale(victim.name, utcnow())  # not even when asked directly
    assert not storage.delete_stale(beyond.name, utcnow())
    assert link.is_symlink() and beyond.exists()


def test_a_file_gone_before_its_turn_is_skipped(db: Session, tmp_path: Path) -> None:
    class Vanishing(LocalPhotoStorage):
        def stored(self) -> Iterator[StoredPhoto]:
            listed = list(super().stored())
            for item in listed:
                self.delete(item.key)  # as an erasure might, between listing and deleting
            yield from listed

    storage = Vanishing(tmp_path)
    storage.put(b"here, then not")

    report = _prune(db, storage)

    assert (report.files, report.skipped) == (0, 1)


def test_putting_old_bytes_again_restarts_their_grace_period(db: Session, tmp_path: Path) -> None:
    storage = LocalPhotoStorage(tmp_path)
    key = storage.put(b"uploaded, deleted, uploaded again")
    _age(storage, key, 3 * DAY)
    written_before = utcnow() - timedelta(hours=24)
    assert [item.key for item in storage.stored() if item.written_at < written_before] == [key]

    storage.put(b"uploaded, deleted, uploaded again")  # an upload whose row is not committed yet

    assert photo_gc.prune(db, storage).files == 0
    assert not storage.delete_stale(key, written_before)
    assert storage.exists(key)
    assert storage.delete_stale(key, utcnow() + timedelta(seconds=1))
    assert not storage.delete_stale(key, utcnow() + timedelta(seconds=1))  # already gone


def test_a_put_racing_the_delete_keeps_the_file(
    db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = LocalPhotoStorage(tmp_path)
    data = b"old bytes, uploaded again just as the prune reaches them"
    key = storage.put(data)
    _age(storage, key, 3 * DAY)
    rename = os.rename

    def put_first(source: Any, target: Any) -> None:
        storage.put(data)  # after the prune's first look at the file, before it moves it
        rename(source, target)

    monkeypatch.setattr(storage_module.os, "rename", put_first)
    report = _prune(db, storage, now=utcnow())
    monkeypatch.undo()

    assert (report.files, report.skipped) == (0, 1)
    assert storage.get(key) == data
    assert [path.name for path in (tmp_path / key[:2]).iterdir()] == [key]


def test_the_grace_period_has_a_floor(db: Session, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least"):
        photo_gc.prune(db, LocalPhotoStorage(tmp_path), grace=timedelta(minutes=5))


def test_the_command_prints_what_it_removes(
    engine: Engine,
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("MUTUALITY_DATABASE_URL", database_url)
    monkeypatch.setenv("MUTUALITY_DATA_DIR", str(tmp_path))
    served = create_app(Settings())
    try:
        storage = served.state.photo_storage  # the directory the app writes to
    finally:
        served.state.engine.dispose()
    assert isinstance(storage, LocalPhotoStorage)
    old = [storage.put(b"left by a failed upload"), storage.put(b"and another one")]
    for key in old:
        _age(storage, key, 2 * DAY)
    young = storage.put(b"an upload still in progress")
    size = len(b"left by a failed upload") + len(b"and another one")

    assert cli.main(["prune-photos", "--dry-run"]) == 0
    output = capsys.readouterr().out
    assert f"would remove 2 unreferenced photo files, {size} bytes" in output
    assert all(f"would remove {key} " in output for key in old)
    assert all(storage.exists(key) for key in [*old, young])

    assert cli.main(["prune-photos", "--grace-hours", "72"]) == 0
    assert "removed 0 unreferenced photo files, 0 bytes" in capsys.readouterr().out

    assert cli.main(["prune-photos"]) == 0
    output = capsys.readouterr().out
    assert f"removed 2 unreferenced photo files, {size} bytes" in output
    assert not any(storage.exists(key) for key in old)
    assert storage.exists(young)

    with pytest.raises(SystemExit) as refused:
        cli.main(["prune-photos", "--grace-hours", "0"])
    assert refused.value.code == 2
