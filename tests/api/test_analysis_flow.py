"""From POST /articles to stances, history and positions, through the queue
(immediate mode) and the real pipeline with a tiny random classifier."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from tests.api.analysis_fixtures import ARTICLE, create_catalogue


@pytest.fixture
def analysed(client: FlaskClient) -> dict[str, Any]:
    ids = create_catalogue(client)
    response = client.post("/api/v1/articles?wait=30", json=ARTICLE)
    assert response.status_code == 202
    assert response.headers["Location"] == f"/api/v1/articles/{response.json['id']}"
    ids["article"] = response.json["id"]
    return ids


def test_posted_article_is_analysed_with_evidence_offsets(
    client: FlaskClient, analysed: dict[str, Any]
) -> None:
    article = client.get(f"/api/v1/articles/{analysed['article']}").json
    assert article["status"] == "done", article["error"]
    assert article["language"] == "en"
    stances = article["stances"]
    assert stances, "the support-biased model keeps candidate pairs"
    actors = {s["actor"]["name"] for s in stances}
    assert {"Norway", "Sweden"} <= actors
    for stance in stances:
        assert stance["issue"]["id"] == analysed["issue"]
        assert stance["model"]["name"] == "tiny-random-stance"
        assert stance["label"] in {"support", "oppose", "neutral"}
        for evidence in stance["evidence"]:
            assert article["text"][evidence["start"] : evidence["end"]] == evidence["text"]


def test_minister_speaking_gives_her_state_a_record(client: FlaskClient, analysed: dict[str, Any]) -> None:
    by_actor = client.get(f"/api/v1/stances?actor={analysed['eriksen']}").json["items"]
    assert by_actor, "the quoted minister holds a stance"
    norway = client.get(f"/api/v1/stances?actor={analysed['norway']}").json["items"]
    assert norway


def test_same_url_or_text_returns_the_stored_article(client: FlaskClient, analysed: dict[str, Any]) -> None:
    again = client.post("/api/v1/articles", json=ARTICLE)
    assert again.status_code == 200
    assert again.json["id"] == analysed["article"]
    same_text = client.post("/api/v1/articles", json={"text": ARTICLE["text"] + "\n"})
    assert same_text.status_code == 200 and same_text.json["id"] == analysed["article"]
    assert len(client.get("/api/v1/articles").json["items"]) == 1


def test_stance_feed_filters_and_paginates_newest_first(
    client: FlaskClient, analysed: dict[str, Any]
) -> None:
    later = dict(
        ARTICLE,
        url="https://example.org/news/2",
        published_at="2022-01-10",
        text=ARTICLE["text"].replace("Thursday", "Monday"),
    )
    assert client.post("/api/v1/articles?wait=30", json=later).status_code == 202
    everything = client.get("/api/v1/stances?limit=500").json["items"]
    assert len(everything) >= 4
    times = [s["observed_at"] for s in everything]
    assert times == sorted(times, reverse=True)
    pages, cursor = [], None
    while True:
        query = "/api/v1/stances?limit=1" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(query).json
        pages += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == [s["id"] for s in everything]
    only_2022 = client.get("/api/v1/stances?from=2022-01-01").json["items"]
    assert only_2022 and all(s["observed_at"].startswith("2022") for s in only_2022)
    assert client.get("/api/v1/stances?source=Elsewhere").json["items"] == []
    for item in client.get(f"/api/v1/stances?actor={analysed['sweden']}&issue={analysed['issue']}").json[
        "items"
    ]:
        assert item["actor"]["id"] == analysed["sweden"]
        assert set(item["article"]) >= {"id", "title", "url", "published_at"}


def test_history_counts_match_the_records(client: FlaskClient, analysed: dict[str, Any]) -> None:
    history = client.get(f"/api/v1/actors/{analysed['norway']}/history?interval=year").json
    records = client.get(f"/api/v1/stances?actor={analysed['norway']}").json["items"]
    periods = history["periods"]
    assert sum(p["n"] for p in periods) == len(records)
    assert sorted(i for p in periods for i in p["record_ids"]) == sorted(r["id"] for r in records)
    period = periods[0]
    assert period["start"] == "2021-01-01" and period["end"] == "2022-01-01"
    counts = period["counts"]
    assert period["net"] == pytest.approx((counts["support"] - counts["oppose"]) / period["n"])


def test_positions_show_each_actors_latest_stance(client: FlaskClient, analysed: dict[str, Any]) -> None:
    positions = client.get(f"/api/v1/issues/{analysed['issue']}/positions").json
    actors = [p["actor"]["id"] for p in positions["positions"]]
    assert len(actors) == len(set(actors))
    assert analysed["norway"] in actors
    before = client.get(f"/api/v1/issues/{analysed['issue']}/positions?as_of=2020-12-31").json
    assert before["positions"] == []


def test_review_keeps_the_model_label(client: FlaskClient, analysed: dict[str, Any]) -> None:
    record = client.get(f"/api/v1/stances?actor={analysed['norway']}").json["items"][0]
    reviewed = client.patch(
        f"/api/v1/stances/{record['id']}",
        json={"label": "oppose", "reviewer": "ann", "note": "she opposes it"},
    )
    assert reviewed.status_code == 200
    body = reviewed.json
    assert body["label"] == "oppose"
    assert body["model_label"] == record["model_label"]
    assert body["review"]["reviewer"] == "ann"
    assert client.get(f"/api/v1/stances?actor={analysed['norway']}&stance=oppose").json["items"]
    bad = client.patch(f"/api/v1/stances/{record['id']}", json={"label": "maybe", "reviewer": "ann"})
    assert bad.status_code == 422
    assert client.get(f"/api/v1/stances/{record['id']}").json["label"] == "oppose"


def test_batch_reports_each_item(client: FlaskClient) -> None:
    create_catalogue(client)
    ndjson = "\n".join(
        [
            '{"text": "Norway opposes lethal aid to the rebels."}',
            '{"title": "no text"}',
            '{"text": "Norway opposes lethal aid to the rebels."}',
        ]
    )
    response = client.post("/api/v1/articles/batch", data=ndjson, content_type="application/x-ndjson")
    assert response.status_code == 200
    results = response.json["results"]
    assert [r["status"] for r in results] == [202, 422, 200]
    assert results[0]["article"]["id"] == results[2]["article"]["id"]
    assert "text" in results[1]["errors"]


def test_non_english_article_is_marked_unsupported(client: FlaskClient) -> None:
    text = (
        "Die Bundesregierung lehnt Waffenlieferungen an die Rebellen weiterhin ab, sagte der Sprecher "
        "am Donnerstag in Berlin. Man werde die Lage aber weiter beobachten und mit den Partnern sprechen."
    )
    response = client.post("/api/v1/articles?wait=30", json={"text": text})
    assert response.json["status"] == "unsupported"
    assert response.json["language"] == "de"
    assert "unsupported" in response.json["error"].lower()


def test_reanalysis_makes_new_current_records(client: FlaskClient, analysed: dict[str, Any]) -> None:
    again = client.post(f"/api/v1/articles/{analysed['article']}/reanalyse")
    assert again.status_code == 202
    article = client.get(f"/api/v1/articles/{analysed['article']}").json
    assert article["status"] == "done"
    # Re-analysis makes a new run; only the newest records are current.
    stance_ids = {s["id"] for s in article["stances"]}
    feed = {s["id"] for s in client.get("/api/v1/stances?limit=500").json["items"]}
    assert stance_ids == feed
