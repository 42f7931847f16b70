"""ETag / If-None-Match on the read endpoints, and their OpenAPI documentation."""

from __future__ import annotations

from pathlib import Path

from service.web.app import create_app
from tests.compare.databases import app_settings, fresh_database
from tests.compare.world import World


def test_read_endpoints_answer_304_while_nothing_changed(world: World) -> None:
    ids = world.ids
    for path in (
        "/api/v1/issues",
        f"/api/v1/compare?actors={ids['norway']},{ids['sweden']}&issue={ids['issue']}",
        f"/api/v1/network?issues={ids['issue']}",
        f"/api/v1/actors/{ids['norway']}/changes",
        f"/api/v1/issues/{ids['issue']}/positions",
    ):
        first = world.client.get(path)
        etag = first.headers["ETag"]
        assert first.status_code == 200 and first.headers["Cache-Control"] == "no-cache"
        again = world.client.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304, path
        assert again.data == b"" and again.headers["ETag"] == etag
        other = world.client.get(path, headers={"If-None-Match": '"something-else"'})
        assert other.status_code == 200 and other.data == first.data


def test_graphml_and_json_have_different_etags(world: World) -> None:
    path = f"/api/v1/network?issues={world.ids['issue']}"
    as_json = world.client.get(path).headers["ETag"]
    graphml = world.client.get(path, headers={"Accept": "application/graphml+xml"})
    assert graphml.headers["ETag"] != as_json
    assert world.client.get(path, headers={"If-None-Match": as_json}).status_code == 304


def test_a_change_gives_a_new_etag(tmp_path: Path, tiny_model_dir: Path) -> None:
    with fresh_database("sqlite", tmp_path, postgres_ok=False) as url:
        client = create_app(app_settings(url, tmp_path, tiny_model_dir)).test_client()
        first = client.get("/api/v1/issues")
        assert (
            client.get("/api/v1/issues", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
        )
        assert client.post("/api/v1/issues", json={"name": "etag probe"}).status_code == 201
        changed = client.get("/api/v1/issues", headers={"If-None-Match": first.headers["ETag"]})
        assert changed.status_code == 200 and changed.headers["ETag"] != first.headers["ETag"]


def test_openapi_documents_the_new_endpoints_and_conditional_gets(world: World) -> None:
    spec = world.client.get("/api/v1/openapi.json").json
    for path in (
        "/api/v1/compare",
        "/api/v1/network",
        "/api/v1/actors/{actor_id}/changes",
        "/api/v1/export/stances",
    ):
        assert path in spec["paths"]
    get = spec["paths"]["/api/v1/compare"]["get"]
    assert {"$ref": "#/components/parameters/IfNoneMatch"} in get["parameters"]
    assert "304" in get["responses"] and "ETag" in get["responses"]["200"]["headers"]
    network = spec["paths"]["/api/v1/network"]["get"]["responses"]["200"]["content"]
    assert {"application/json", "application/graphml+xml"} <= set(network)
    export = spec["paths"]["/api/v1/export/stances"]["get"]
    assert "304" not in export["responses"]
    assert {"application/x-ndjson", "text/csv"} <= set(export["responses"]["200"]["content"])
