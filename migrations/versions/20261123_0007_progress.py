"""Progress rollups: per-household baseline and latest verified values, and per
demonstration, friend group and month the verified surveys' counts and sums.

Revision ID: 0007_progress
Revises: 0006_media (chained after the concurrent media migration; the brief had 0005_feed)
Create Date: 2026-11-23 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_progress"
down_revision: str | None = "0006_media"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(column: str, table: str, source: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{table}.id"],
        name=op.f(f"fk_{source}_{column}_{table}"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "household_progress",
        sa.Column("household_id", sa.Uuid(), nullable=False),
        sa.Column("demonstration_id", sa.Uuid(), nullable=False),
        sa.Column("friend_group_id", sa.Uuid(), nullable=False),
        sa.Column("verified_months", sa.Integer(), nullable=False),
        sa.Column("baseline_period", sa.String(length=7), nullable=False),
        sa.Column("latest_period", sa.String(length=7), nullable=False),
        sa.Column("baseline_total_income", sa.BigInteger(), nullable=True),
        sa.Column("latest_total_income", sa.BigInteger(), nullable=True),
        sa.Column("baseline_savings", sa.BigInteger(), nullable=True),
        sa.Column("latest_savings", sa.BigInteger(), nullable=True),
        sa.Column("baseline_debt", sa.BigInteger(), nullable=True),
        sa.Column("latest_debt", sa.BigInteger(), nullable=True),
        sa.Column("baseline_children_in_school", sa.BigInteger(), nullable=True),
        sa.Column("latest_children_in_school", sa.BigInteger(), nullable=True),
        sa.Column("baseline_help_given_count", sa.BigInteger(), nullable=True),
        sa.Column("latest_help_given_count", sa.BigInteger(), nullable=True),
        sa.Column("baseline_help_received_count", sa.BigInteger(), nullable=True),
        sa.Column("latest_help_received_count", sa.BigInteger(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("household_id", "households", "household_progress"),
        _fk("demonstration_id", "demonstrations", "household_progress"),
        _fk("friend_group_id", "friend_groups", "household_progress"),
        sa.PrimaryKeyConstraint("household_id", name=op.f("pk_household_progress")),
    )
    op.create_index(
        "ix_household_progress_demonstration", "household_progress", ["demonstration_id"]
    )
    op.create_table(
        "demonstration_month_stats",
        sa.Column("demonstration_id", sa.Uuid(), nullable=False),
        sa.Column("friend_group_id", sa.Uuid(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("verified_count", sa.Integer(), nullable=False),
        sa.Column("sum_total_income", sa.BigInteger(), nullable=False),
        sa.Column("sum_savings", sa.BigInteger(), nullable=False),
        sa.Column("sum_debt", sa.BigInteger(), nullable=False),
        sa.Column("sum_children_in_school", sa.BigInteger(), nullable=False),
        sa.Column("sum_help_given_count", sa.BigInteger(), nullable=False),
        sa.Column("sum_help_received_count", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        _fk("demonstration_id", "demonstrations", "demonstration_month_stats"),
        _fk("friend_group_id", "friend_groups", "demonstration_month_stats"),
        sa.PrimaryKeyConstraint(
            "demonstration_id",
            "friend_group_id",
            "period",
            name=op.f("pk_demonstration_month_stats"),
        ),
    )


def downgrade() -> None:
    op.drop_table("demonstration_month_stats")
    op.drop_index("ix_household_progress_demonstration", table_name="household_progress")
    op.drop_table("household_progress")
