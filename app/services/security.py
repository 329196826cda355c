"""Password hashing, keyed hashes of codes and tokens, and signed access tokens.

Pure functions over explicit keys, so the auth workflows can be tested without HTTP.
"""

import base64
import binascii
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from app.models.user import Role

_password_hasher = PasswordHasher()  # argon2id with the library's vetted default parameters
# Verifying against this when an email is unknown keeps the response time the same.
_DUMMY_HASH = _password_hasher.hash("not-a-real-password")
ACCESS_TOKEN_ALGORITHM = "HS256"
ACCESS_TOKEN_AUDIENCE = "mutuality-api"


def hash_password(password: str) -> str:
    return _password_hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _password_hasher.verify(password_hash or _DUMMY_HASH, password) and bool(
            password_hash
        )
    except (VerificationError, InvalidHashError):
        return False


def keyed_hash(key: str, value: str) -> str:
    """HMAC-SHA256: stored codes and refresh tokens are useless without the server key."""
    return hmac.new(key.encode(), value.encode(), hashlib.sha256).hexdigest()


def same_hash(left: str, right: str) -> bool:
    return hmac.compare_digest(left, right)


def new_numeric_code(digits: int = 6) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(digits))


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    session_id: uuid.UUID
    role: Role


def encode_access_token(
    key: str, claims: AccessClaims, *, issued_at: datetime, lifetime: timedelta
) -> str:
    payload = {
        "sub": str(claims.user_id),
        "sid": str(claims.session_id),
        "role": claims.role.value,
        "aud": ACCESS_TOKEN_AUDIENCE,
        "iat": int(issued_at.timestamp()),
        "exp": int((issued_at + lifetime).timestamp()),
    }
    return jwt.encode(payload, key, algorithm=ACCESS_TOKEN_ALGORITHM)


def decode_access_token(key: str, token: str) -> AccessClaims | None:
    """The claims of a valid, unexpired token signed with `key`; None for anything else."""
    if not _canonical_signature(token):
        return None
    try:
        payload = jwt.decode(
            token,
            key,
            algorithms=[ACCESS_TOKEN_ALGORITHM],
            audience=ACCESS_TOKEN_AUDIENCE,
            options={"require": ["sub", "sid", "role", "exp", "iat"]},
        )
        return AccessClaims(
            user_id=uuid.UUID(payload["sub"]),
            session_id=uuid.UUID(payload["sid"]),
            role=Role(payload["role"]),
        )
    except (jwt.PyJWTError, ValueError, TypeError, KeyError):
        return None


def _canonical_signature(token: str) -> bool:
    """Whether the signature is spelled the one way an encoder writes it.

    base64url leaves spare bits in a segment's last character, and lenient decoders (PyJWT
    before 2.14, and maybe again later) ignore them, so one signature would have several
    spellings. A token must have exactly one, or a revocation list keyed by token text could be
    sidestepped by changing its last character.
    """
    signature = token.rpartition(".")[2]
    try:
        raw = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
    except (binascii.Error, ValueError):
        return False
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode() == signature
