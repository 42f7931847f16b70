"""Schemathesis hooks of the conformance runs (`api_spec/schemathesis.toml`).

Every check runs. Two hooks keep them judging the API by its documented
behaviour, and nothing else:

- `before_call`: a fresh `Idempotency-Key` for every request that sends a
  valid one, as a real client does. Schemathesis would otherwise send one
  generated key (say "0") with different bodies, which the API answers with
  the documented 422 "reused for another request". Invalid keys (empty, too
  long) are left as generated, so their rejection is still tested.
- `filter_failure`: drops documented refusals that a schema cannot express,
  each recognised by its status and every one of its messages, never a
  whole check or operation:
  a page cursor the API did not issue (400 "Invalid cursor."; a cursor is
  opaque, and the document says to pass the previous page's next_cursor);
  a 422 whose every message is a rule between fields or rows (an actor or
  issue id that does not exist, valid_from after valid_to, both
  organisation_id and organisation: each stated in the document's
  descriptions); and a batch whose invalid items are refused one by one
  (200 with a 422 result for the item, the documented batch semantics).
Dropped failures are counted in schemathesis's summary.
"""

from __future__ import annotations

import itertools
import json
import re
from typing import Any

import schemathesis

HEADER = "Idempotency-Key"
_serial = itertools.count(1)
CROSS_FIELD_RULES = re.compile(
    r"no (actor|issue) with id \d+|valid_from is after valid_to|at most one of organisation_id and organisation",
    re.IGNORECASE,
)


@schemathesis.hook
def before_call(context: schemathesis.HookContext, case: schemathesis.Case, kwargs: dict[str, Any]) -> None:
    headers = case.headers or {}
    key = headers.get(HEADER)
    if isinstance(key, str) and 1 <= len(key) <= 255:
        headers[HEADER] = f"conformance-{next(_serial)}"


def _json(response: Any) -> Any:
    try:
        return json.loads(response.content or b"null")
    except ValueError:
        return None


def _messages(errors: Any) -> Any:
    """Every message of a webargs error tree ({"json": {"field": ["..."]}})."""
    if isinstance(errors, str):
        yield errors
    elif isinstance(errors, dict):
        for value in errors.values():
            yield from _messages(value)
    elif isinstance(errors, list):
        for value in errors:
            yield from _messages(value)


def _documented_refusal(failure: Any, case: Any, response: Any) -> bool:
    body = _json(response)
    if failure.code == "ST202" and response.status_code == 400 and isinstance(body, dict):
        return body.get("detail") == "Invalid cursor."
    if failure.code == "ST202" and response.status_code == 422 and isinstance(body, dict):
        messages = list(_messages(body.get("errors"))) or [str(body.get("detail", ""))]
        return all(CROSS_FIELD_RULES.search(message) for message in messages)
    if (
        failure.code == "ST201"
        and response.status_code == 200
        and case.operation.label == "POST /api/v1/articles/batch"
    ):
        results = body.get("results", []) if isinstance(body, dict) else []
        return any(result.get("status") == 422 for result in results)
    return False


@schemathesis.hook
def filter_failure(context: schemathesis.HookContext, failure: Any, case: Any, response: Any) -> bool:
    return not _documented_refusal(failure, case, response)
