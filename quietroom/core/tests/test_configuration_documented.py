"""Every environment variable the code reads is in the README's configuration table (or, for
the few that only developers set, in docs/development.md), and nothing documented is unread.

The reads are found in the syntax tree of every module outside the tests: `os.environ.get`,
`os.environ[...]`, `os.getenv` and the settings' own `env_*` helpers, with the name given
directly or as a module-level constant.
"""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
REPOSITORY = PACKAGE.parent
READERS = re.compile(r"(.*\.)?(environ\.get|environ\.setdefault|getenv|env|env_[a-z_]+)")


def constants(tree: ast.Module) -> dict[str, str]:
    return {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def name_of(node, known: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return known.get(node.id)
    return None


def reads_in(tree: ast.Module) -> set[str]:
    known = constants(tree)
    names = set()
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Call) and node.args and READERS.fullmatch(ast.unparse(node.func)):
            name = name_of(node.args[0], known)
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value).endswith("environ"):
            name = name_of(node.slice, known)
        if name and re.fullmatch(r"[A-Z][A-Z0-9_]+", name):
            names.add(name)
    return names


def variables_read() -> dict[str, str]:
    """Each variable read by the package, with one module that reads it."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for name in reads_in(ast.parse(path.read_text())):
            found.setdefault(name, str(path.relative_to(REPOSITORY)))
    return found


def documented(path: Path, heading: str) -> set[str]:
    """The variables in the first column of the table under `heading` in `path`; a name
    written `_PORT` after `QUIETROOM_EMAIL_HOST` is `QUIETROOM_EMAIL_PORT`."""
    text = path.read_text()
    section = text.split(f"\n{heading}\n", 1)[1].split("\n#", 1)[0]
    names = set()
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        cell = line.split("|")[1]
        prefix = ""
        for name in re.findall(r"`([A-Z_][A-Z0-9_]*)`", cell):
            if name.startswith("_"):
                name = prefix + name
            else:
                prefix = name.rsplit("_", 1)[0]
            names.add(name)
    return names


def test_every_variable_read_is_documented_and_every_documented_one_is_read():
    read = variables_read()
    operator = documented(REPOSITORY / "README.md", "## Configuration")
    developer = documented(REPOSITORY / "docs" / "development.md", "## Variables for development")

    undocumented = {name: where for name, where in read.items() if name not in operator | developer}
    unread = (operator | developer) - set(read)

    assert undocumented == {}
    assert unread == set()
    assert operator & developer == set()


def test_the_scan_finds_reads_in_each_form_it_claims():
    # The scanner itself, on the forms it looks for, so a blind scan cannot pass the test above.
    tree = ast.parse(
        "import os\nKEY = 'QUIETROOM_A'\nos.environ.get(KEY)\nos.environ['QUIETROOM_B']\n"
        "os.getenv('QUIETROOM_C')\nenv_flag('QUIETROOM_D')\nprint('QUIETROOM_E')\n"
    )
    assert reads_in(tree) == {"QUIETROOM_A", "QUIETROOM_B", "QUIETROOM_C", "QUIETROOM_D"}
