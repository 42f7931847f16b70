"""Structured logs for the web and worker processes (structlog over the
standard library, so every library's log lines come out the same way).

JSON lines when STANCE_LOG_JSON is on and the output is not a terminal,
readable key=value lines in a terminal. Every line carries what is bound to
the current context: `request_id` in a request (taken from `X-Request-Id`
when the client sends a sane one, else made up, and echoed in the answer),
`article_id` in an analysis job.
"""

from __future__ import annotations

import logging
import re
import sys
import uuid

import structlog
from flask import Flask, Response, request

_REQUEST_ID = re.compile(r"[\w.:/+=-]{1,128}")
_configured: list[bool] = []


def configure_logging(json_lines: bool, level: int = logging.INFO) -> None:
    """Route stdlib logging through structlog's formatter (once per process)."""
    if _configured:
        return
    _configured.append(True)
    shared: list[structlog.typing.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer()
        if json_lines and not sys.stderr.isatty()
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    handler = logging.StreamHandler()
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared,
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                renderer,
            ],
        )
    )
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        cache_logger_on_first_use=True,
    )


def install_request_ids(app: Flask) -> None:
    """Bind a request id to every log line of a request and echo it in `X-Request-Id`."""

    @app.before_request
    def _bind() -> None:
        sent = request.headers.get("X-Request-Id", "")
        request_id = sent if _REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)

    @app.after_request
    def _echo(response: Response) -> Response:
        bound = structlog.contextvars.get_contextvars().get("request_id")
        if bound:
            response.headers["X-Request-Id"] = str(bound)
        return response
