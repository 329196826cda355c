"""Engine and session: one transaction per request, committed only when the request succeeds."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

from app.config import Settings
from app.errors import DomainError


def build_engine(settings: Settings) -> Engine:
    url = make_url(settings.resolved_database_url)
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(settings.resolved_database_url)
    # Each worker process has its own pool, and a request holds its connection from its first
    # query to its commit. Size `db_pool_size` to the requests one worker serves at once: a
    # connection above it (overflow) is closed when it is returned, so a steady load above the
    # pool size keeps reconnecting (bench/survey_load.py, 16 requests at once per worker, 2
    # workers: 144 connections opened in 10 s on the default of 10; on 20, the 32 it then
    # kept). Keep workers * (pool size + overflow) below the database's max_connections.
    # pre_ping costs one round trip per checkout; kept, so that a restarted database fails no
    # request.
    return create_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_pre_ping=True,
        pool_recycle=1800,
    )


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _configure_sqlite_connection)
    # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT; take it over so
    # SQLite behaves like PostgreSQL does for the service and for rolled-back tests.
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def session_scope(bind: Engine | Connection, **options: Any) -> Iterator[Session]:
    """Yield a session whose work is committed at the end, or rolled back on any error."""
    with Session(bind, expire_on_commit=False, **options) as session:
        try:
            yield session
            session.commit()
        except DomainError as error:
            if error.keeps_changes:
                session.commit()
            else:
                session.rollback()
            raise
        except BaseException:
            session.rollback()
            raise
