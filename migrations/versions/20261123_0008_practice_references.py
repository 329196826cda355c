"""Practice references: a liaison message may point to a feed post; a highlight links stories.

SQLite adds or drops a named foreign key only by copying the table (batch mode), and with
foreign keys on, dropping the old `liaison_messages` would cascade into every delivery, reason
and reply that references it. So on SQLite those rows are set aside first and put back after.

Revision ID: 0008_practice_refs
Revises: 0007_progress
Create Date: 2026-11-23 21:00:00
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision: str = "0008_practice_refs"
down_revision: str | None = "0007_progress"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE_POST_FK = "fk_liaison_messages_practice_post_id_practice_posts"


def _referencing(table: str) -> list[str]:
    """Tables whose rows hang off `table`, directly or further down, parents before children."""
    inspector = sa.inspect(op.get_bind())
    parents = {
        name: {fk["referred_table"] for fk in inspector.get_foreign_keys(name)} - {name}
        for name in inspector.get_table_names()
    }
    found: set[str] = set()
    pending = [table]
    while pending:
        parent = pending.pop()
        for name, referred in parents.items():
            if parent in referred and name not in found and name != table:
                found.add(name)
                pending.append(name)
    ordered: list[str] = []
    while len(ordered) < len(found):
        ready = sorted(
            name for name in found - set(ordered) if not (parents[name] & found) - set(ordered)
        )
        if not ready:
            raise RuntimeError(f"foreign keys below {table} form a cycle")
        ordered.extend(ready)
    return ordered


@contextmanager
def _rows_kept_for(table: str) -> Iterator[None]:
    if op.get_bind().dialect.name != "sqlite":
        yield  # PostgreSQL alters the table in place
        return
    children = _referencing(table)
    # Table names come from the database's own schema, not from input.
    for child in children:
        op.execute(f'CREATE TEMP TABLE "_kept_{child}" AS SELECT * FROM "{child}"')  # noqa: S608
    yield
    for child in reversed(children):
        op.execute(f'DELETE FROM "{child}"')  # noqa: S608
    for child in children:
        op.execute(f'INSERT INTO "{child}" SELECT * FROM "_kept_{child}"')  # noqa: S608
        op.execute(f'DROP TABLE "_kept_{child}"')


def upgrade() -> None:
    with _rows_kept_for("liaison_messages"), op.batch_alter_table("liaison_messages") as batch:
        batch.add_column(sa.Column("practice_post_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(
            op.f(MESSAGE_POST_FK),
            "practice_posts",
            ["practice_post_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.create_table(
        "highlight_stories",
        sa.Column("highlight_id", sa.Uuid(), nullable=False),
        sa.Column("story_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["highlight_id"],
            ["highlights.id"],
            name=op.f("fk_highlight_stories_highlight_id_highlights"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_highlight_stories_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("highlight_id", "story_id", name=op.f("pk_highlight_stories")),
    )
    op.create_index(
        op.f("ix_highlight_stories_story_id"), "highlight_stories", ["story_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_highlight_stories_story_id"), table_name="highlight_stories")
    op.drop_table("highlight_stories")
    with _rows_kept_for("liaison_messages"), op.batch_alter_table("liaison_messages") as batch:
        batch.drop_constraint(op.f(MESSAGE_POST_FK), type_="foreignkey")
        batch.drop_column("practice_post_id")
