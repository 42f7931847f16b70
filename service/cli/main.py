"""The `stance-tracker` command: serve, worker, db, init, import-actors, eval,
train and the flask-smorest `openapi` commands."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from service.nlp.inputs import MAX_CONTEXT_CHARS
from service.web.app import create_app


@click.group(cls=FlaskGroup, create_app=create_app, add_version_option=False)
def cli() -> None:
    """stance-tracker: who stands where on which issue, with the evidence."""


def _database_url() -> str:
    return current_app.config["SETTINGS"].resolved_database_url  # type: ignore[no-any-return]


@cli.group()
def db() -> None:
    """Database migrations."""


@db.command("upgrade")
@click.argument("revision", default="head")
@with_appcontext
def db_upgrade(revision: str) -> None:
    """Migrate the schema up to REVISION (default: head)."""
    from service.store.migrate import upgrade

    upgrade(_database_url(), revision)
    click.echo(f"database at {revision}")


@db.command("downgrade")
@click.argument("revision")
@with_appcontext
def db_downgrade(revision: str) -> None:
    """Migrate the schema down to REVISION ("base" empties it)."""
    from service.store.migrate import downgrade

    downgrade(_database_url(), revision)
    click.echo(f"database at {revision}")


@cli.command("import-actors")
@click.option(
    "--file", "path", type=click.Path(exists=True, dir_okay=False), help="A catalogue .json or .json.gz"
)
@with_appcontext
def import_actors(path: str | None) -> None:
    """Import the default actor catalogue (or FILE); existing keys are kept."""
    from service.store.actors import import_catalogue
    from service.store.catalogue import load_catalogue_file, load_default_catalogue
    from service.store.db import db as database

    specs = load_catalogue_file(Path(path)) if path else load_default_catalogue()
    added = import_catalogue(database.session, specs)
    click.echo(f"{added} actors added ({len(specs)} in the catalogue)")


def initialise_database() -> None:
    """Migrate to head and load the default actors into an empty database."""
    from service.store.bootstrap import initialise_database as initialise

    added = initialise()
    if added:
        click.echo(f"{added} catalogue actors imported")


@cli.command("init")
@with_appcontext
def init() -> None:
    """Migrate the database and load the default actors into it when empty."""
    initialise_database()
    click.echo("ready")


@cli.command("worker")
@click.option(
    "--workers", "-w", type=int, default=None, help="Worker processes (default STANCE_WORKER_THREADS)"
)
def worker(workers: int | None) -> None:
    """Run the analysis worker (a huey consumer) until interrupted."""
    from service.worker.consumer import run_consumer

    run_consumer(workers)


@cli.command("serve", context_settings={"ignore_unknown_options": True})
@click.option("--init/--no-init", default=True, help="Migrate and load default actors first (default on)")
@click.argument("gunicorn_args", nargs=-1, type=click.UNPROCESSED)
@with_appcontext
def serve(init: bool, gunicorn_args: tuple[str, ...]) -> None:
    """Serve the API with gunicorn (extra arguments go to gunicorn)."""
    if init:
        initialise_database()
    _metrics_folder(current_app.config["SETTINGS"].data_dir)
    config = Path(__file__).resolve().parent.parent / "web" / "gunicorn_conf.py"
    argv = ["gunicorn", "-c", str(config), *gunicorn_args, "service.web.wsgi:app"]
    os.execvp(sys.executable, [sys.executable, "-m", *argv])


def _metrics_folder(data_dir: Path) -> None:
    """A fresh folder where gunicorn's processes keep their Prometheus counters
    (PROMETHEUS_MULTIPROC_DIR, unless the operator set one)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return
    folder = data_dir / "prometheus"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)


@cli.command("eval")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--json-out", type=click.Path(dir_okay=False), help="Also write the report as JSON")
@click.option(
    "--distractors",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="Another annotated set whose issues join the catalogue (not analysed); repeatable",
)
@click.option(
    "--without-keywords",
    is_flag=True,
    help="Send the issues without their keywords (name and description only)",
)
def evaluate(
    directory: str, json_out: str | None, distractors: tuple[str, ...], without_keywords: bool
) -> None:
    """Run the real service on an annotated set (seed format) and score it."""
    from service.cli.evaluate import EvalError, run_eval
    from service.evaluation.dataset import EvalSetError

    try:
        report_text, report = run_eval(
            Path(directory),
            distractors=tuple(Path(d) for d in distractors),
            keywords=not without_keywords,
        )
    except (EvalError, EvalSetError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(report_text)
    if json_out:
        Path(json_out).write_text(json.dumps(report, indent=2, default=str))


@cli.command("train")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(exists=True, file_okay=False),
    default="data/corpus",
    show_default=True,
    help="Folder with train.jsonl, dev.jsonl, test.jsonl (build data/corpus with scripts/corpus/build_real.py)",
)
@click.option(
    "--out",
    "output_dir",
    type=click.Path(file_okay=False),
    default="models/stance-minilm",
    show_default=True,
    help="Where the model folder is written",
)
@click.option("--epochs", type=int, default=4, show_default=True)
@click.option("--max-steps", type=int, default=None, help="Stop after this many steps (smoke runs)")
@click.option("--limit", type=int, default=None, help="Use only the first N examples of each split")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option(
    "--layers",
    type=int,
    default=None,
    help="Keep only N of the 6 layers (faster): the first N of the base, or N spread over the teacher's",
)
@click.option(
    "--teacher",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Distil from this trained model folder: start from its weights and learn its probabilities",
)
@click.option(
    "--init-from",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Continue from this trained model folder's weights (no distillation)",
)
@click.option(
    "--context-chars",
    type=click.IntRange(min=0),
    default=MAX_CONTEXT_CHARS,
    show_default=True,
    help="Preceding context read with the evidence (0: the sentence alone); stored in model_info.json",
)
@click.option(
    "--framing-consistency",
    type=click.FloatRange(min=0),
    default=0.0,
    show_default=True,
    help="Weight of the loss that makes an inverse framing read as the swap of the original (0: off)",
)
def train(
    data_dir: str,
    output_dir: str,
    epochs: int,
    max_steps: int | None,
    limit: int | None,
    seed: int,
    layers: int | None,
    teacher: str | None,
    init_from: str | None,
    context_chars: int,
    framing_consistency: float,
) -> None:
    """Fine-tune the stance cross-encoder (MiniLM base, sha256 checked) and
    print its metrics (see models/MODEL_CARD.md)."""
    from service.training import run_training

    metrics = run_training(
        Path(data_dir),
        Path(output_dir),
        epochs,
        max_steps,
        limit,
        seed,
        layers,
        Path(teacher) if teacher else None,
        Path(init_from) if init_from else None,
        context_chars,
        framing_consistency,
    )
    click.echo(json.dumps(metrics, indent=2, default=str))


from service.cli.transfer import transfer_commands  # noqa: E402  (registered after the group exists)

for _command in transfer_commands:
    cli.add_command(_command)

from service.cli.keys import keys  # noqa: E402

cli.add_command(keys)

from service.cli.ingest import ingest  # noqa: E402

cli.add_command(ingest)


def main() -> None:
    cli()
