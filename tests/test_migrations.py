"""Migrations 0003-0004: the data generation counters follow every write, whoever makes it, and
the migration goes down and up again cleanly (through the `db` CLI commands)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from click.testing import CliRunner

from service.cli.main import cli

ARTICLE_INSERT = (
    "INSERT INTO articles (title, text, content_hash, status, attempts, created_at, updated_at) "
    "VALUES ('t', 'x', :hash, 'queued', 0, :now, :now)"
)
ISSUE_INSERT = (
    "INSERT INTO issues (slug, name, description, keywords, created_at, updated_at) "
    "VALUES (:slug, :slug, '', '[]', :now, :now)"
)


def _generation(engine: sa.Engine) -> tuple[int, int, int]:
    """(stances, articles, article_changes)."""
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT stances, articles, article_changes FROM data_generation")).one()
    return row[0], row[1], row[2]


def _insert(engine: sa.Engine, sql: str, **params: object) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text(sql), params)


def test_triggers_bump_the_right_counter_for_raw_sql_writes(database_url: str) -> None:
    engine = sa.create_engine(database_url)
    now = datetime(2024, 1, 1)
    try:
        stances, articles, changes = _generation(engine)
        _insert(engine, ISSUE_INSERT, slug="tariffs", now=now)
        after_issue = _generation(engine)
        assert after_issue[0] > stances and after_issue[1:] == (articles, changes)
        _insert(
            engine,
            ARTICLE_INSERT,
            hash="a" * 64,
            now=now,
        )
        after_article = _generation(engine)
        # A new article moves `articles` only: existing articles' answers stay valid.
        assert after_article[0] == after_issue[0] and after_article[1] > articles
        assert after_article[2] == changes
        _insert(engine, "UPDATE articles SET status = 'failed' WHERE content_hash = :hash", hash="a" * 64)
        after_update = _generation(engine)
        assert after_update[1] > after_article[1] and after_update[2] > changes
        after_article = after_update
        _insert(
            engine,
            "INSERT INTO api_keys (name, prefix, key_hash, scopes, created_at) "
            "VALUES ('k', 'st_x', :hash, 'read', :now)",
            hash="b" * 64,
            now=now,
        )
        assert _generation(engine) == after_article
    finally:
        engine.dispose()


def test_generation_migration_goes_down_and_up(database_url: str) -> None:
    runner = CliRunner()
    env = {"STANCE_DATABASE_URL": database_url}
    down = runner.invoke(cli, ["db", "downgrade", "0003"], env=env)
    assert down.exit_code == 0, down.output
    engine = sa.create_engine(database_url)
    try:
        assert "article_changes" not in {c["name"] for c in sa.inspect(engine).get_columns("data_generation")}
        _insert(  # the 0004 triggers went with their column
            engine,
            ARTICLE_INSERT,
            hash="d" * 64,
            now=datetime(2024, 1, 1),
        )
        _insert(engine, "UPDATE articles SET status = 'failed'")
    finally:
        engine.dispose()
    down = runner.invoke(cli, ["db", "downgrade", "0002"], env=env)
    assert down.exit_code == 0, down.output
    engine = sa.create_engine(database_url)
    try:
        assert "data_generation" not in sa.inspect(engine).get_table_names()
        # No trigger is left behind to fail on the missing table.
        _insert(engine, ISSUE_INSERT, slug="quotas", now=datetime(2024, 1, 1))
    finally:
        engine.dispose()
    up = runner.invoke(cli, ["db", "upgrade"], env=env)
    assert up.exit_code == 0, up.output
    engine = sa.create_engine(database_url)
    try:
        assert _generation(engine) == (0, 0, 0)
    finally:
        engine.dispose()
