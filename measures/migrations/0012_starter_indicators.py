"""The starter set of monitoring indicators (issue 15), without values; see
measures/indicators/starter.py. An indicator whose code the office already uses is left alone."""

from django.db import migrations
from django.utils import timezone


def add_starter_indicators(apps, schema_editor):
    from measures.indicators.starter import STARTER_INDICATORS

    indicator_model = apps.get_model("measures", "CityIndicator")
    history_model = apps.get_model("measures", "HistoricalCityIndicator")
    taken = set(indicator_model.objects.values_list("code", flat=True))
    now = timezone.now()
    for definition in STARTER_INDICATORS:
        if definition["code"] in taken:
            continue
        indicator = indicator_model.objects.create(**definition)
        # The history starts with the indicator, as for one added on its page.
        fields = {
            field.attname: getattr(indicator, field.attname)
            for field in indicator_model._meta.concrete_fields
            if field.name not in ("updated_at", "version")
        }
        history_model.objects.create(
            **fields,
            history_date=now,
            history_type="+",
            history_change_reason="Startset des Integrationsmonitorings",
        )


def remove_untouched_starter_indicators(apps, schema_editor):
    from measures.indicators.starter import STARTER_INDICATORS

    indicator_model = apps.get_model("measures", "CityIndicator")
    indicator_model.objects.filter(
        code__in=[definition["code"] for definition in STARTER_INDICATORS], values__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("measures", "0011_city_indicators")]

    operations = [
        migrations.RunPython(add_starter_indicators, remove_untouched_starter_indicators),
    ]
