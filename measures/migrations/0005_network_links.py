"""The plan declares its links to the network's actors, working groups and events.

They were declared on the network's models until now, which made the lower layer name the
higher one. The many-to-many tables stay as they are (the fields here name them); only the
working group's single action field becomes a link table, filled from the old column before
network migration 0005 drops it.
"""

from django.db import migrations, models


def link_model(apps):
    # Through the field: until network migration 0005 the old foreign key's reverse accessor
    # on ActionField has the same name.
    field = apps.get_model("measures", "ActionField")._meta.get_field("working_groups")
    return field.remote_field.through


def copy_working_group_fields(apps, schema_editor):
    WorkingGroup = apps.get_model("network", "WorkingGroup")
    Link = link_model(apps)
    Link.objects.bulk_create(
        Link(actionfield_id=field_id, workinggroup_id=group_id)
        for group_id, field_id in WorkingGroup.objects.filter(
            action_field__isnull=False
        ).values_list("pk", "action_field_id")
    )


def copy_working_group_fields_back(apps, schema_editor):
    WorkingGroup = apps.get_model("network", "WorkingGroup")
    Link = link_model(apps)
    for link in Link.objects.order_by("workinggroup_id", "actionfield_id"):
        WorkingGroup.objects.filter(pk=link.workinggroup_id, action_field__isnull=True).update(
            action_field_id=link.actionfield_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("measures", "0004_version_counter"),
        ("network", "0004_version_counter"),
    ]
    run_before = [("network", "0005_links_declared_by_measures")]

    operations = [
        migrations.AddField(
            model_name="actionfield",
            name="working_groups",
            field=models.ManyToManyField(
                blank=True,
                related_name="action_fields",
                to="network.workinggroup",
                verbose_name="working groups",
            ),
        ),
        migrations.RunPython(copy_working_group_fields, copy_working_group_fields_back),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="actionfield",
                    name="actors",
                    field=models.ManyToManyField(
                        blank=True,
                        db_table="network_actor_action_fields",
                        related_name="action_fields",
                        to="network.actor",
                        verbose_name="actors",
                    ),
                ),
                migrations.AddField(
                    model_name="actionfield",
                    name="events",
                    field=models.ManyToManyField(
                        blank=True,
                        db_table="network_event_action_fields",
                        related_name="action_fields",
                        to="network.event",
                        verbose_name="events",
                    ),
                ),
                migrations.AddField(
                    model_name="measure",
                    name="events",
                    field=models.ManyToManyField(
                        blank=True,
                        db_table="network_event_measures",
                        related_name="measures",
                        to="network.event",
                        verbose_name="events",
                    ),
                ),
            ],
        ),
    ]
