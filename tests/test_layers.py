"""Dependencies run one way: a package imports only from its own layer or those below it
(README, "Layers"). A new import that reaches up fails here, naming the file and the line."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Lowest first: each may import from those before it, never from those after.
LAYERS = ["common", "questionnaire", "peers", "consulting", "reports", "privacy", "auditsite"]
TOOLS = ["benchmarks"]  # above the product: they may import all of it, and nothing imports them


def imported_packages(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def upward_imports(package: str) -> list[str]:
    allowed = set(LAYERS[: LAYERS.index(package) + 1])
    above = set(LAYERS + TOOLS) - allowed
    return [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for line, name in imported_packages(path)
        if name in above
    ]


@pytest.mark.parametrize("package", LAYERS)
def test_a_package_imports_nothing_from_a_layer_above_it(package):
    assert upward_imports(package) == []


def test_the_check_sees_an_import_that_reaches_up(tmp_path, monkeypatch):
    (tmp_path / "peers").mkdir()
    late = "import os\n\nfrom consulting.models import Share\n"
    (tmp_path / "peers" / "late.py").write_text(late)
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert upward_imports("peers") == ["peers/late.py:3 imports consulting"]


def test_every_package_of_the_project_has_a_layer():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")}
    assert packages - {"tests", "scripts"} == set(LAYERS + TOOLS)
