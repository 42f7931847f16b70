"""Making a database ready to serve: migrate to head, then load the default
actor catalogue into an empty actor table (`stance-tracker init`, `serve`,
and the throw-away instance of `stance-tracker eval`)."""

from __future__ import annotations

from flask import current_app

from service.store.actors import actor_count, import_catalogue
from service.store.catalogue import load_default_catalogue
from service.store.db import db
from service.store.migrate import upgrade


def initialise_database() -> int:
    """Migrate the current app's database to head and import the default
    actors when the table is empty; returns how many actors were added."""
    settings = current_app.config["SETTINGS"]
    upgrade(settings.resolved_database_url)
    if settings.load_default_actors and actor_count(db.session) == 0:
        return import_catalogue(db.session, load_default_catalogue())
    return 0
