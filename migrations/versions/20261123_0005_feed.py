"""Practice feed and Everyday Changemakers: practice posts, adoptions, comments, content
reports; highlights with their featured households and linked posts.

Revision ID: 0005_feed
Revises: 0004_surveys
Create Date: 2026-11-23 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_feed"
down_revision: str | None = "0004_surveys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "practice_posts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("demonstration_id", sa.Uuid(), nullable=False),
        sa.Column("friend_group_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("text", sa.String(length=4000), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column(
            "scope",
            sa.Enum(
                "group",
                "demonstration",
                "world",
                name="practice_scope",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("hidden_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["demonstration_id"],
            ["demonstrations.id"],
            name=op.f("fk_practice_posts_demonstration_id_demonstrations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["friend_group_id"],
            ["friend_groups.id"],
            name=op.f("fk_practice_posts_friend_group_id_friend_groups"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_practice_posts_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_posts")),
    )
    op.create_index(
        "ix_practice_posts_demonstration_created",
        "practice_posts",
        ["demonstration_id", "created_at"],
        unique=False,
    )
    op.create_index(
        "ix_practice_posts_group_created",
        "practice_posts",
        ["friend_group_id", "created_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_practice_posts_household_id"), "practice_posts", ["household_id"], unique=False
    )
    op.create_index(
        "ix_practice_posts_scope_created", "practice_posts", ["scope", "created_at"], unique=False
    )
    op.create_table(
        "highlights",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("demonstration_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=160), nullable=False),
        sa.Column("text", sa.String(length=8000), nullable=False),
        sa.Column("region", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                                "awaiting_consent",
                "published",
                "withdrawn",
                name="highlight_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("featured_internationally", sa.Boolean(), nullable=False),
        sa.Column("created_by_user_id", sa.Uuid(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_highlights_created_by_user_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["demonstration_id"],
            ["demonstrations.id"],
            name=op.f("fk_highlights_demonstration_id_demonstrations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_highlights_organization_id_organizations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_highlights")),
    )
    op.create_index(
        op.f("ix_highlights_demonstration_id"), "highlights", ["demonstration_id"], unique=False
    )
    op.create_index(
        op.f("ix_highlights_organization_id"), "highlights", ["organization_id"], unique=False
    )
    op.create_index(
        "ix_highlights_status_published", "highlights", ["status", "published_at"], unique=False
    )
    op.create_table(
        "practice_adoptions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("post_id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("friend_group_id", sa.Uuid(), nullable=False),
        sa.Column("demonstration_id", sa.Uuid(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "worked",
                "didnt_work",
                "still_trying",
                name="adoption_outcome",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["demonstration_id"],
            ["demonstrations.id"],
            name=op.f("fk_practice_adoptions_demonstration_id_demonstrations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["friend_group_id"],
            ["friend_groups.id"],
            name=op.f("fk_practice_adoptions_friend_group_id_friend_groups"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_practice_adoptions_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["practice_posts.id"],
            name=op.f("fk_practice_adoptions_post_id_practice_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_adoptions")),
        sa.UniqueConstraint(
            "post_id", "household_id", name=op.f("uq_practice_adoptions_post_id_household_id")
        ),
    )
    op.create_index(
        op.f("ix_practice_adoptions_household_id"),
        "practice_adoptions",
        ["household_id"],
        unique=False,
    )
    op.create_index(
        "ix_practice_adoptions_post_created",
        "practice_adoptions",
        ["post_id", "created_at"],
        unique=False,
    )
    op.create_table(
        "practice_comments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("post_id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.String(length=1000), nullable=False),
        sa.Column("hidden_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_practice_comments_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["practice_posts.id"],
            name=op.f("fk_practice_comments_post_id_practice_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_comments")),
    )
    op.create_index(
        op.f("ix_practice_comments_household_id"),
        "practice_comments",
        ["household_id"],
        unique=False,
    )
    op.create_index(
        "ix_practice_comments_post_created",
        "practice_comments",
        ["post_id", "created_at"],
        unique=False,
    )
    op.create_table(
        "content_reports",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("demonstration_id", sa.Uuid(), nullable=False),
        sa.Column("post_id", sa.Uuid(), nullable=False),
        sa.Column("comment_id", sa.Uuid(), nullable=True),
        sa.Column("reporter_household_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["practice_comments.id"],
            name=op.f("fk_content_reports_comment_id_practice_comments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["demonstration_id"],
            ["demonstrations.id"],
            name=op.f("fk_content_reports_demonstration_id_demonstrations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["practice_posts.id"],
            name=op.f("fk_content_reports_post_id_practice_posts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reporter_household_id"],
            ["households.id"],
            name=op.f("fk_content_reports_reporter_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_reports")),
    )
    op.create_index(
        "ix_content_reports_demonstration_created",
        "content_reports",
        ["demonstration_id", "created_at"],
        unique=False,
    )
    op.create_table(
        "highlight_households",
        sa.Column("highlight_id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column(
            "answer",
            sa.Enum(
                "pending",
                "consented",
                "declined",
                name="highlight_answer",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["highlight_id"],
            ["highlights.id"],
            name=op.f("fk_highlight_households_highlight_id_highlights"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_highlight_households_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "highlight_id", "household_id", name=op.f("pk_highlight_households")
        ),
    )
    op.create_index(
        op.f("ix_highlight_households_household_id"),
        "highlight_households",
        ["household_id"],
        unique=False,
    )
    op.create_table(
        "highlight_posts",
        sa.Column("highlight_id", sa.Uuid(), nullable=False),
        sa.Column("post_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["highlight_id"],
            ["highlights.id"],
            name=op.f("fk_highlight_posts_highlight_id_highlights"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["practice_posts.id"],
            name=op.f("fk_highlight_posts_post_id_practice_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("highlight_id", "post_id", name=op.f("pk_highlight_posts")),
    )
    op.create_index(
        op.f("ix_highlight_posts_post_id"), "highlight_posts", ["post_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_highlight_posts_post_id"), table_name="highlight_posts")
    op.drop_table("highlight_posts")
    op.drop_index(op.f("ix_highlight_households_household_id"), table_name="highlight_households")
    op.drop_table("highlight_households")
    op.drop_index("ix_content_reports_demonstration_created", table_name="content_reports")
    op.drop_table("content_reports")
    op.drop_index("ix_practice_comments_post_created", table_name="practice_comments")
    op.drop_index(op.f("ix_practice_comments_household_id"), table_name="practice_comments")
    op.drop_table("practice_comments")
    op.drop_index("ix_practice_adoptions_post_created", table_name="practice_adoptions")
    op.drop_index(op.f("ix_practice_adoptions_household_id"), table_name="practice_adoptions")
    op.drop_table("practice_adoptions")
    op.drop_index("ix_highlights_status_published", table_name="highlights")
    op.drop_index(op.f("ix_highlights_organization_id"), table_name="highlights")
    op.drop_index(op.f("ix_highlights_demonstration_id"), table_name="highlights")
    op.drop_table("highlights")
    op.drop_index("ix_practice_posts_scope_created", table_name="practice_posts")
    op.drop_index(op.f("ix_practice_posts_household_id"), table_name="practice_posts")
    op.drop_index("ix_practice_posts_group_created", table_name="practice_posts")
    op.drop_index("ix_practice_posts_demonstration_created", table_name="practice_posts")
    op.drop_table("practice_posts")
