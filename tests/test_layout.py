"""The codebase stays walkable: no import cycle at import time, no module over 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support.data import REPO

PACKAGE = REPO / "processor"
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _imports_at_import_time(path: Path, modules: dict[str, Path]) -> set[str]:
    """Modules imported at module level (imports inside functions run later, on use)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module in modules:
            subs = {f"{node.module}.{a.name}" for a in node.names}
            # "from package import submodule" loads the submodule, not a cycle back.
            found |= (subs & modules.keys()) or {node.module}
    return found


def test_no_import_cycle() -> None:
    modules = _modules()
    graph = {
        name: _imports_at_import_time(path, modules) - {name} for name, path in modules.items()
    }
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for other in sorted(graph[name]):
            if state.get(other) == 1:
                cycles.append([*trail[trail.index(other) :], other])
            elif other not in state:
                visit(other, [*trail, other])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_no_module_over_400_lines() -> None:
    sizes = {
        str(path.relative_to(REPO)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}
    assert len(sizes) > 50  # the walk found the package


def test_every_benchmark_and_fuzzer_imports() -> None:
    """Benchmarks are not run by the suite, but they must not rot: each module imports."""
    import importlib

    names = [f"bench.{p.stem}" for p in (REPO / "bench").glob("*.py") if p.stem != "__init__"]
    names += [f"fuzz.{p.stem}" for p in (REPO / "fuzz").glob("*.py") if p.stem != "__init__"]
    for name in names:
        assert callable(getattr(importlib.import_module(name), "main", None)) or name in {
            "bench.harness",
            "fuzz.corpus",
            "fuzz.mutate",
            "fuzz.strategies",
            "fuzz.targets",
        }, name
