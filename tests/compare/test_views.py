"""Comparing actors through the API: aligned series, the discourse network
(JSON and GraphML) and stance changes, on a world whose labels were reviewed."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from tests.compare.world import World


def test_compare_aligns_two_actors_and_scores_agreement(world: World) -> None:
    ids = world.ids
    body = world.client.get(
        f"/api/v1/compare?actors={ids['norway']},{ids['sweden']}&issue={ids['issue']}&interval=month"
    ).json
    assert [a["id"] for a in body["actors"]] == [ids["norway"], ids["sweden"]]
    periods = body["periods"]
    assert [p["start"] for p in periods] == ["2021-03-01", "2021-05-01", "2021-09-01"]
    for period in periods:
        assert [v["actor_id"] for v in period["values"]] == [ids["norway"], ids["sweden"]]
    march, _, september = periods
    assert [v["label"] for v in march["values"]] == ["oppose", "support"]
    assert march["agreement"] == pytest.approx(0.0)
    assert [v["label"] for v in september["values"]] == ["support", "support"]
    assert september["agreement"] == pytest.approx(1.0)
    assert september["end"] == "2021-10-01"


def test_compare_window_and_missing_actor_periods(world: World) -> None:
    ids = world.ids
    query = f"actors={ids['norway']},{ids['eriksen']},{ids['sweden']}&issue={ids['issue']}&interval=year"
    body = world.client.get(f"/api/v1/compare?{query}&from=2021-04-01").json
    (year,) = body["periods"]
    assert year["start"] == "2021-01-01"
    norway, eriksen, sweden = year["values"]
    assert norway["n"] == 2 and norway["net"] == pytest.approx(0.0)
    assert eriksen["counts"]["oppose"] == 2
    assert sweden["counts"]["support"] == 2
    # pairs: N-E 1 - |0 - -1|/2 = .5, N-S .5, E-S 0 -> mean 1/3
    assert year["agreement"] == pytest.approx(1 / 3)


@pytest.mark.parametrize(
    "query, status",
    [("actors=1&issue=1", 422), ("actors=1,1&issue=1", 422), ("issue=1", 422), ("actors=1,2", 422)],
)
def test_compare_rejects_bad_queries(world: World, query: str, status: int) -> None:
    response = world.client.get(f"/api/v1/compare?{query}")
    assert response.status_code == status
    assert response.content_type == "application/problem+json"


def test_compare_unknown_actor_is_404(world: World) -> None:
    response = world.client.get(
        f"/api/v1/compare?actors={world.ids['norway']},999999&issue={world.ids['issue']}"
    )
    assert response.status_code == 404


def _tie(edges: list[dict[str, object]], a: int, b: int, kind: str) -> dict[str, object]:
    (tie,) = [e for e in edges if {e["source"], e["target"]} == {a, b} and e["kind"] == kind]
    return tie


def test_network_ties_actors_with_the_evidence_behind_them(world: World) -> None:
    ids = world.ids
    body = world.client.get(f"/api/v1/network?issues={ids['issue']}").json
    nodes = {n["id"]: n for n in body["nodes"]}
    assert nodes[ids["norway"]]["counts"] == {"support": 1, "oppose": 2, "neutral": 0}
    edges = body["edges"]
    conflict = _tie(edges, ids["norway"], ids["sweden"], "conflict")
    agreement = _tie(edges, ids["norway"], ids["sweden"], "agreement")
    assert conflict["weight"] == 2 and agreement["weight"] == 1
    assert _tie(edges, ids["norway"], ids["eriksen"], "agreement")["weight"] == 2
    assert _tie(edges, ids["sweden"], ids["eriksen"], "conflict")["weight"] == 3
    records = {r["id"]: r for r in world.records}
    backing = [records[i] for i in conflict["record_ids"]]
    assert {r["actor"]["id"] for r in backing} == {ids["norway"], ids["sweden"]}
    evidence = {e["id"] for r in backing for e in r["evidence"]}
    assert set(conflict["evidence_ids"]) == evidence and evidence


def test_network_window_narrows_the_ties(world: World) -> None:
    ids = world.ids
    body = world.client.get(f"/api/v1/network?issues={ids['issue']}&from=2021-09-01&to=2021-12-31").json
    kinds = {(e["source"], e["target"], e["kind"]) for e in body["edges"]}
    low, high = sorted((ids["norway"], ids["sweden"]))
    assert (low, high, "agreement") in kinds and (low, high, "conflict") not in kinds
    assert world.client.get("/api/v1/network?issues=999999").status_code == 404


def test_network_graphml_loads_in_networkx(world: World) -> None:
    ids = world.ids
    response = world.client.get(
        f"/api/v1/network?issues={ids['issue']}", headers={"Accept": "application/graphml+xml"}
    )
    assert response.status_code == 200
    assert response.mimetype == "application/graphml+xml"
    assert "Accept" in response.headers["Vary"]
    graph = nx.read_graphml(io.BytesIO(response.data))
    json_body = world.client.get(f"/api/v1/network?issues={ids['issue']}").json
    assert graph.number_of_nodes() == len(json_body["nodes"])
    assert graph.number_of_edges() == len(json_body["edges"])
    norway, sweden = f"a{ids['norway']}", f"a{ids['sweden']}"
    assert graph.nodes[norway]["name"] == "Norway" and graph.nodes[norway]["oppose"] == 2
    kinds = {data["kind"]: data for data in graph.get_edge_data(norway, sweden).values()}
    assert kinds["conflict"]["weight"] == 2
    expected = _tie(json_body["edges"], ids["norway"], ids["sweden"], "conflict")["evidence_ids"]
    assert kinds["conflict"]["evidence_ids"] == ",".join(map(str, expected))


def test_changes_give_the_evidence_before_and_after(world: World) -> None:
    ids = world.ids
    body = world.client.get(f"/api/v1/actors/{ids['norway']}/changes?issue={ids['issue']}").json
    assert body["actor"]["name"] == "Norway"
    (change,) = body["changes"]
    assert (change["from_label"], change["to_label"]) == ("oppose", "support")
    assert change["at"].startswith("2021-09-20")
    assert change["before"]["observed_at"].startswith("2021-05-10")
    assert change["before"]["label"] == "oppose" and change["after"]["label"] == "support"
    assert change["after"]["evidence"] and change["before"]["evidence"]
    assert change["after"]["article"]["id"] == ids["articles"][2]
    steady = world.client.get(f"/api/v1/actors/{ids['sweden']}/changes").json
    assert steady["changes"] == []
    assert world.client.get(f"/api/v1/actors/{ids['norway']}/changes?from=2021-06-01").json["changes"] == []
    assert world.client.get("/api/v1/actors/999999/changes").status_code == 404
