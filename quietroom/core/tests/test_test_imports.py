"""Tests stand on fixtures and support modules, not on each other; the package and the bench
stand on the package, not on its tests."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCANNED = ("quietroom", "bench")


def imports(relative: Path, source: str) -> list[tuple[int, list[str]]]:
    """(line, modules) for each import in `source`, the module at `relative` under the root,
    relative imports resolved. `from a import b` imports `a` and perhaps `a.b`: a name taken
    from a package may be a module, and a test function taken anywhere is a test run twice."""
    package = list(relative.with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(source, str(relative))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, [alias.name]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.append((node.lineno, [module, *(f"{module}.{a.name}" for a in node.names)]))
    return found


def is_test_code(relative: Path) -> bool:
    """Inside a tests package, or a conftest wherever it stands."""
    return "tests" in relative.parts[:-1] or relative.name == "conftest.py"


def wrong_import(relative: Path, module: str) -> str | None:
    parts = module.split(".")
    if parts[-1].startswith("test_") or parts[-1] == "conftest":
        return f"{module}, a test module or a conftest"
    if "tests" in parts and not is_test_code(relative):
        return f"{module}, from a tests package, outside the tests"
    return None


def misplaced(relative: Path, source: str) -> list[str]:
    """What `relative` imports that it should not: a test module or a conftest from anywhere;
    anything in a tests package from outside test code."""
    found = []
    for line, modules in imports(relative, source):
        if wrong := next(filter(None, (wrong_import(relative, m) for m in modules)), None):
            found.append(f"{relative}:{line} imports {wrong}")
    return found


def every_misplaced_import() -> list[str]:
    found = []
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*.py")):
            relative = path.relative_to(ROOT)
            found += misplaced(relative, path.read_text())
    return found


def test_no_module_imports_a_test_module_a_conftest_or_from_tests_outside_the_tests():
    found = every_misplaced_import()
    assert not found, "\n".join(found)


def test_the_import_check_finds_each_kind_of_misplaced_import():
    test_module = Path("quietroom/security/tests/test_live_files.py")
    bench = Path("bench/import_export.py")
    package = Path("quietroom/importers/load.py")

    assert misplaced(test_module, "from quietroom.security.tests.test_media import spellings")
    assert misplaced(test_module, "from .test_media import spellings")
    assert misplaced(test_module, "from . import test_media")
    assert misplaced(test_module, "import quietroom.security.tests.test_media")
    assert misplaced(test_module, "from quietroom.importers.tests.conftest import post")
    assert misplaced(bench, "from quietroom.importers.tests.generate import write_wxr")
    assert misplaced(package, "from .tests.support import post")
    assert misplaced(package, "from quietroom.importers import tests")


def test_the_import_check_lets_tests_use_support_modules_and_the_package():
    test_module = Path("quietroom/security/tests/test_live_files.py")
    conftest = Path("quietroom/conftest.py")
    bench = Path("bench/import_export.py")

    assert not misplaced(test_module, "from quietroom.security.tests.support import spellings")
    assert not misplaced(test_module, "from .support import spellings\nimport pytest")
    assert not misplaced(conftest, "from quietroom.core.tests.factories import make_home")
    assert not misplaced(bench, "from quietroom.importers.sample import write_wxr")
    assert not misplaced(bench, "from django.test import Client")
