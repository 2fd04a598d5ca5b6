"""Data for the public pages' tests (issue 14)."""

import datetime

from measures.models import (
    ActionField,
    ArchivedReport,
    Indicator,
    IndicatorValue,
    Measure,
    Plan,
    StatusReport,
)


def archived_plan(**fields):
    return Plan.objects.create(
        title=fields.pop("title", "Integrationsplan Göppingen"),
        version_label=fields.pop("version_label", "Erstfassung 2010"),
        adopted_on=datetime.date(2010, 10, 21),
        state=Plan.State.ARCHIVED,
        **fields,
    )


def measure_in(plan, code="1.1", title="Sprachcafé", **fields):
    field, _created = ActionField.objects.get_or_create(
        plan=plan, code=code.split(".")[0], defaults={"title": "Sprache", "order": 1}
    )
    return Measure.objects.create(plan=plan, action_field=field, code=code, title=title, **fields)


def accepted_report(measure, date, **fields):
    return StatusReport.objects.create(
        measure=measure,
        reporting_date=date,
        status=fields.pop("status", Measure.Status.IN_PROGRESS),
        progress=fields.pop("progress", 50),
        text=fields.pop("text", "Interner Sachstand."),
        review_state=fields.pop("review_state", StatusReport.ReviewState.ACCEPTED),
        **fields,
    )


def indicator_with_values(measure, title="Teilnehmerinnen", values=(12, 18, 25)):
    indicator = Indicator.objects.create(
        measure=measure, title=title, unit="Personen", baseline=10, target=40
    )
    for year, value in enumerate(values, start=2023):
        IndicatorValue.objects.create(
            indicator=indicator, date=datetime.date(year, 12, 31), value=value
        )
    return indicator


def archived_report(edition=ArchivedReport.Edition.PUBLIC, title="Monitoringbericht 2026"):
    return ArchivedReport.objects.create(
        edition=edition,
        title=title,
        sha256="0" * 64,
        size=2048,
        file=f"archive/{edition}.pdf",
        created_by_name="Miriam Kessler",
    )
