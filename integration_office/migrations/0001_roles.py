from django.db import migrations

from integration_office.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("measures", "0002_measure_relations"),
        ("network", "0001_initial"),
        ("committee", "0002_agenda_item_measures"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
