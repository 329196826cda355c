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
