"""Writing a discourse network as GraphML (readable by networkx, Gephi, visone)."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

GRAPHML_MEDIA_TYPE = "application/graphml+xml"
NS = "http://graphml.graphdrawing.org/xmlns"

NODE_KEYS = (
    ("name", "string"),
    ("kind", "string"),
    ("support", "int"),
    ("oppose", "int"),
    ("neutral", "int"),
)
EDGE_KEYS = (
    ("kind", "string"),
    ("weight", "int"),
    ("issue_ids", "string"),
    ("record_ids", "string"),
    ("evidence_ids", "string"),
)


def _joined(ids: list[int]) -> str:
    return ",".join(str(i) for i in ids)


def _data(parent: ET.Element, key: str, value: Any) -> None:
    ET.SubElement(parent, "data", key=key).text = str(value)


def network_graphml(network: dict[str, Any]) -> bytes:
    """The network dict of /network as an undirected GraphML document; nodes
    are "a<actor id>", list attributes are comma-separated ids."""
    root = ET.Element("graphml", xmlns=NS)
    for name, kind in NODE_KEYS:
        ET.SubElement(root, "key", {"id": f"n_{name}", "for": "node", "attr.name": name, "attr.type": kind})
    for name, kind in EDGE_KEYS:
        ET.SubElement(root, "key", {"id": f"e_{name}", "for": "edge", "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="network", edgedefault="undirected")
    for node in network["nodes"]:
        element = ET.SubElement(graph, "node", id=f"a{node['id']}")
        _data(element, "n_name", node["name"])
        _data(element, "n_kind", node["kind"])
        for label in ("support", "oppose", "neutral"):
            _data(element, f"n_{label}", node["counts"][label])
    for index, edge in enumerate(network["edges"]):
        element = ET.SubElement(
            graph, "edge", id=f"t{index}", source=f"a{edge['source']}", target=f"a{edge['target']}"
        )
        _data(element, "e_kind", edge["kind"])
        _data(element, "e_weight", edge["weight"])
        for name in ("issue_ids", "record_ids", "evidence_ids"):
            _data(element, f"e_{name}", _joined(edge[name]))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
