"""Every answer carries an X-Request-Id: the client's own when it sent a sane
one, else one made up; log lines of the request carry the same id."""

from __future__ import annotations

import re

from flask.testing import FlaskClient


def test_a_sent_request_id_is_echoed(client: FlaskClient) -> None:
    response = client.get("/api/v1/health", headers={"X-Request-Id": "trace-42.a/b"})
    assert response.headers["X-Request-Id"] == "trace-42.a/b"


def test_a_missing_or_odd_request_id_is_replaced(client: FlaskClient) -> None:
    made_up = client.get("/api/v1/health").headers["X-Request-Id"]
    odd = client.get("/api/v1/health", headers={"X-Request-Id": "has spaces <and> tags" + "x" * 200})
    assert re.fullmatch(r"[0-9a-f]{32}", made_up)
    assert (
        re.fullmatch(r"[0-9a-f]{32}", odd.headers["X-Request-Id"]) and odd.headers["X-Request-Id"] != made_up
    )
    assert client.get("/api/v1/nowhere").headers["X-Request-Id"], "problem answers carry it too"
