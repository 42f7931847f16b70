"""The layout rules of service/ (README "Layout"): few loose top-level
modules, no module over 400 lines outside migrations, no import circle.

Imports are read with `ast`, function-level ones included (a lazy import does
not make a circle go away); only `if TYPE_CHECKING:` blocks are left out, as
they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

SERVICE = Path(__file__).resolve().parent.parent / "service"
MIGRATION_VERSIONS = SERVICE / "store" / "migrations" / "versions"
MAX_LOOSE_MODULES = 6
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    modules = {}
    for path in SERVICE.rglob("*.py"):
        if MIGRATION_VERSIONS in path.parents:
            continue
        parts = list(path.relative_to(SERVICE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for child in ast.walk(node))
    return skipped


def _imported(node: ast.AST, modules: dict[str, Path]) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        names = [f"{node.module}.{alias.name}" for alias in node.names]
        return [name if name in modules else node.module for name in names]
    return []


def import_graph() -> nx.DiGraph:
    modules = _modules()
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_checking_nodes(tree)
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            for target in _imported(node, modules):
                if target in modules and target != name:
                    graph.add_edge(name, target)
    return graph


def test_service_top_level_holds_few_loose_modules() -> None:
    loose = sorted(path.name for path in SERVICE.glob("*.py"))
    assert len(loose) <= MAX_LOOSE_MODULES, loose


def test_no_module_is_over_the_line_limit() -> None:
    long = {
        str(path.relative_to(SERVICE)): count
        for path in _modules().values()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_import_circle() -> None:
    circles = [sorted(group) for group in nx.strongly_connected_components(import_graph()) if len(group) > 1]
    assert circles == []


def test_the_checker_sees_a_circle_hidden_in_a_function(tmp_path: Path) -> None:
    # The same reading as import_graph(), on two modules that import each
    # other, one of them lazily: the rule above is only as good as this.
    first = ast.parse("from service.b import thing\n")
    second = ast.parse("def f():\n    from service.a import other\n")
    modules = {"service.a": tmp_path / "a.py", "service.b": tmp_path / "b.py"}
    edges = {
        (name, target)
        for name, tree in (("service.a", first), ("service.b", second))
        for node in ast.walk(tree)
        for target in _imported(node, modules)
    }
    assert edges == {("service.a", "service.b"), ("service.b", "service.a")}
