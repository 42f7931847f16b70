"""WSGI entry point for gunicorn: `gunicorn service.web.wsgi:app`."""

from service.web.app import create_app
from service.web.logs import configure_logging

app = create_app()
configure_logging(app.config["SETTINGS"].log_json)
