"""Platform admin accounts, created from the terminal (there is no one to sign in as yet)."""

from email_validator import EmailNotValidError, validate_email
from sqlmodel import Session, select

from app.models.base import utcnow
from app.models.user import Role, User
from app.services import audit, security

MIN_PASSWORD_LENGTH = 12


class AdminAccountError(ValueError):
    pass


def create_platform_admin(session: Session, email: str, name: str, password: str) -> User:
    try:
        email = validate_email(email, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise AdminAccountError(str(exc)) from exc
    if len(password) < MIN_PASSWORD_LENGTH or "\x00" in password:
        raise AdminAccountError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
    if session.exec(select(User.id).where(User.email == email)).first() is not None:
        raise AdminAccountError(f"an account with {email} already exists")
    now = utcnow()
    user = User(
        role=Role.PLATFORM_ADMIN,
        email=email,
        full_name=name,
        password_hash=security.hash_password(password),
        created_at=now,
        updated_at=now,
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        None,
        "platform_admin.created",
        "user",
        user.id,
        organization_id=None,
        changes={"email": email},
    )
    return user
