"""The links to action fields and measures moved to the measures side without losing a row."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("measures", "0004_version_counter"), ("network", "0004_version_counter")]
AFTER = [("measures", "0005_network_links"), ("network", "0005_links_declared_by_measures")]


def migrate(targets=None):
    """Migrate to `targets` (default: the latest migrations); the models as of then."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def latest_schema_afterwards(transactional_db):
    yield
    migrate()  # every other test expects the latest schema, even when this one failed


@pytest.mark.usefixtures("latest_schema_afterwards")
def test_links_survive_the_move_and_the_way_back():
    old = migrate(BEFORE)
    plan = old.get_model("measures", "Plan").objects.create(
        title="Integrationsplan", version_label="2024", state="adopted"
    )
    field = old.get_model("measures", "ActionField").objects.create(
        plan=plan, code="1", title="Sprache"
    )
    actor = old.get_model("network", "Actor").objects.create(name="Volkshochschule")
    actor.action_fields.add(field)
    group = old.get_model("network", "WorkingGroup").objects.create(
        title="Arbeitskreis Sprache", action_field=field
    )
    lonely = old.get_model("network", "WorkingGroup").objects.create(title="Ohne Feld")

    new = migrate(AFTER)
    ActionField = new.get_model("measures", "ActionField")
    moved = ActionField.objects.get(pk=field.pk)
    assert [a.pk for a in moved.actors.all()] == [actor.pk]
    assert [g.pk for g in moved.working_groups.all()] == [group.pk]
    assert not ActionField.working_groups.through.objects.filter(workinggroup_id=lonely.pk)

    back = migrate(BEFORE)
    WorkingGroup = back.get_model("network", "WorkingGroup")
    assert WorkingGroup.objects.get(pk=group.pk).action_field_id == field.pk
    assert WorkingGroup.objects.get(pk=lonely.pk).action_field_id is None
