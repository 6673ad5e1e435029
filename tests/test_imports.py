"""No import circles in the source tree, and tooling is never in the path a refresh imports.

Every import statement counts, wherever it is (top level, inside a function, under
TYPE_CHECKING). Importing a.b.c also runs the __init__ of a.b when a.b is not a package the
importing module is itself in (that one is already being initialised)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from orchestration.settings import REPO_ROOT

SOURCE_PACKAGES = ("orchestration", "reports", "samples", "benchmarks")
REFRESH_PATH = ("orchestration", "reports")
TOOLING = ("samples", "benchmarks")


def _modules() -> dict[str, Path]:
    """Every first-party module by dotted name (a package by its own name)."""
    found = {}
    for package in SOURCE_PACKAGES:
        for path in sorted((REPO_ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _imported(module: str, path: Path, known: set[str]) -> set[str]:
    """The first-party modules that importing this module runs."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                targets.add(sub if sub in known else base)
    own = {*_ancestors(module), module}
    found = set()
    for target in targets:
        if target in known:
            found.add(target)
        found |= {a for a in _ancestors(target) if a in known and a not in own}
    found.discard(module)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imported(name, path, set(modules)) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_source_tree_has_no_import_circle() -> None:
    graph = _graph()
    assert len(graph) > 50  # the walk found the tree
    assert _cycles(graph) == []


def test_the_refresh_path_never_imports_samples_or_benchmarks() -> None:
    graph = _graph()
    offending = {
        module: sorted(t for t in targets if t.split(".")[0] in TOOLING)
        for module, targets in graph.items()
        if module.split(".")[0] in REFRESH_PATH
    }
    assert {m: t for m, t in offending.items() if t} == {}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": set(), "c": {"b"}}, []),
    ],
)
def test_the_cycle_finder_finds_circles(
    source: dict[str, set[str]], expected: list[list[str]]
) -> None:
    assert _cycles(source) == expected


def test_a_module_importing_a_package_runs_that_packages_init(tmp_path: Path) -> None:
    """headers -> datasets.spec runs datasets/__init__, whose imports count as the module's."""
    module = tmp_path / "headers.py"
    module.write_text("from pkg.datasets.spec import Spec\nfrom pkg import sibling\n", "utf-8")
    known = {"pkg", "pkg.datasets", "pkg.datasets.spec", "pkg.sibling", "pkg.headers"}
    assert _imported("pkg.headers", module, known) == {
        "pkg.datasets",
        "pkg.datasets.spec",
        "pkg.sibling",
    }


def test_every_declared_runtime_dependency_is_imported_by_the_runtime_code():
    """A dependency the refresh never imports is not declared as one (python-calamine was)."""
    import tomllib

    declared = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = [re.split(r"[<>=\[ ]", d)[0].lower() for d in declared["project"]["dependencies"]]
    modules = {"great-expectations": "great_expectations", "dbt-core": "dbt", "dbt-duckdb": "dbt"}
    # dbt adapters, the Dagster webserver and the dbt CLI are loaded by name, not imported.
    by_name = {"dbt-duckdb", "dagster-webserver", "dbt-core"}
    code = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in ("orchestration", "reports")
        for path in (REPO_ROOT / folder).rglob("*.py")
    )
    for name in names:
        if name in by_name:
            continue
        module = modules.get(name, name.replace("-", "_"))
        assert re.search(rf"^\s*(import|from) {module}\b", code, re.M), name
