"""Request-line and header-size limits, answered as problem+json.

gunicorn refuses an over-long request line (414) or header (431) with its own
HTML page before the app sees the request. Its limits are raised
(`gunicorn_conf.py`: request lines up to 1 MiB, header fields up to 64 KiB)
so that these answers come from here instead, at the usual HTTP limits of
8,190 bytes, in the API's one error format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from service.web.errors import problem_response

MAX_REQUEST_LINE = 8190
MAX_HEADER_FIELD = 8190

WsgiApp = Callable[[dict[str, Any], Any], Iterable[bytes]]


def _request_line_length(environ: dict[str, Any]) -> int:
    target = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if not target:
        query = environ.get("QUERY_STRING", "")
        target = environ.get("PATH_INFO", "") + ("?" + query if query else "")
    return len(environ.get("REQUEST_METHOD", "")) + len(target) + len(" HTTP/1.1") + 1


def _longest_header(environ: dict[str, Any]) -> int:
    return max(
        (len(name) - 5 + len(str(value)) + 2 for name, value in environ.items() if name.startswith("HTTP_")),
        default=0,
    )


class RequestLimits:
    """WSGI layer in front of everything: 414 and 431 as problem+json."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        if _request_line_length(environ) > MAX_REQUEST_LINE:
            refusal = problem_response(
                414, "URI Too Long", f"The request line is over {MAX_REQUEST_LINE} bytes."
            )
        elif _longest_header(environ) > MAX_HEADER_FIELD:
            refusal = problem_response(
                431, "Request Header Fields Too Large", f"A request header is over {MAX_HEADER_FIELD} bytes."
            )
        else:
            return self.app(environ, start_response)
        return refusal(environ, start_response)
