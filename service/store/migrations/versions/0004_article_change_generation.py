"""a third data generation counter: changes to existing articles

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 22:00:00.000000

`articles` moves on every article write, inserts included; the new
`article_changes` moves only when an existing article row is updated or
deleted. A single article's answer depends on its own row, never on other
articles being submitted, so the response cache files it under
(stances, article_changes) and a stream of submissions no longer flushes it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

BUMP = "UPDATE data_generation SET article_changes = article_changes + 1 WHERE id = 1"


def upgrade() -> None:
    op.add_column(
        'data_generation', sa.Column('article_changes', sa.BigInteger(), nullable=False, server_default='0')
    )
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(
            "CREATE FUNCTION bump_article_changes_generation() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {BUMP}; RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER articles_change_generation AFTER UPDATE OR DELETE OR TRUNCATE "
            "ON articles FOR EACH STATEMENT EXECUTE FUNCTION bump_article_changes_generation()"
        )
        return
    for event in ('UPDATE', 'DELETE'):
        op.execute(
            f"CREATE TRIGGER articles_change_generation_{event.lower()} AFTER {event} ON articles "
            f"BEGIN {BUMP}; END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS articles_change_generation ON articles")
        op.execute("DROP FUNCTION IF EXISTS bump_article_changes_generation()")
    else:
        for event in ('update', 'delete'):
            op.execute(f"DROP TRIGGER IF EXISTS articles_change_generation_{event}")
    # A plain DROP COLUMN (SQLite >= 3.35): a batch copy-and-rename of the
    # table would trip over the 0003 triggers that name it.
    op.drop_column('data_generation', 'article_changes')
