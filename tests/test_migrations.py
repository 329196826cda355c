"""The schema comes from Alembic only: models and migrations must agree on both databases."""

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from app import migrations
from app.models import metadata


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, metadata))


def test_single_head() -> None:
    heads = ScriptDirectory.from_config(migrations.alembic_config()).get_heads()
    assert len(heads) == 1, f"several migration heads: {heads}"


def test_models_match_migrations(engine: Engine) -> None:
    with engine.connect() as connection:
        assert _differences(connection) == []


def test_upgrade_downgrade_upgrade(scratch: Engine) -> None:
    with scratch.begin() as connection:
        migrations.upgrade(connection=connection)
        assert _differences(connection) == []
    with scratch.begin() as connection:
        migrations.downgrade("base", connection=connection)
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    with scratch.begin() as connection:
        migrations.upgrade(connection=connection)
        assert _differences(connection) == []


def test_every_revision_downgrades_on_its_own(scratch: Engine) -> None:
    """Up one revision at a time, then down one at a time: every downgrade() runs alone."""
    script = ScriptDirectory.from_config(migrations.alembic_config())
    revisions = [revision.revision for revision in reversed(list(script.walk_revisions()))]
    for revision in revisions:
        with scratch.begin() as connection:
            migrations.upgrade(revision, connection=connection)
    for _ in revisions:
        with scratch.begin() as connection:
            migrations.downgrade("-1", connection=connection)
    with scratch.connect() as connection:
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
