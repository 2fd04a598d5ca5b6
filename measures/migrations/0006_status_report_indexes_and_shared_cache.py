"""Indexes for the latest report per measure and the newest reports; the database table of the
shared cache (settings.CACHES["versions"], core/caching.py).

The cache table serves every app, not the plan alone; it is created here, in the migration this
change owns, with the columns Django's `createcachetable` gives it, under a fixed name, so that
it exists whatever DJANGO_CACHE_URL says at the time of the migration.
"""

from django.db import migrations, models

TABLE = "shared_cache"


def _fields():
    return (
        models.CharField(name="cache_key", max_length=255, primary_key=True),
        models.TextField(name="value"),
        models.DateTimeField(name="expires", db_index=True),
    )


def create_cache_table(apps, schema_editor):
    connection = schema_editor.connection
    if TABLE in connection.introspection.table_names():
        return
    quote = connection.ops.quote_name
    columns = []
    for field in _fields():
        column = f"{quote(field.name)} {field.db_type(connection=connection)} NOT NULL"
        columns.append(column + (" PRIMARY KEY" if field.primary_key else ""))
    schema_editor.execute(f"CREATE TABLE {quote(TABLE)} ({', '.join(columns)})")
    schema_editor.execute(
        f"CREATE INDEX {quote(TABLE + '_expires')} ON {quote(TABLE)} ({quote('expires')})"
    )


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.connection.ops.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [
        ("measures", "0005_network_links"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="statusreport",
            index=models.Index(
                fields=["measure", "review_state", "-reporting_date", "-created_at"],
                name="statusreport_latest_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="statusreport",
            index=models.Index(fields=["-created_at"], name="statusreport_created_idx"),
        ),
        migrations.RunPython(create_cache_table, drop_cache_table, elidable=False),
    ]
