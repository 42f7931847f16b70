"""Documents with a speaker through the API: `kind` and `speakers` on
submission, first-person sentences held by the speaker and the body they
speak for, a speaker detected from the text, and bad speaker input refused."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask.testing import FlaskClient

from tests.api.analysis_fixtures import ISSUE

TESTIMONY = (
    "Statement on lethal aid to the rebels\n\n"
    "Thank you, Chairman, for the invitation to testify today.\n\n"
    "I strongly support arming the rebels, and I urge the Committee to back the plan to supply weapons.\n\n"
    "We believe lethal aid to the rebels is the only way to protect civilians.\n\n"
    "Table 1: Weapons deliveries by quarter, 2021 (tonnes)\n\n"
    "Thank you. I am happy to answer your questions."
)
SELF_DESCRIBED = (
    "Testimony before the Subcommittee\n\n"
    "My name is Dana Whitfield, and I am the President of the Coalition for Safe Borders. "
    "Our members strongly oppose arming the rebels.\n\n"
    "I believe that lethal aid to the rebels would only prolong the war."
)


def _stance_holders(client: FlaskClient, article_id: int) -> set[str]:
    article = client.get(f"/api/v1/articles/{article_id}").json
    assert article["status"] == "done", article["error"]
    return {stance["actor"]["name"] for stance in article["stances"]}


def test_a_testimony_with_a_named_speaker_is_held_by_the_speaker_and_the_agency(client: FlaskClient) -> None:
    client.post("/api/v1/issues", json=ISSUE)
    body = {
        "text": TESTIMONY,
        "published_at": "2021-05-04",
        "kind": "testimony",
        "speakers": [
            {"name": "Rosa Lindqvist", "organisation": "Agency for Arms Control", "role": "Administrator"}
        ],
    }

    response = client.post("/api/v1/articles?wait=30", json=body)

    assert response.status_code == 202
    article = response.json
    assert article["kind"] == "testimony"
    (speaker,) = article["speakers"]
    assert speaker["actor"]["name"] == "Rosa Lindqvist"
    assert speaker["organisation"]["name"] == "Agency for Arms Control"
    assert speaker["role"] == "Administrator"
    holders = _stance_holders(client, article["id"])
    assert {"Rosa Lindqvist", "Agency for Arms Control"} <= holders
    stances = client.get(f"/api/v1/articles/{article['id']}").json["stances"]
    (own,) = [s for s in stances if s["actor"]["name"] == "Rosa Lindqvist"]
    assert {e["text"] for e in own["evidence"]} <= {
        "I strongly support arming the rebels, and I urge the Committee to back the plan to supply weapons.",
        "We believe lethal aid to the rebels is the only way to protect civilians.",
    }
    assert not any("Table" in name or "tonnes" in name for name in holders)
    person = client.get(f"/api/v1/actors/{speaker['actor']['id']}").json
    assert person["kind"] == "person"
    (affiliation,) = person["affiliations"]
    assert affiliation["role"] == "official"
    assert affiliation["valid_from"] == affiliation["valid_to"] == "2021-05-04"


def test_a_speaker_given_by_id_is_the_stored_actor(client: FlaskClient) -> None:
    client.post("/api/v1/issues", json=ISSUE)
    senator = client.post("/api/v1/actors", json={"name": "Mark Ellison", "kind": "person"}).json
    body = {
        "text": TESTIMONY,
        "kind": "testimony",
        "speakers": [{"actor_id": senator["id"], "role": "Senator"}],
    }

    article = client.post("/api/v1/articles?wait=30", json=body).json

    assert article["speakers"][0]["actor"] == {"id": senator["id"], "name": "Mark Ellison"}
    assert "Mark Ellison" in _stance_holders(client, article["id"])
    assert client.get(f"/api/v1/actors/{senator['id']}").json["affiliations"] == []


def test_a_speaker_is_found_in_the_text_when_none_is_given(client: FlaskClient) -> None:
    client.post("/api/v1/issues", json=ISSUE)

    article = client.post("/api/v1/articles?wait=30", json={"text": SELF_DESCRIBED}).json

    assert article["kind"] == "news" and article["speakers"] is None
    assert {"Dana Whitfield", "Coalition for Safe Borders"} <= _stance_holders(client, article["id"])


def test_an_interviews_answers_go_to_the_interviewee(client: FlaskClient) -> None:
    client.post("/api/v1/issues", json=ISSUE)
    text = (
        "Sam Ortega: Do you think the government was right to back arming the rebels?\n\n"
        "Lena Brandt: No. Lethal aid to the rebels would only prolong the war.\n\n"
        "Sam Ortega: And the plan to supply weapons?\n\n"
        "Lena Brandt: I oppose the plan to supply weapons to the rebels."
    )

    article = client.post("/api/v1/articles?wait=30", json={"text": text, "kind": "interview"}).json

    assert _stance_holders(client, article["id"]) == {"Lena Brandt"}


def test_news_without_a_speaker_gives_first_person_words_to_nobody(client: FlaskClient) -> None:
    client.post("/api/v1/issues", json=ISSUE)
    text = "I strongly support arming the rebels.\n\nWe believe lethal aid to the rebels protects civilians."

    article = client.post("/api/v1/articles?wait=30", json={"text": text}).json

    assert _stance_holders(client, article["id"]) == set()


def _refused(client: FlaskClient, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/api/v1/articles", json=body)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    return response.json  # type: ignore[no-any-return]


def test_bad_kind_or_speakers_are_refused_and_nothing_is_written(client: FlaskClient) -> None:
    actors_before = client.get("/api/v1/actors").json["items"]
    _refused(client, {"text": TESTIMONY, "kind": "sermon"})
    _refused(client, {"text": TESTIMONY, "speakers": [{"role": "Administrator"}]})
    _refused(client, {"text": TESTIMONY, "speakers": [{"actor_id": 1, "name": "Two Ways"}]})
    problem = _refused(
        client,
        {"text": TESTIMONY, "speakers": [{"name": "New Person"}, {"actor_id": 987654, "role": "Chair"}]},
    )
    assert "987654" in problem["detail"]
    assert client.get("/api/v1/articles").json["items"] == []
    assert client.get("/api/v1/actors").json["items"] == actors_before, "no speaker was created"


def test_batch_items_with_bad_speakers_fail_alone(client: FlaskClient) -> None:
    items = [
        {"text": TESTIMONY, "kind": "testimony", "speakers": [{"name": "Rosa Lindqvist"}]},
        {"text": SELF_DESCRIBED, "speakers": [{"actor_id": 987654}]},
    ]

    results = client.post("/api/v1/articles/batch", json=items).json["results"]

    assert [r["status"] for r in results] == [202, 422]
    assert results[0]["article"]["kind"] == "testimony"
    assert "987654" in results[1]["errors"]["speakers"][0]


def test_kind_and_speakers_survive_export_and_restore(client: FlaskClient, app: Any, tmp_path: Any) -> None:
    from service.cli.transfer import import_stances
    from service.store.db import db

    client.post("/api/v1/issues", json=ISSUE)
    body = {
        "text": TESTIMONY,
        "kind": "testimony",
        "speakers": [
            {"name": "Rosa Lindqvist", "organisation": "Agency for Arms Control", "role": "Administrator"}
        ],
    }
    client.post("/api/v1/articles?wait=30", json=body)
    exported = client.get("/api/v1/export/stances").data
    article_line = next(line for line in exported.decode().splitlines() if '"type":"article"' in line)
    assert '"kind":"testimony"' in article_line and "Rosa Lindqvist" in article_line

    with app.app_context():  # the same instance, emptied of articles, takes the export back
        db.session.execute(sa.text("DELETE FROM articles"))
        db.session.commit()
    path = tmp_path / "export.ndjson"
    path.write_bytes(exported)
    assert app.test_cli_runner().invoke(import_stances, [str(path)]).exit_code == 0

    (restored,) = client.get("/api/v1/articles").json["items"]
    assert restored["kind"] == "testimony"
    assert restored["speakers"][0]["actor"]["name"] == "Rosa Lindqvist"
    assert restored["speakers"][0]["role"] == "Administrator"
