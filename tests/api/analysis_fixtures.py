"""An article, issues and actors written for the analysis-flow tests."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

ARTICLE = {
    "title": "Ministers split over lethal aid to rebels",
    "url": "https://example.org/news/lethal-aid",
    "source": "Test Wire",
    "published_at": "2021-03-04",
    "text": (
        "Ministers split over lethal aid to rebels\n\n"
        "OSLO (Test Wire) - Norway strongly opposes sending lethal aid to the rebels, "
        "Foreign Minister Ine Eriksen said on Thursday.\n\n"
        "\u201cArming the rebels would only prolong the war,\u201d she said.\n\n"
        "Sweden has backed a plan to supply weapons to the rebels, and Stockholm said it "
        "would push the proposal at the summit."
    ),
}

ISSUE = {
    "name": "arming the rebels",
    "description": "Supplying weapons or lethal aid to rebel forces. support = favours arming; oppose = against.",
    "keywords": ["lethal aid", "arming the rebels", "supply weapons"],
}


def create_catalogue(client: FlaskClient) -> dict[str, Any]:
    """Issues and actors through the API, as a user would; returns their ids."""
    issue = client.post("/api/v1/issues", json=ISSUE).json
    norway = client.post(
        "/api/v1/actors", json={"name": "Norway", "kind": "country", "aliases": ["Oslo", "Norwegian"]}
    ).json
    sweden = client.post(
        "/api/v1/actors", json={"name": "Sweden", "kind": "country", "aliases": ["Stockholm", "Swedish"]}
    ).json
    eriksen = client.post(
        "/api/v1/actors",
        json={
            "name": "Ine Eriksen",
            "kind": "person",
            "aliases": ["Eriksen"],
            "affiliations": [{"parent_id": norway["id"], "role": "minister", "valid_from": "2017-10-20"}],
        },
    ).json
    return {"issue": issue["id"], "norway": norway["id"], "sweden": sweden["id"], "eriksen": eriksen["id"]}
