"""Surveys: versioned forms, submissions and their revisions, review events, stories, photos,
the stipend ledger and payout batches.

Revision ID: 0004_surveys
Revises: 0003_messages
Create Date: 2026-11-23 16:57:37.213345
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0004_surveys"
down_revision: str | None = "0003_messages"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "payout_batches",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("demonstration_id", sa.Uuid(), nullable=False),
        sa.Column("external_reference", sa.String(length=100), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total_minor", sa.BigInteger(), nullable=False),
        sa.Column("entries_count", sa.Integer(), nullable=False),
        sa.Column("households_count", sa.Integer(), nullable=False),
        sa.Column("created_by_user_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_payout_batches_created_by_user_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["demonstration_id"],
            ["demonstrations.id"],
            name=op.f("fk_payout_batches_demonstration_id_demonstrations"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payout_batches")),
        sa.UniqueConstraint(
            "demonstration_id",
            "external_reference",
            name=op.f("uq_payout_batches_demonstration_id_external_reference"),
        ),
    )
    op.create_index(
        op.f("ix_payout_batches_demonstration_id"), "payout_batches", ["demonstration_id"]
    )

    op.create_table(
        "stories",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("demonstration_id", sa.Uuid(), nullable=False),
        sa.Column("friend_group_id", sa.Uuid(), nullable=False),
        sa.Column("client_story_id", sa.Uuid(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "visibility",
            sa.Enum(
                "group",
                "demonstration",
                "public",
                name="story_visibility",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "state",
            sa.Enum(
                "submitted",
                "needs_clarification",
                "resubmitted",
                "verified",
                "rejected",
                name="story_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by_user_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("version >= 1", name=op.f("ck_stories_version_positive")),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"], ["users.id"], name=op.f("fk_stories_created_by_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["demonstration_id"],
            ["demonstrations.id"],
            name=op.f("fk_stories_demonstration_id_demonstrations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["friend_group_id"],
            ["friend_groups.id"],
            name=op.f("fk_stories_friend_group_id_friend_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_stories_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
        sa.UniqueConstraint("client_story_id", name=op.f("uq_stories_client_story_id")),
    )
    op.create_index(
        "ix_stories_demonstration_state", "stories", ["demonstration_id", "state", "created_at"]
    )
    op.create_index("ix_stories_household", "stories", ["household_id", "created_at"])

    op.create_table(
        "survey_forms",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("demonstration_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("questions", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_user_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint("version >= 1", name=op.f("ck_survey_forms_version_positive")),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_survey_forms_created_by_user_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["demonstration_id"],
            ["demonstrations.id"],
            name=op.f("fk_survey_forms_demonstration_id_demonstrations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_forms")),
    )
    op.create_index(
        "uq_survey_forms_core_version",
        "survey_forms",
        ["version"],
        unique=True,
        sqlite_where=sa.text("demonstration_id IS NULL"),
        postgresql_where=sa.text("demonstration_id IS NULL"),
    )
    op.create_index(
        "uq_survey_forms_demonstration_version",
        "survey_forms",
        ["demonstration_id", "version"],
        unique=True,
        sqlite_where=sa.text("demonstration_id IS NOT NULL"),
        postgresql_where=sa.text("demonstration_id IS NOT NULL"),
    )

    op.create_table(
        "survey_submissions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("demonstration_id", sa.Uuid(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("client_submission_id", sa.Uuid(), nullable=False),
        sa.Column("form_id", sa.Uuid(), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("original_answers_sha256", sa.String(length=64), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "submitted",
                "needs_clarification",
                "resubmitted",
                "verified",
                "rejected",
                name="review_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("submitted_by_user_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("version >= 1", name=op.f("ck_survey_submissions_version_positive")),
        sa.ForeignKeyConstraint(
            ["demonstration_id"],
            ["demonstrations.id"],
            name=op.f("fk_survey_submissions_demonstration_id_demonstrations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["form_id"],
            ["survey_forms.id"],
            name=op.f("fk_survey_submissions_form_id_survey_forms"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_survey_submissions_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["submitted_by_user_id"],
            ["users.id"],
            name=op.f("fk_survey_submissions_submitted_by_user_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_submissions")),
        sa.UniqueConstraint(
            "client_submission_id", name=op.f("uq_survey_submissions_client_submission_id")
        ),
        sa.UniqueConstraint(
            "household_id", "period", name=op.f("uq_survey_submissions_household_id_period")
        ),
    )
    op.create_index(
        "ix_survey_submissions_queue",
        "survey_submissions",
        ["demonstration_id", "state", "created_at"],
    )

    op.create_table(
        "photos",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("story_id", sa.Uuid(), nullable=True),
        sa.Column("survey_submission_id", sa.Uuid(), nullable=True),
        sa.Column("question_id", sa.String(length=50), nullable=True),
        sa.Column(
            "content_type",
            sa.Enum(
                "image/jpeg",
                "image/png",
                "image/webp",
                name="image_type",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=200), nullable=False),
        sa.Column("uploaded_by_user_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(story_id IS NULL) <> (survey_submission_id IS NULL)",
            name=op.f("ck_photos_one_subject"),
        ),
        sa.CheckConstraint("size_bytes > 0", name=op.f("ck_photos_size_positive")),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_photos_household_id_households"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_photos_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["survey_submission_id"],
            ["survey_submissions.id"],
            name=op.f("fk_photos_survey_submission_id_survey_submissions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_user_id"], ["users.id"], name=op.f("fk_photos_uploaded_by_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photos")),
    )
    op.create_index(op.f("ix_photos_household_id"), "photos", ["household_id"])
    op.create_index(op.f("ix_photos_story_id"), "photos", ["story_id"])
    op.create_index(op.f("ix_photos_survey_submission_id"), "photos", ["survey_submission_id"])

    op.create_table(
        "review_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("survey_submission_id", sa.Uuid(), nullable=True),
        sa.Column("story_id", sa.Uuid(), nullable=True),
        sa.Column("actor_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "decision",
            sa.Enum(
                "verify",
                "clarify",
                "reject",
                "unverify",
                name="review_decision",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "from_state",
            sa.Enum(
                "submitted",
                "needs_clarification",
                "resubmitted",
                "verified",
                "rejected",
                name="review_from_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_state",
            sa.Enum(
                "submitted",
                "needs_clarification",
                "resubmitted",
                "verified",
                "rejected",
                name="review_to_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("comment", sa.String(length=2000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(survey_submission_id IS NULL) <> (story_id IS NULL)",
            name=op.f("ck_review_events_one_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["actor_user_id"], ["users.id"], name=op.f("fk_review_events_actor_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_review_events_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["survey_submission_id"],
            ["survey_submissions.id"],
            name=op.f("fk_review_events_survey_submission_id_survey_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_events")),
    )
    op.create_index("ix_review_events_story", "review_events", ["story_id", "created_at"])
    op.create_index(
        "ix_review_events_survey", "review_events", ["survey_submission_id", "created_at"]
    )

    op.create_table(
        "stipend_entries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("demonstration_id", sa.Uuid(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "earning",
                "payout",
                name="stipend_entry_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("survey_submission_id", sa.Uuid(), nullable=True),
        sa.Column("settles_entry_id", sa.Uuid(), nullable=True),
        sa.Column("payout_batch_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(kind = 'earning' AND survey_submission_id IS NOT NULL AND settles_entry_id IS NULL) OR (kind = 'payout' AND settles_entry_id IS NOT NULL AND payout_batch_id IS NOT NULL)",
            name=op.f("ck_stipend_entries_kind_links"),
        ),
        sa.CheckConstraint(
            "amount_minor >= 0", name=op.f("ck_stipend_entries_amount_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["demonstration_id"],
            ["demonstrations.id"],
            name=op.f("fk_stipend_entries_demonstration_id_demonstrations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"],
            ["households.id"],
            name=op.f("fk_stipend_entries_household_id_households"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["payout_batch_id"],
            ["payout_batches.id"],
            name=op.f("fk_stipend_entries_payout_batch_id_payout_batches"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["settles_entry_id"],
            ["stipend_entries.id"],
            name=op.f("fk_stipend_entries_settles_entry_id_stipend_entries"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["survey_submission_id"],
            ["survey_submissions.id"],
            name=op.f("fk_stipend_entries_survey_submission_id_survey_submissions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stipend_entries")),
    )
    op.create_index(
        "ix_stipend_entries_demonstration", "stipend_entries", ["demonstration_id", "kind"]
    )
    op.create_index(
        "ix_stipend_entries_household", "stipend_entries", ["household_id", "created_at"]
    )
    op.create_index(
        "uq_stipend_entries_one_earning_per_survey",
        "stipend_entries",
        ["survey_submission_id"],
        unique=True,
        sqlite_where=sa.text("kind = 'earning'"),
        postgresql_where=sa.text("kind = 'earning'"),
    )
    op.create_index(
        "uq_stipend_entries_one_payout_per_earning",
        "stipend_entries",
        ["settles_entry_id"],
        unique=True,
        sqlite_where=sa.text("kind = 'payout'"),
        postgresql_where=sa.text("kind = 'payout'"),
    )

    op.create_table(
        "survey_revisions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("submission_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("answers_sha256", sa.String(length=64), nullable=False),
        sa.Column("revised_by_user_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["revised_by_user_id"],
            ["users.id"],
            name=op.f("fk_survey_revisions_revised_by_user_id_users"),
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["survey_submissions.id"],
            name=op.f("fk_survey_revisions_submission_id_survey_submissions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_revisions")),
        sa.UniqueConstraint(
            "submission_id", "number", name=op.f("uq_survey_revisions_submission_id_number")
        ),
    )


def downgrade() -> None:
    # Dropping a table drops its indexes; children first.
    for table in (
        "survey_revisions",
        "stipend_entries",
        "review_events",
        "photos",
        "survey_submissions",
        "survey_forms",
        "stories",
        "payout_batches",
    ):
        op.drop_table(table)
