"""GET /actors?q= ranks the actor a user means first: exact name, exact alias,
prefixes, then anything containing the words; countries and organisations
before persons; pages follow the ranking."""

from __future__ import annotations

from flask.testing import FlaskClient


def _add(client: FlaskClient, name: str, kind: str, aliases: list[str] | None = None) -> None:
    response = client.post("/api/v1/actors", json={"name": name, "kind": kind, "aliases": aliases or []})
    assert response.status_code == 201


def _names(client: FlaskClient, url: str) -> list[str]:
    return [item["name"] for item in client.get(url).json["items"]]


def test_the_named_actor_comes_first(client: FlaskClient) -> None:
    _add(client, "Nationalities of the Russian Sfsr", "group")
    _add(client, "Russian Communist Workers Party", "organisation")
    _add(client, "Russia", "country", ["Russian Federation", "Kremlin", "Moscow"])
    _add(client, "Boris Russiansky", "person")
    _add(client, "United States Virgin Islands", "country")
    _add(client, "Barack Obama", "person", ["President of the United States"])
    _add(client, "United States", "country", ["US", "USA", "Washington"])

    assert _names(client, "/api/v1/actors?q=russia")[0] == "Russia"
    assert _names(client, "/api/v1/actors?q=united%20states")[:2] == [
        "United States",
        "United States Virgin Islands",
    ]
    assert _names(client, "/api/v1/actors?q=kremlin") == ["Russia"]
    assert _names(client, "/api/v1/actors?q=russian") == [
        "Russian Communist Workers Party",  # name prefix
        "Russia",  # alias prefix ("Russian Federation")
        "Nationalities of the Russian Sfsr",  # contains it: a group before a person
        "Boris Russiansky",
    ]
    assert _names(client, "/api/v1/actors?q=100%25") == []


def test_search_pages_follow_the_ranking(client: FlaskClient) -> None:
    for name in ("Norway", "Norwegian Refugee Council", "Norwegian Labour Party", "Olav Norway"):
        _add(client, name, "person" if name.startswith("Olav") else "organisation")
    _add(client, "Kingdom of Norway", "country", ["Norway Kingdom"])
    seen: list[str] = []
    url = "/api/v1/actors?q=norw&limit=2"
    while url:
        body = client.get(url).json
        seen += [item["name"] for item in body["items"]]
        url = f"/api/v1/actors?q=norw&limit=2&cursor={body['next_cursor']}" if body["next_cursor"] else ""

    assert seen == _names(client, "/api/v1/actors?q=norw&limit=50")
    assert len(seen) == len(set(seen)) == 5
    assert client.get("/api/v1/actors?q=norw&cursor=bm90LWEtY3Vyc29y").status_code == 400
