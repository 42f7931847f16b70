"""Issues and actors through HTTP: create, list, search, edit, validation."""

from __future__ import annotations

from flask.testing import FlaskClient

PROBLEM = "application/problem+json"


def test_issue_is_created_listed_read_and_edited(client: FlaskClient) -> None:
    created = client.post(
        "/api/v1/issues",
        json={
            "name": "Arming the rebels",
            "description": "support = favours arming",
            "keywords": ["lethal aid"],
        },
    )
    assert created.status_code == 201
    issue = created.json
    assert issue["slug"] == "arming-the-rebels"
    assert created.headers["Location"] == f"/api/v1/issues/{issue['id']}"

    assert [i["id"] for i in client.get("/api/v1/issues").json["items"]] == [issue["id"]]
    patched = client.patch(f"/api/v1/issues/{issue['id']}", json={"keywords": ["arms embargo"]})
    assert patched.status_code == 200
    assert client.get(f"/api/v1/issues/{issue['id']}").json["keywords"] == ["arms embargo"]


def test_duplicate_issue_slug_is_a_conflict(client: FlaskClient) -> None:
    assert client.post("/api/v1/issues", json={"name": "Brexit"}).status_code == 201
    again = client.post("/api/v1/issues", json={"name": "Brexit"})
    assert again.status_code == 409
    assert again.content_type == PROBLEM
    assert len(client.get("/api/v1/issues").json["items"]) == 1


def test_actor_search_finds_aliases_and_affiliations_point_to_parents(client: FlaskClient) -> None:
    russia = client.post(
        "/api/v1/actors", json={"name": "Russia", "kind": "country", "aliases": ["Moscow", "the Kremlin"]}
    ).json
    lavrov = client.post(
        "/api/v1/actors",
        json={
            "name": "Sergei Lavrov",
            "kind": "person",
            "aliases": ["Lavrov"],
            "affiliations": [{"parent_id": russia["id"], "role": "minister", "valid_from": "2004-03-09"}],
        },
    )
    assert lavrov.status_code == 201
    body = lavrov.json
    assert body["affiliations"][0]["parent"] == {"id": russia["id"], "name": "Russia"}
    assert body["affiliations"][0]["valid_from"] == "2004-03-09"

    found = client.get("/api/v1/actors?q=kremlin").json["items"]
    assert [a["name"] for a in found] == ["Russia"]
    for actor in found:
        assert {"name", "kind", "aliases"} <= set(actor)


def test_actor_pages_follow_the_cursor(client: FlaskClient) -> None:
    for n in range(5):
        client.post("/api/v1/actors", json={"name": f"Actor {n}", "kind": "group"})
    first = client.get("/api/v1/actors?limit=2").json
    second = client.get(f"/api/v1/actors?limit=2&cursor={first['next_cursor']}").json
    third = client.get(f"/api/v1/actors?limit=2&cursor={second['next_cursor']}").json
    names = [a["name"] for page in (first, second, third) for a in page["items"]]
    assert names == [f"Actor {n}" for n in (4, 3, 2, 1, 0)]
    assert third["next_cursor"] is None


def test_actor_patch_corrects_name_and_aliases(client: FlaskClient) -> None:
    actor = client.post("/api/v1/actors", json={"name": "Hamas", "kind": "group"}).json
    patched = client.patch(f"/api/v1/actors/{actor['id']}", json={"aliases": ["Harakat al-Muqawama"]})
    assert patched.status_code == 200
    assert client.get("/api/v1/actors?q=muqawama").json["items"][0]["id"] == actor["id"]


def test_bad_actor_input_is_rejected_and_nothing_is_stored(client: FlaskClient) -> None:
    cases = [
        {"name": "X"},
        {"name": "X", "kind": "planet"},
        {"name": "", "kind": "person"},
        {"name": "X", "kind": "person", "aliases": "not a list"},
        {"name": "X", "kind": "person", "affiliations": [{"parent_id": 999, "role": "minister"}]},
        {"name": "X", "kind": "person", "affiliations": [{"parent_id": 1, "role": "king"}]},
        {"name": "X", "kind": "person", "colour": "red"},
    ]
    for body in cases:
        response = client.post("/api/v1/actors", json=body)
        assert response.status_code == 422, body
        assert response.content_type == PROBLEM
        assert response.json["errors"]["json"]
    assert client.get("/api/v1/actors").json["items"] == []


def test_affiliation_dates_must_be_in_order(client: FlaskClient) -> None:
    state = client.post("/api/v1/actors", json={"name": "France", "kind": "country"}).json
    response = client.post(
        "/api/v1/actors",
        json={
            "name": "A Minister",
            "kind": "person",
            "affiliations": [
                {
                    "parent_id": state["id"],
                    "role": "minister",
                    "valid_from": "2020-01-01",
                    "valid_to": "2019-01-01",
                }
            ],
        },
    )
    assert response.status_code == 422
    assert response.json["errors"]["json"]["affiliations"]["0"]["valid_to"]


def test_issues_come_in_pages_like_every_collection(client: FlaskClient) -> None:
    ids = [client.post("/api/v1/issues", json={"name": f"issue {n}"}).json["id"] for n in range(5)]
    seen: list[int] = []
    url = "/api/v1/issues?limit=2"
    while url:
        body = client.get(url).json
        assert set(body) == {"items", "next_cursor"}
        seen += [item["id"] for item in body["items"]]
        url = f"/api/v1/issues?limit=2&cursor={body['next_cursor']}" if body["next_cursor"] else ""
    assert seen == ids
    assert client.get("/api/v1/issues?q=issue%203").json["items"][0]["id"] == ids[3]
    assert client.get("/api/v1/issues?q=100%25").json["items"] == []
