"""Migration 0003: the data generation counters follow every write, whoever makes it, and
the migration goes down and up again cleanly (through the `db` CLI commands)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from click.testing import CliRunner

from service.cli import cli

ISSUE_INSERT = (
    "INSERT INTO issues (slug, name, description, keywords, created_at, updated_at) "
    "VALUES (:slug, :slug, '', '[]', :now, :now)"
)


def _generation(engine: sa.Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        stances, articles = conn.execute(sa.text("SELECT stances, articles FROM data_generation")).one()
    return stances, articles


def _insert(engine: sa.Engine, sql: str, **params: object) -> None:
    with engine.begin() as conn:
        conn.execute(sa.text(sql), params)


def test_triggers_bump_the_right_counter_for_raw_sql_writes(database_url: str) -> None:
    engine = sa.create_engine(database_url)
    now = datetime(2024, 1, 1)
    try:
        stances, articles = _generation(engine)
        _insert(engine, ISSUE_INSERT, slug="tariffs", now=now)
        after_issue = _generation(engine)
        assert after_issue[0] > stances and after_issue[1] == articles
        _insert(
            engine,
            "INSERT INTO articles (title, text, content_hash, status, attempts, created_at, updated_at) "
            "VALUES ('t', 'x', :hash, 'queued', 0, :now, :now)",
            hash="a" * 64,
            now=now,
        )
        after_article = _generation(engine)
        assert after_article[0] == after_issue[0] and after_article[1] > articles
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
        assert _generation(engine) == (0, 0)
    finally:
        engine.dispose()
