"""The layers, read from the source: no app imports from (or names a model of) a higher layer.

core/ → network/ → measures/ → committee/ → dashboard/, public/ and demo/; integration_office/
(settings, root URLs) and the tests sit outside. Migrations count too: their dependencies and
relations are the database's view of the same layering.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {
    "core": 0,
    "network": 1,
    "measures": 2,
    "committee": 3,
    "dashboard": 4,
    "public": 4,
    "demo": 4,
}
MODEL_REFERENCE = re.compile(rf"^({'|'.join(LAYERS)})\.[A-Z]\w*$")
MIGRATION_NAME = re.compile(r"^\d{4}_\w+$")

# Applied history: the network's first migrations created the links to action fields and
# measures while the network still declared them. The measures app declares them since measures
# migration 0005 (network migration 0005 forgot the old declarations); migrations that have run
# are never edited, so these two keep their references. The set is closed: nothing joins it.
HISTORY = {
    ("network/migrations/0001_initial.py", "measures"),
    ("network/migrations/0002_contact_fields_working_groups_events.py", "measures"),
}


def referenced_apps(tree, is_migration):
    """(line, app label) of every import and model or migration reference to a project app."""
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if MODEL_REFERENCE.match(node.value):
                names = [node.value]
        elif is_migration and isinstance(node, ast.Tuple) and len(node.elts) == 2:
            app, name = (getattr(element, "value", None) for element in node.elts)
            if app in LAYERS and isinstance(name, str) and MIGRATION_NAME.match(name):
                names = [app]
        for name in names:
            yield node.lineno, name.split(".")[0]


def upward_references():
    found = {}
    for app, level in LAYERS.items():
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for line, target in referenced_apps(tree, "migrations" in path.parts):
                if LAYERS.get(target, -1) > level:
                    found.setdefault((relative, target), line)
    return found


def test_no_app_reaches_into_a_higher_layer():
    upward = [
        f"{path}:{line} → {target}"
        for (path, target), line in sorted(upward_references().items())
        if (path, target) not in HISTORY
    ]
    assert upward == []


def test_the_history_list_is_not_stale():
    # An entry whose reference is gone must leave the list, so that it cannot come back.
    assert set(upward_references()) >= HISTORY


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from measures.models import Measure", "measures"),
        ("import committee.models", "committee"),
        ("x = models.ForeignKey('committee.Meeting', on_delete=None)", "committee"),
    ],
)
def test_the_reader_sees_imports_and_model_references(source, expected):
    assert [app for _line, app in referenced_apps(ast.parse(source), False)] == [expected]


def test_the_reader_sees_migration_dependencies():
    tree = ast.parse("dependencies = [('committee', '0001_initial')]")
    assert [app for _line, app in referenced_apps(tree, True)] == ["committee"]
