"""A small world for the comparison tests: three dated articles on arming the
rebels, one re-analysed, one unsupported, and labels fixed by review."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask.testing import FlaskClient

from tests.api.analysis_fixtures import ARTICLE, create_catalogue

DATES = ("2021-03-04", "2021-05-10", "2021-09-20")
DAYS = ("Thursday", "Monday", "Tuesday")

# The label a reviewer gives each actor's record per article date; others neutral.
REVIEWED = {
    "Norway": {"2021-03-04": "oppose", "2021-05-10": "oppose", "2021-09-20": "support"},
    "Sweden": {"2021-03-04": "support", "2021-05-10": "support", "2021-09-20": "support"},
    "Ine Eriksen": {"2021-03-04": "oppose", "2021-05-10": "oppose", "2021-09-20": "oppose"},
}

GERMAN = (
    "Die Bundesregierung lehnt Waffenlieferungen an die Rebellen weiterhin ab, sagte der Sprecher "
    "am Donnerstag in Berlin. Man werde die Lage aber weiter beobachten und mit den Partnern sprechen."
)


@dataclass
class World:
    client: FlaskClient
    ids: dict[str, Any]
    records: list[dict[str, Any]]


def dated_article(index: int) -> dict[str, Any]:
    return dict(
        ARTICLE,
        url=f"https://example.org/news/lethal-aid-{index}",
        published_at=DATES[index],
        text=ARTICLE["text"].replace("Thursday", DAYS[index]),
    )


def build_world(client: FlaskClient) -> World:
    """Post the articles through the API, re-analyse one, review every record."""
    ids = create_catalogue(client)
    ids["articles"] = []
    for index in range(len(DATES)):
        response = client.post("/api/v1/articles?wait=30", json=dated_article(index))
        assert response.status_code == 202, response.json
        ids["articles"].append(response.json["id"])
    assert client.post(f"/api/v1/articles/{ids['articles'][0]}/reanalyse").status_code == 202
    unsupported = client.post("/api/v1/articles?wait=30", json={"text": GERMAN, "title": "Ohne Waffen"})
    assert unsupported.json["status"] == "unsupported"
    records = client.get("/api/v1/stances?limit=500").json["items"]
    for record in records:
        day = record["observed_at"][:10]
        label = REVIEWED.get(record["actor"]["name"], {}).get(day, "neutral")
        reviewed = client.patch(f"/api/v1/stances/{record['id']}", json={"label": label, "reviewer": "ann"})
        assert reviewed.status_code == 200
    by_actor = {(r["actor"]["name"], r["observed_at"][:10]) for r in records}
    for name, days in REVIEWED.items():
        assert {(name, day) for day in days} <= by_actor, f"the pipeline found {name} in every article"
    return World(client, ids, client.get("/api/v1/stances?limit=500").json["items"])
