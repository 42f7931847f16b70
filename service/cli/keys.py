"""`stance-tracker keys create|list|revoke`: API key administration."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from service.web.auth import SCOPES


@click.group("keys")
def keys() -> None:
    """API keys (stored hashed; the secret is printed once, at creation)."""


@keys.command("create")
@click.option("--name", required=True, help="Who or what uses the key")
@click.option(
    "--scope", "scopes", multiple=True, type=click.Choice(SCOPES), default=("read",), show_default=True,
    help="Repeat for several scopes",
)  # fmt: skip
@click.option("--rate-limit", default=None, help='Override STANCE_RATE_LIMIT for this key, e.g. "10/second"')
@with_appcontext
def create(name: str, scopes: tuple[str, ...], rate_limit: str | None) -> None:
    """Create a key; prints only the secret on stdout (K=$(stance-tracker keys create ...))."""
    from limits import parse_many

    from service.store.db import db
    from service.web.auth import create_key

    if rate_limit:
        try:
            parse_many(rate_limit)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--rate-limit") from exc
    secret = create_key(db.session, name, scopes, rate_limit)
    click.echo(secret)
    click.echo(
        f"key {name!r} created with scopes {' '.join(scopes)}; store it now, it is not shown again", err=True
    )


@keys.command("list")
@with_appcontext
def list_() -> None:
    """List keys: id, name, prefix, scopes, rate limit, created, revoked."""
    from service.store.db import db
    from service.web.auth import list_keys

    for key in list_keys(db.session):
        revoked = key.revoked_at.isoformat(timespec="seconds") if key.revoked_at else "-"
        click.echo(
            f"{key.id}\t{key.name}\t{key.prefix}…\t{key.scopes}\t{key.rate_limit or '-'}\t"
            f"{key.created_at.isoformat(timespec='seconds')}\t{revoked}"
        )


@keys.command("revoke")
@click.argument("key_id", type=int)
@with_appcontext
def revoke(key_id: int) -> None:
    """Revoke the key with KEY_ID (from `keys list`); it stops working at once."""
    from service.store.db import db
    from service.web.auth import revoke_key

    if not revoke_key(db.session, key_id):
        raise click.ClickException(f"no live key with id {key_id}")
    click.echo(f"key {key_id} revoked")
