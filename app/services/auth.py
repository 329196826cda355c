"""Sign-in workflows: one-time codes for families, passwords for staff, rotating refresh tokens.

Every function takes the session, the settings and `now` explicitly, so tests can drive time.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.config import Settings
from app.errors import Unauthorized
from app.models.auth import AuthSession, OneTimeCode, RefreshToken, TokenPair
from app.models.user import Role, User
from app.services import rate_limits, security
from app.services.phones import normalize_phone
from app.services.principal import Principal
from app.services.sms import SmsSender

CODE_SENT_MESSAGE = "If this number can receive SMS, a code is on its way."


class InvalidCode(Unauthorized):
    code = "invalid-code"
    title = "Wrong or expired code"
    keeps_changes = True  # the failed attempt must count even though the request fails


class InvalidCredentials(Unauthorized):
    code = "invalid-credentials"
    title = "Wrong email or password"
    keeps_changes = True


class InvalidRefreshToken(Unauthorized):
    code = "invalid-refresh-token"
    title = "Sign in again"
    keeps_changes = True  # a reused token revokes its whole family, and that must stick


@dataclass(frozen=True)
class Clocked:
    """The request's settings and time, passed together to keep signatures short."""

    settings: Settings
    now: datetime

    @property
    def window(self) -> timedelta:
        return timedelta(minutes=self.settings.rate_window_minutes)

    def limit(self, session: Session, kind: str, subject: str, limit: int) -> None:
        # Subjects (phones, emails, addresses) are hashed so the counters hold no personal data.
        key = f"{kind}:{security.keyed_hash(self.settings.signing_key, subject)[:32]}"
        rate_limits.enforce(session, key, limit, self.now, self.window)


def request_code(
    session: Session, ctx: Clocked, sender: SmsSender, raw_phone: str, client_address: str
) -> None:
    """Send a fresh code to any valid number: the answer never tells if it is enrolled."""
    phone = normalize_phone(raw_phone, ctx.settings.default_phone_region)
    ctx.limit(session, "otp-send-phone", phone, ctx.settings.otp_sends_per_window)
    ctx.limit(session, "otp-send-address", client_address, ctx.settings.otp_sends_per_address)
    session.execute(
        sa.update(OneTimeCode)
        .where(col(OneTimeCode.phone) == phone, col(OneTimeCode.consumed_at).is_(None))
        .values(consumed_at=ctx.now)
    )
    code = security.new_numeric_code()
    session.add(
        OneTimeCode(
            phone=phone,
            code_hash=_code_hash(ctx, phone, code),
            expires_at=ctx.now + timedelta(minutes=ctx.settings.otp_minutes),
            created_at=ctx.now,
        )
    )
    session.flush()
    sender.send(
        phone, f"Your Mutuality code is {code}. It expires in {ctx.settings.otp_minutes} minutes."
    )


def verify_code(session: Session, ctx: Clocked, raw_phone: str, code: str) -> TokenPair:
    phone = normalize_phone(raw_phone, ctx.settings.default_phone_region)
    pending = session.exec(
        select(OneTimeCode)
        .where(
            OneTimeCode.phone == phone,
            OneTimeCode.consumed_at.is_(None),  # type: ignore[union-attr]
            OneTimeCode.expires_at > ctx.now,
        )
        .order_by(OneTimeCode.created_at.desc())  # type: ignore[attr-defined]
        .limit(1)
        .with_for_update()
    ).first()
    if pending is None:
        raise InvalidCode("This code is wrong, used or expired. Ask for a new one.")
    if not security.same_hash(pending.code_hash, _code_hash(ctx, phone, code)):
        pending.failed_attempts += 1
        if pending.failed_attempts >= ctx.settings.otp_max_attempts:
            pending.consumed_at = ctx.now
        session.add(pending)
        raise InvalidCode("This code is wrong, used or expired. Ask for a new one.")
    pending.consumed_at = ctx.now
    session.add(pending)
    user = _family_user(session, phone, ctx.now)
    if not user.is_active:
        raise Unauthorized("This account is disabled.", code="account-disabled")
    return start_session(session, ctx, user)


def staff_login(
    session: Session, ctx: Clocked, email: str, password: str, client_address: str
) -> TokenPair:
    email = email.lower()
    ctx.limit(session, "login-email", email, ctx.settings.login_attempts_per_window)
    ctx.limit(session, "login-address", client_address, ctx.settings.otp_sends_per_address)
    user = session.exec(select(User).where(User.email == email)).first()
    password_hash = user.password_hash if user else None
    if not security.verify_password(password_hash, password) or user is None:
        raise InvalidCredentials("Email or password is wrong.")
    if not user.is_active or user.role is Role.FAMILY:
        raise InvalidCredentials("Email or password is wrong.")
    return start_session(session, ctx, user)


def start_session(session: Session, ctx: Clocked, user: User) -> TokenPair:
    auth_session = AuthSession(user_id=user.id, created_at=ctx.now)
    session.add(auth_session)
    session.flush()
    return _issue_tokens(session, ctx, user, auth_session)


