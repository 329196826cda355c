import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.errors import DomainError


class DatabaseUnavailable(DomainError):
    status, code, title = 503, "database-unavailable", "Database unavailable"


def check_database(session: Session) -> None:
    try:
        session.execute(sa.text("SELECT 1"))
    except SQLAlchemyError as exc:
        raise DatabaseUnavailable("The database does not answer.") from exc
