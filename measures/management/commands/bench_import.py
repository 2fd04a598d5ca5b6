"""Time the import of a generated German CSV of actors: preview (dry run) and import.

The real import runs inside a transaction that is rolled back at the end, unless --keep is
given, so that the benchmark leaves the database as it was.
"""

import csv
import io
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from core.imports.runner import run_import
from measures.models import ActionField, Plan
from network.imports import ActorResource
from network.languages import LANGUAGE_TABLE
from network.models import Actor

KINDS = [label for _value, label in Actor.Kind.choices]
HEADERS = [
    "Name",
    "Kurzname",
    "Art",
    "Handlungsfelder",
    "Straße",
    "PLZ",
    "Ort",
    "E-Mail",
    "Telefon",
    "Sprachen",
    "Gründungsjahr",
    "Mitgliederzahl",
    "Aktiv",
    "Interne Notizen",
]


class Rollback(Exception):
    pass


def generate(rows):
    """A cp1252, semicolon-separated CSV as German Excel writes it."""
    plan = Plan.current()
    fields = [field.title for field in ActionField.objects.filter(plan=plan)] if plan else []
    languages = [german for _code, _name, german in LANGUAGE_TABLE]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for number in range(1, rows + 1):
        writer.writerow(
            [
                f"Verein Nummer {number} Göppingen e. V.",
                f"V{number}",
                str(KINDS[number % len(KINDS)]),
                ", ".join(fields[: number % 3 + 1]) if fields else "",
                f"Hauptstraße {number}",
                "73033",
                "Göppingen",
                f"info{number}@verein{number}.example.com",
                f"07161 {100000 + number}",
                ", ".join(languages[number % 30 : number % 30 + 2]),
                str(1950 + number % 70),
                f"{number % 500}",
                "ja" if number % 7 else "nein",
                f"Angelegt für den Lasttest, Zeile {number + 1}.",
            ]
        )
    return buffer.getvalue().encode("cp1252")


class Command(BaseCommand):
    help = "Time preview and import of a generated 2,000-row German CSV of actors."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=2000)
        parser.add_argument("--keep", action="store_true", help="Keep the imported actors.")

    def handle(self, *args, rows, keep, **options):
        data = generate(rows)
        user = get_user_model().objects.filter(is_superuser=True).first()
        self.stdout.write(f"{rows} Zeilen, {len(data) / 1024:.0f} KB (cp1252, Semikolon)")
        try:
            with transaction.atomic():
                started = time.perf_counter()
                preview = run_import(ActorResource, data, user, dry_run=True)
                dry = time.perf_counter() - started
                self.stdout.write(f"Vorschau (Probelauf): {dry:.1f} s, {preview.counts}")
                started = time.perf_counter()
                report = run_import(ActorResource, data, user, dry_run=False)
                real = time.perf_counter() - started
                self.stdout.write(f"Import: {real:.1f} s, {report.counts}")
                if report.errors:
                    self.stdout.write("Fehler: " + "; ".join(report.errors[:5]))
                started = time.perf_counter()
                again = run_import(ActorResource, data, user, dry_run=True)
                self.stdout.write(
                    f"Erneute Vorschau derselben Datei: {time.perf_counter() - started:.1f} s, "
                    f"{again.counts}"
                )
                if not keep:
                    raise Rollback
        except Rollback:
            self.stdout.write("Zurückgerollt: die Datenbank ist unverändert.")