def refresh(session: Session, ctx: Clocked, refresh_token: str) -> TokenPair:
    """Rotate: the presented token is spent; presenting a spent one again ends the session."""
    token_hash = security.keyed_hash(ctx.settings.signing_key, refresh_token)
    stored = session.exec(
        select(RefreshToken).where(RefreshToken.token_hash == token_hash).with_for_update()
    ).first()
    if stored is None:
        raise InvalidRefreshToken("This refresh token is not valid. Sign in again.")
    auth_session = session.get(AuthSession, stored.session_id)
    user = session.get(User, auth_session.user_id) if auth_session else None
    if auth_session is None or user is None or auth_session.revoked_at is not None:
        raise InvalidRefreshToken("This session has ended. Sign in again.")
    if stored.used_at is not None:
        revoke_session(session, auth_session.id, ctx.now, reason="refresh_token_reuse")
        raise InvalidRefreshToken(
            "This refresh token was already used, so the session was ended to protect you."
        )
    if stored.expires_at <= ctx.now or not user.is_active:
        raise InvalidRefreshToken("This session has expired. Sign in again.")
    stored.used_at = ctx.now
    session.add(stored)
    return _issue_tokens(session, ctx, user, auth_session)


def revoke_session(session: Session, session_id: uuid.UUID, now: datetime, *, reason: str) -> None:
    session.execute(
        sa.update(AuthSession)
        .where(col(AuthSession.id) == session_id, col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=now, revoked_reason=reason)
    )


def revoke_user_sessions(
    session: Session, user_id: uuid.UUID, now: datetime, *, reason: str
) -> None:
    session.execute(
        sa.update(AuthSession)
        .where(col(AuthSession.user_id) == user_id, col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=now, revoked_reason=reason)
    )


# Every authenticated request runs this, so it is built once and reads only the columns the
# principal needs: no ORM objects to make, and SQLAlchemy's compiled-statement cache is hit
# without rebuilding the statement. It is still read on every request, so a logout (revoked
# session) or a deactivated account takes effect at once.
_LIVE_PRINCIPAL = (
    sa.select(
        col(User.role),
        col(User.organization_id),
        col(User.household_id),
        col(User.is_active),
        col(AuthSession.revoked_at),
    )
    .join(AuthSession, col(AuthSession.user_id) == col(User.id))
    .where(
        col(User.id) == sa.bindparam("user_id"),
        col(AuthSession.id) == sa.bindparam("session_id"),
    )
)


def authenticate(session: Session, ctx: Clocked, access_token: str) -> Principal:
    """The principal behind a valid access token whose session and account are still live."""
    claims = security.decode_access_token(ctx.settings.signing_key, access_token)
    if claims is None:
        raise Unauthorized("Missing, invalid or expired access token.")
    row = session.execute(
        _LIVE_PRINCIPAL, {"user_id": claims.user_id, "session_id": claims.session_id}
    ).first()
    if row is None:
        raise Unauthorized("Missing, invalid or expired access token.")
    role, organization_id, household_id, is_active, revoked_at = row
    if revoked_at is not None or not is_active:
        raise Unauthorized("This session has ended. Sign in again.")
    return Principal(
        user_id=claims.user_id,
        role=role,
        session_id=claims.session_id,
        organization_id=organization_id,
        household_id=household_id,
    )


def _issue_tokens(
    session: Session, ctx: Clocked, user: User, auth_session: AuthSession
) -> TokenPair:
    refresh_token = security.new_refresh_token()
    refresh_lifetime = timedelta(days=ctx.settings.refresh_token_days)
    session.add(
        RefreshToken(
            session_id=auth_session.id,
            token_hash=security.keyed_hash(ctx.settings.signing_key, refresh_token),
            expires_at=ctx.now + refresh_lifetime,
            created_at=ctx.now,
        )
    )
    session.flush()
    access_lifetime = timedelta(minutes=ctx.settings.access_token_minutes)
    claims = security.AccessClaims(user.id, auth_session.id, user.role)
    return TokenPair(
        access_token=security.encode_access_token(
            ctx.settings.signing_key, claims, issued_at=ctx.now, lifetime=access_lifetime
        ),
        expires_in=int(access_lifetime.total_seconds()),
        refresh_token=refresh_token,
        refresh_expires_in=int(refresh_lifetime.total_seconds()),
    )


def _code_hash(ctx: Clocked, phone: str, code: str) -> str:
    return security.keyed_hash(ctx.settings.signing_key, f"otp:{phone}:{code}")


def _family_user(session: Session, phone: str, now: datetime) -> User:
    """The account of this phone, created on first sign-in (it joins a household later)."""
    user = session.exec(select(User).where(User.phone == phone)).first()
    if user is not None:
        return user
    try:
        with session.begin_nested():
            user = User(role=Role.FAMILY, phone=phone, created_at=now, updated_at=now)
            session.add(user)
    except IntegrityError:  # a second device of the same phone won the race
        return session.exec(select(User).where(User.phone == phone)).one()
    return user
