"""Apps depend on each other in one direction only, and `core` on none of them."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
APPS = sorted(
    folder.name for folder in PACKAGE.iterdir() if folder.is_dir() and (folder / "apps.py").exists()
)


def imported_apps(app: str) -> dict[str, list[str]]:
    """Apps that `app`'s own code imports (anywhere in a module, function bodies included:
    an import inside a function to dodge a cycle is still a cycle), with where."""
    found: dict[str, list[str]] = {}
    for module in (PACKAGE / app).rglob("*.py"):
        parts = module.relative_to(PACKAGE / app).parts
        if "tests" in parts or "migrations" in parts:
            continue
        for node in ast.walk(ast.parse(module.read_text(), str(module))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                target = name.split(".")
                inside = target[0] == "quietroom" and len(target) > 1 and target[1] in APPS
                if inside and target[1] != app:
                    found.setdefault(target[1], []).append(str(module.relative_to(PACKAGE)))
    return found


def graph() -> dict[str, dict[str, list[str]]]:
    return {app: imported_apps(app) for app in APPS}


def cycle_through(edges, start: str) -> list[str] | None:
    """A path of imports from `start` back to itself, if there is one."""
    stack = [(start, [start])]
    seen = set()
    while stack:
        app, path = stack.pop()
        for target in edges[app]:
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return None


def test_the_apps_import_each_other_without_a_cycle():
    edges = graph()
    cycles = {" → ".join(found) for app in APPS if (found := cycle_through(edges, app))}
    assert not cycles, "\n".join(
        f"{cycle} (first import: {edges[cycle.split(' → ')[0]][cycle.split(' → ')[1]][0]})"
        for cycle in sorted(cycles)
    )


def test_core_imports_no_other_app():
    assert imported_apps("core") == {}


def test_the_cycle_finder_finds_a_cycle():
    edges = {"blog": {"checks": []}, "checks": {"practice": []}, "practice": {"blog": []}}
    assert cycle_through(edges, "blog") == ["blog", "checks", "practice", "blog"]
    assert cycle_through({"a": {"b": []}, "b": {}}, "a") is None
