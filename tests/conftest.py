"""Test fixtures: a database built by the real migrations, one rolled-back transaction per test.

The database is SQLite unless `MUTUALITY_TEST_DATABASE_URL` names a PostgreSQL server; then
a fresh database is created on it for this run and dropped at the end.
"""

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from sqlalchemy import Connection, Engine
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app import migrations
from app.config import Settings
from app.db import build_engine, session_scope
from app.deps import get_session
from app.main import create_app
from app.models import metadata
from app.services.sms import OutboxSmsSender
from tests.factories import Actors, make_actors

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.register_profile(
    "ci", parent=settings.get_profile("default"), derandomize=True, print_blob=True
)
settings.load_profile("ci" if os.environ.get("CI") else "default")

TEST_SECRET = "test-secret-key-that-is-long-enough-for-hs256"


def _postgres_admin_url() -> str | None:
    return os.environ.get("MUTUALITY_TEST_DATABASE_URL") or None


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    admin_url = _postgres_admin_url()
    if admin_url is None:
        yield f"sqlite:///{(tmp_path_factory.mktemp('db') / 'test.db').as_posix()}"
        return
    name = f"mutuality_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(
        make_url(Settings(DATABASE_URL=admin_url).resolved_database_url),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield (
            make_url(Settings(DATABASE_URL=admin_url).resolved_database_url)
            .set(database=name)
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def scratch(test_settings: Settings, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of the kind under test, for migrating up and down (SQLite as the app
    runs it: foreign keys on)."""
    url = test_settings.resolved_database_url
    if url.startswith("sqlite"):
        engine = build_engine(Settings(DATABASE_URL=f"sqlite:///{tmp_path / 'scratch.db'}"))
        yield engine
        engine.dispose()
        return
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"{admin.url.database}_scratch"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine = sa.create_engine(admin.url.set(database=name))
    yield engine
    engine.dispose()
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(scope="session")
def test_settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        DATABASE_URL=database_url,
        secret_key=TEST_SECRET,
        sms_backend="outbox",
        data_dir=tmp_path_factory.mktemp("data"),
        db_pool_size=60,
        db_max_overflow=10,
    )


@pytest.fixture(scope="session")
def engine(test_settings: Settings) -> Iterator[Engine]:
    engine = build_engine(test_settings)
    with engine.begin() as connection:
        migrations.upgrade(connection=connection)
    yield engine
    engine.dispose()


@pytest.fixture
def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    """A connection inside a transaction that is rolled back after the test."""
    with engine.connect() as connection:
        transaction = connection.begin()
        yield connection
        transaction.rollback()


@pytest.fixture
def db(connection: Connection) -> Iterator[Session]:
    """A session for arranging and inspecting data; its commits only release savepoints."""
    with Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    ) as session:
        yield session


@pytest.fixture(scope="session")
def app(test_settings: Settings) -> FastAPI:
    return create_app(test_settings, sms_sender=OutboxSmsSender())


@pytest.fixture
def outbox(app: FastAPI) -> Iterator[OutboxSmsSender]:
    sender: OutboxSmsSender = app.state.sms_sender
    sender.sent.clear()
    yield sender
    sender.sent.clear()


@pytest.fixture
def client(app: FastAPI, connection: Connection, db: Session) -> Iterator[TestClient]:
    """The app, its requests joined to the test's transaction (each request a savepoint)."""

    def session_in_test_transaction() -> Iterator[Session]:
        db.flush()
        yield from session_scope(connection, join_transaction_mode="create_savepoint")

    app.dependency_overrides[get_session] = session_in_test_transaction
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    app.dependency_overrides.clear()


@pytest.fixture
def actors(db: Session, test_settings: Settings) -> Actors:
    """Two organizations, each with a partner admin and a liaison, a platform admin, and a
    family member, all signed in."""
    return make_actors(db, test_settings)


@pytest.fixture
def committed_engine(engine: Engine, is_postgres: bool) -> Iterator[Engine]:
    """For concurrency tests, whose transactions must really commit: cleans up after itself."""
    if not is_postgres:
        pytest.skip("real concurrency is tested on PostgreSQL (SQLite has one writer)")
    yield engine
    with engine.begin() as connection:
        tables = ", ".join(table.name for table in metadata.sorted_tables)
        connection.exec_driver_sql(f"TRUNCATE {tables} CASCADE")
