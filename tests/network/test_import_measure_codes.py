"""A measure code is visible text: the import refuses control characters as the edit form does."""

from core.imports.runner import run_import
from measures.imports import MeasureImportResource
from measures.models import Measure
from tests.network.helpers import csv_bytes


def test_a_code_with_a_control_character_is_refused(action_field, sachbearbeitung):
    data = csv_bytes([["Code", "Handlungsfeld", "Titel"], ["1.\x1b2", "Sprache", "Sprachcafé"]])

    report = run_import(MeasureImportResource, data, sachbearbeitung, dry_run=False)

    assert not report.ok
    assert any("Die Nummer darf keine Steuerzeichen enthalten." in e for e in report.errors)
    assert not Measure.objects.exists()
