"""data generation counters, bumped by triggers, for the response cache

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 18:00:00.000000

One row, two counters: `stances` moves whenever stance records, their
evidence, analysis runs, actors, affiliations or issues change; `articles`
whenever an article row changes. Triggers (not application code) bump them,
so every writer (API, worker, CLI import, raw SQL, cascades) is covered.
PostgreSQL uses statement-level triggers (one bump per statement); SQLite
only has row-level ones. One row means one lock: writers cannot deadlock on it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

GROUPS = {
    'stances': ('stance_records', 'evidence', 'analysis_runs', 'actors', 'affiliations', 'issues'),
    'articles': ('articles',),
}


def upgrade() -> None:
    op.create_table(
        'data_generation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('stances', sa.BigInteger(), nullable=False),
        sa.Column('articles', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_data_generation')),
    )
    op.execute("INSERT INTO data_generation (id, stances, articles) VALUES (1, 0, 0)")
    postgres = op.get_bind().dialect.name == 'postgresql'
    for column, tables in GROUPS.items():
        bump = f"UPDATE data_generation SET {column} = {column} + 1 WHERE id = 1"
        if postgres:
            op.execute(
                f"CREATE FUNCTION bump_{column}_generation() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN {bump}; RETURN NULL; END $$"
            )
        for table in tables:
            if postgres:
                op.execute(
                    f"CREATE TRIGGER {table}_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                    f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION bump_{column}_generation()"
                )
                continue
            for event in ('INSERT', 'UPDATE', 'DELETE'):
                op.execute(
                    f"CREATE TRIGGER {table}_generation_{event.lower()} AFTER {event} ON {table} "
                    f"BEGIN {bump}; END"
                )


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == 'postgresql'
    for column, tables in GROUPS.items():
        for table in tables:
            if postgres:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_generation ON {table}")
            else:
                for event in ('insert', 'update', 'delete'):
                    op.execute(f"DROP TRIGGER IF EXISTS {table}_generation_{event}")
        if postgres:
            op.execute(f"DROP FUNCTION IF EXISTS bump_{column}_generation()")
    op.drop_table('data_generation')
