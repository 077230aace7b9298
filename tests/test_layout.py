"""The package is the pipeline: imports only go down it, and no two modules import each other.

Stages, in the order data flows: the vocabulary (``model``, ``errors``, ``locales``, ``ui_text``),
``source``, ``tm`` (a side branch: the translation memory, made from the sources alone),
``pages``, ``split``, ``site``, ``live``, ``checks``, then ``cli``. A module may import its own
stage and the stages above it, never one below (every import counts, those inside functions too).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import PROJECT

PACKAGE = PROJECT / "scripts" / "bilingual"
STAGES = ["vocabulary", "source", "tm", "pages", "split", "site", "live", "checks", "cli"]
VOCABULARY = {"bilingual", "bilingual.model", "bilingual.errors", "bilingual.locales"}
VOCABULARY |= {"bilingual.ui_text", "bilingual.__main__"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage(module: str) -> str:
    """The stage a module belongs to."""
    if module in ("bilingual.cli", "bilingual.__main__"):
        return "cli"
    if module in VOCABULARY:
        return "vocabulary"
    return module.split(".")[1]


def imports(path: Path) -> set[str]:
    """The ``bilingual`` modules (or packages) ``path`` imports, at any depth of its code."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("bilingual")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if not target.startswith("bilingual"):
                continue
            names = [f"{target}.{alias.name}" for alias in node.names]
            known = [name for name in names if name in MODULES]
            found |= set(known) if known and len(known) == len(names) else {target}
    return found - {module}


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {module: imports(path) for module, path in MODULES.items()}


def test_every_module_is_in_a_stage() -> None:
    assert {stage(module) for module in MODULES} <= set(STAGES)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_go_down_the_pipeline(module: str) -> None:
    rank = STAGES.index(stage(module))
    upward = sorted(name for name in GRAPH[module] if STAGES.index(stage(name)) > rank)
    assert upward == [], f"{module} ({stage(module)}) imports a later stage: {upward}"


def test_no_import_cycle() -> None:
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = [*path[path.index(module) :], module]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        for name in sorted(GRAPH.get(module, set())):
            if name in MODULES:
                visit(name, [*path, module])
        done.add(module)

    for module in sorted(MODULES):
        visit(module, [])


@pytest.mark.parametrize(
    "package", ["source", "tm", "pages", "split", "site", "live", "checks", "checks/links"]
)
def test_each_stage_says_what_it_owns_and_may_import(package: str) -> None:
    docstring = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text()))
    assert docstring is not None
    assert "May import" in docstring


def test_the_hooks_only_hand_events_to_the_site_stage() -> None:
    tree = ast.parse((PROJECT / "scripts" / "hooks.py").read_text(encoding="utf-8"))
    modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert modules == {"__future__", "bilingual.site.events"}
