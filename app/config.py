"""All configuration in one place, read from the environment (see README, "Configuration")."""

import secrets
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class SmsBackend(StrEnum):
    CONSOLE = "console"
    OUTBOX = "outbox"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MUTUALITY_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default=Path("data"), description="Where the SQLite file and keys live.")
    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "MUTUALITY_DATABASE_URL"),
        description="SQLAlchemy URL; defaults to an SQLite file in the data directory.",
    )
    # Connections kept open per worker; overflow ones are closed after use, so a pool smaller
    # than the steady load reconnects all the time (measured with bench/survey_load.py).
    db_pool_size: int = Field(default=20, ge=1, le=200)
    db_max_overflow: int = Field(default=10, ge=0, le=500)
    secret_key: SecretStr | None = Field(
        default=None,
        description="Signs access tokens and hashes one-time codes. Generated into the data "
        "directory when unset (fine for one machine; set it in production).",
    )
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    otp_minutes: int = Field(default=10, ge=1, le=60)
    otp_max_attempts: int = Field(default=5, ge=1, le=20)
    otp_sends_per_window: int = Field(default=5, ge=1, le=1000, description="Per phone.")
    otp_sends_per_address: int = Field(
        default=30,
        ge=1,
        le=10000,
        description="Per client address; higher, as families share a community centre's wifi.",
    )
    login_attempts_per_window: int = Field(default=10, ge=1, le=1000)
    rate_window_minutes: int = Field(default=10, ge=1, le=24 * 60)
    default_phone_region: str = Field(
        default="US", min_length=2, max_length=2, description="Region for numbers without +."
    )
    sms_backend: SmsBackend = SmsBackend.CONSOLE
    max_body_bytes: int = Field(default=1_000_000, ge=1024)
    max_photo_bytes: int = Field(
        default=5 * 1024 * 1024, ge=1024, le=100 * 1024 * 1024, description="Per photo upload."
    )
    log_level: str = "INFO"
    workers: int = Field(default=2, ge=1, le=64)
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)

    @cached_property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return normalize_database_url(self.database_url)
        return f"sqlite:///{(self.data_dir / 'mutuality.db').as_posix()}"

    @cached_property
    def signing_key(self) -> str:
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        return _generated_key(self.data_dir / "secret_key")


def normalize_database_url(url: str) -> str:
    """Accept the `postgres://` and `postgresql://` forms hosting providers hand out."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _generated_key(path: Path) -> str:
    """A key kept on disk, so every worker of one machine and every restart share it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(48))
        path.chmod(0o600)
    except FileExistsError:
        pass
    return path.read_text(encoding="ascii").strip()
