"""Actors' languages were free text ("Türkisch, Arabisch"); they become ISO 639 codes ("tr,ar").

Names that the language table does not know are kept in the actor's internal notes, so that
nothing entered before is lost.
"""

import re

from django.db import migrations

from network.languages import join_codes, language_lookup


def convert(text, lookup):
    codes, unknown = [], []
    for part in re.split(r"[,;/]", text or ""):
        name = re.sub(r"\s*\(.*\)\s*$", "", part).strip()
        if not name:
            continue
        if name.casefold() in lookup:
            codes.append(lookup[name.casefold()])
        else:
            unknown.append(part.strip())
    return join_codes(codes), unknown


def languages_to_codes(apps, schema_editor):
    lookup = language_lookup()
    actor_model = apps.get_model("network", "Actor")
    for actor in actor_model.objects.exclude(languages=""):
        codes, unknown = convert(actor.languages, lookup)
        actor.languages = codes
        if unknown:
            note = "Sprachangabe (nicht zugeordnet): " + ", ".join(unknown)
            actor.notes = f"{actor.notes}\n{note}".strip()
        actor.save(update_fields=["languages", "notes"])
    historical_model = apps.get_model("network", "HistoricalActor")
    for record in historical_model.objects.exclude(languages=""):
        record.languages = convert(record.languages, lookup)[0]
        record.save(update_fields=["languages"])


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_contact_fields_working_groups_events"),
    ]

    operations = [
        migrations.RunPython(languages_to_codes, migrations.RunPython.noop),
    ]
