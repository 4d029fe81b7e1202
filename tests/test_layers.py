"""Cadre's packages import downwards only: audit at the bottom, then core, then the apps.

Imports are read from the source (module level and inside functions alike), so an import
hidden in a function to dodge a cycle fails here as plainly as one at the top.
"""

import ast
from collections import defaultdict
from pathlib import Path

import cadre

PACKAGE = Path(cadre.__file__).resolve().parent


def imports_between_packages() -> dict[str, set[str]]:
    """{package: the other Cadre packages it imports}; modules at the top count as packages."""
    edges = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if "migrations" in relative.parts:
            continue
        package = relative.parts[0] if len(relative.parts) > 1 else relative.stem
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            target = None
            if isinstance(node, ast.ImportFrom):
                if node.level == 0 and (node.module or "").startswith("cadre."):
                    target = node.module.split(".")[1]
                elif node.level >= 2 and node.module:
                    target = node.module.split(".")[0]
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("cadre."):
                        target = alias.name.split(".")[1]
            if target and target != package:
                edges[package].add(target)
    return edges


def test_the_audit_trail_imports_no_other_part_of_cadre():
    assert imports_between_packages().get("audit", set()) == set()


def test_core_builds_only_on_the_audit_trail():
    assert imports_between_packages().get("core", set()) <= {"audit"}


def test_no_package_imports_one_that_imports_it_back():
    edges = imports_between_packages()
    cycles = []

    def visit(package, path):
        for target in sorted(edges.get(package, ())):
            if target == path[0]:
                cycles.append(" -> ".join([*path, target]))
            elif target not in path:
                visit(target, [*path, target])

    for package in sorted(edges):
        visit(package, [package])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_the_walk_sees_imports_inside_functions(tmp_path, monkeypatch):
    # The checks above mean something only if a function-local import is seen.
    (tmp_path / "low").mkdir()
    (tmp_path / "low" / "a.py").write_text("def f():\n    from cadre.high import b\n")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", tmp_path)
    assert imports_between_packages() == {"low": {"high"}}
