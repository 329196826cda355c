"""Alembic environment: the schema of every database comes from these migrations only."""

from typing import Any

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection, Engine
from sqlmodel.sql.sqltypes import AutoString

from app.config import Settings
from app.db import build_engine
from app.models import metadata
from app.models.base import UTCDateTime

config = context.config


def _run(connection: Connection) -> None:
    if connection.dialect.name == "sqlite" and not connection.in_transaction():
        # SQLite alters a table by copying it and dropping the original; with foreign keys on,
        # that drop would cascade into every child row. The documented way is to switch them
        # off around the migration (outside any transaction) and check them afterwards.
        raw = connection.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            _migrate(connection)
            broken = raw.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"migration left rows with broken foreign keys: {broken[:5]}")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
        return
    _migrate(connection)


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by table copy
        compare_type=True,
        render_item=_render_plain_types,
    )
    with context.begin_transaction():
        context.run_migrations()


def _render_plain_types(kind: str, item: Any, autogen_context: AutogenContext) -> str | bool:
    """Write migrations with plain SQLAlchemy types, so they never import the app's models."""
    if kind == "type" and isinstance(item, AutoString):
        return f"sa.String(length={item.length})" if item.length else "sa.String()"
    if kind == "type" and isinstance(item, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine: Engine = build_engine(Settings())
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


if context.is_offline_mode():
    context.configure(url=Settings().resolved_database_url, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
