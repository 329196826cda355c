"""Media: photos on practice posts too (exactly one subject of three), their pixel size when
the header tells it; story revisions.

Revision ID: 0006_media
Revises: 0005_feed
Create Date: 2026-11-23 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_media"
down_revision: str | None = "0005_feed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ONE_OF_THREE = (
    "(CASE WHEN story_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN survey_submission_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN practice_post_id IS NULL THEN 0 ELSE 1 END) = 1"
)
ONE_OF_TWO = "(story_id IS NULL) <> (survey_submission_id IS NULL)"


def upgrade() -> None:
    with op.batch_alter_table("photos") as batch:
        batch.add_column(sa.Column("practice_post_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("width", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("height", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_photos_practice_post_id_practice_posts"),
            "practice_posts",
            ["practice_post_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index(op.f("ix_photos_practice_post_id"), ["practice_post_id"])
        batch.drop_constraint(op.f("ck_photos_one_subject"), type_="check")
        batch.create_check_constraint(op.f("ck_photos_one_subject"), ONE_OF_THREE)

    op.create_table(
        "story_revisions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("story_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "group",
                "demonstration",
                "public",
                name="story_revision_visibility",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("revised_by_user_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_story_revisions_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["revised_by_user_id"],
            ["users.id"],
            name=op.f("fk_story_revisions_revised_by_user_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_revisions")),
        sa.UniqueConstraint("story_id", "number", name=op.f("uq_story_revisions_story_id_number")),
    )


def downgrade() -> None:
    op.drop_table("story_revisions")
    op.execute("DELETE FROM photos WHERE practice_post_id IS NOT NULL")
    with op.batch_alter_table("photos") as batch:
        batch.drop_constraint(op.f("ck_photos_one_subject"), type_="check")
        batch.create_check_constraint(op.f("ck_photos_one_subject"), ONE_OF_TWO)
        batch.drop_index(op.f("ix_photos_practice_post_id"))
        batch.drop_constraint(op.f("fk_photos_practice_post_id_practice_posts"), type_="foreignkey")
        batch.drop_column("height")
        batch.drop_column("width")
        batch.drop_column("practice_post_id")
