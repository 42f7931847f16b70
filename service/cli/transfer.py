"""The `export-stances` and `import-stances` commands: backup and restore via NDJSON."""

from __future__ import annotations

from typing import IO

import click
from flask.cli import with_appcontext

FORMATS = ("ndjson", "csv")


@click.command("export-stances")
@click.option("--format", "kind", type=click.Choice(FORMATS), default="ndjson", show_default=True)
@click.option(
    "--output", "-o", type=click.File("w", encoding="utf-8"), default="-", help="File (default stdout)"
)
@with_appcontext
def export_stances(kind: str, output: IO[str]) -> None:
    """Write every stance record with its provenance (NDJSON also holds articles and issues)."""
    from service.store.db import db
    from service.transfer.export import ExportFilter, csv_lines, ndjson_lines

    for line in (csv_lines if kind == "csv" else ndjson_lines)(db.session, ExportFilter()):
        output.write(line)


@click.command("import-stances")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@with_appcontext
def import_stances(source: IO[str]) -> None:
    """Restore an NDJSON export (FILE or - for stdin); ids are kept in an empty database."""
    from service.store.db import db
    from service.transfer.restore import RestoreError, restore

    try:
        report = restore(db.session, source)
    except RestoreError as exc:
        raise click.ClickException(str(exc)) from exc
    added = ", ".join(f"{n} {table}" for table, n in report.counts.items())
    click.echo(f"restored {added}; {report.skipped_articles} articles already present")
    click.echo("ids kept" if report.kept_ids else "new ids assigned (the database was not empty)")


transfer_commands = (export_stances, import_stances)
