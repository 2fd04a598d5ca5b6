"""The links to action fields and measures are declared by the measures app from now on.

Measures migration 0005 runs first: it declares the many-to-many fields on its side (same
tables) and copies each working group's action field into a link table; this migration then
forgets the old declarations and drops the working group's column.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0004_version_counter"),
    ]

    operations = [
        migrations.RemoveField(model_name="historicalworkinggroup", name="action_field"),
        migrations.RemoveField(model_name="workinggroup", name="action_field"),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="actor", name="action_fields"),
                migrations.RemoveField(model_name="event", name="action_fields"),
                migrations.RemoveField(model_name="event", name="measures"),
            ],
        ),
    ]
