"""The built-in dashboard: static HTML, JS and SVG served at `/`, talking only to
the public JSON API."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, send_from_directory

STATIC = Path(__file__).resolve().parent / "static"

blp = Blueprint("dashboard", __name__, static_folder=str(STATIC), static_url_path="/dashboard")


@blp.get("/")
def index() -> Response:
    """The dashboard page."""
    return send_from_directory(STATIC, "index.html", max_age=0)
