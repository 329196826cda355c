"""`mutuality demo` refuses a configured database unless told: its accounts share a password."""

from pathlib import Path

import pytest

from app import cli


def test_demo_refuses_a_configured_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "production.db"
    monkeypatch.setenv("MUTUALITY_DATABASE_URL", f"sqlite:///{target}")

    assert cli.main(["demo"]) == 2

    assert "--on-configured-database" in capsys.readouterr().err
    assert not target.exists()  # not even migrated


def test_demo_loads_into_a_configured_database_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUTUALITY_DATABASE_URL", f"sqlite:///{tmp_path / 'throwaway.db'}")
    loaded: list[str | None] = []

    def record(settings: cli.Settings) -> int:
        loaded.append(settings.database_url)
        return 0

    monkeypatch.setattr(cli, "_load_demo", record)

    assert cli.main(["demo", "--on-configured-database"]) == 0

    assert loaded == [f"sqlite:///{tmp_path / 'throwaway.db'}"]
