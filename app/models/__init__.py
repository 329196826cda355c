"""Every table model, imported here so the metadata Alembic compares against is complete."""

from sqlmodel import SQLModel

from app.models import (  # noqa: F401
    audit,
    auth,
    consent,
    demonstration,
    friend_group,
    highlight,
    household,
    inbox,
    invitation,
    message,
    organization,
    phase_change,
    photo,
    practice,
    progress,
    stipend,
    story,
    survey,
    survey_form,
    user,
)

metadata = SQLModel.metadata
