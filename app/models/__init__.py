"""Every table model, imported here so the metadata Alembic compares against is complete."""

from sqlmodel import SQLModel

from app.models import audit, auth, organization, user  # noqa: F401

metadata = SQLModel.metadata
