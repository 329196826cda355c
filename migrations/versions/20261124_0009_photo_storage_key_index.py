"""Index photos by storage key: the photo garbage collector asks, batch by batch, which stored
files any photo still uses, and without an index each batch scanned the whole table.

Not unique: files are stored by content, so the same bytes uploaded for two records share a key.

Revision ID: 0009_photo_storage_key
Revises: 0008_practice_refs
Create Date: 2026-11-24 09:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009_photo_storage_key"
down_revision: str | None = "0008_practice_refs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_photos_storage_key", "photos", ["storage_key"])


def downgrade() -> None:
    op.drop_index("ix_photos_storage_key", table_name="photos")
