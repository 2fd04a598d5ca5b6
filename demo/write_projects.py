"""Demo projects and their funding (issue 17): five projects more than the monitoring demo's
seven, so that every state occurs, four invented funding programmes, applications with amounts
and deadlines around today (some overdue, some in the next 60 days, some done)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from measures.models import (
    FundingApplication,
    FundingDeadline,
    FundingProgramme,
    Measure,
    Project,
)

from .helpers import bulk, day, link

# Projects besides content_monitoring.PROJECTS: title, description, measures, lead actor,
# period, state.
MORE_PROJECTS = [
    (
        "Elterncafé Südstadt",
        "Ein offener Treff für Eltern mit Sprachmittlung, einmal in der Woche in der Kita.",
        ["1.4"],
        "Familienbildungsstätte Göppingen",
        ("2026-01-01", "2027-12-31"),
        "granted",
    ),
    (
        "Ausbildungslotsen für junge Geflüchtete",
        "Ehrenamtliche begleiten Jugendliche der VABO-Klassen in die Ausbildung.",
        ["3.1"],
        "Kreishandwerkerschaft Göppingen",
        ("2027-02-01", "2028-07-31"),
        "applied",
    ),
    (
        "Nachbarschaftsgärten Nordstadt",
        "Gemeinsam gärtnern als Anlass zur Begegnung im Quartier.",
        ["5.3"],
        "Freundeskreis Willkommen Göppingen",
        ("", ""),
        "idea",
    ),
    (
        "Digitale Sprechstunde der Migrationsberatung",
        "Beratung per Video in Arabisch, Ukrainisch und Türkisch.",
        ["1.5"],
        "Caritas Fils-Neckar-Alb",
        ("2025-04-01", "2026-03-31"),
        "rejected",
    ),
    (
        "Sprach-Kita Oberhofen",
        "Alltagsintegrierte Sprachbildung in einer Kita mit vielen mehrsprachigen Kindern.",
        ["1.4"],
        "Referat Kinder, Jugend und Familie",
        ("2025-09-01", "2026-08-31"),
        "withdrawn",
    ),
]

# Who leads the monitoring demo's projects (by title).
LEADS = {
    "Mama lernt Deutsch – Kursreihe Stadtmitte": "Volkshochschule Göppingen",
    "Mama lernt Deutsch – Kurse in Kitas 2025/26": "Volkshochschule Göppingen",
    "Aufbau der Integrationswebsite": "Stabsstelle Migration und Teilhabe",
    "Unternehmerpreis Integration 2025": "Wirtschaftsförderung der Stadt Göppingen",
    "Unternehmerpreis Integration 2027": "Wirtschaftsförderung der Stadt Göppingen",
    "Interkulturelle Woche 2026": "Stabsstelle Migration und Teilhabe",
    "Schulungsreihe für Sprachmittlerinnen und Sprachmittler 2026": (
        "Stabsstelle Migration und Teilhabe"
    ),
}

PROGRAMMES = [
    (
        "Landesprogramm Integration vor Ort",
        "Land Baden-Württemberg",
        "state",
        "80",
        "https://example.org/integration-vor-ort",
    ),
    ("AMIF-Lokalfonds", "Europäische Union (AMIF)", "eu", "75", "https://example.org/amif"),
    ("Stiftung Zusammenhalt Filstal", "Stiftung Zusammenhalt Filstal", "foundation", "50", ""),
    ("Bundesprogramm Sprach-Kitas", "Bund", "federal", "100", "https://example.org/sprach-kitas"),
]

# Applications: project title, programme, applied, own share, granted (None: not decided),
# submitted, decided, reference, deadlines as (kind, days from today, done days from today).
APPLICATIONS = [
    (
        "Mama lernt Deutsch – Kursreihe Stadtmitte",
        "Landesprogramm Integration vor Ort",
        "36000",
        "7200",
        "36000",
        "2024-05-15",
        "2024-07-30",
        "IvO-2024-0113",
        [("drawdown", -40, -42), ("interim", -12, None), ("final", 45, None)],
    ),
    (
        "Schulungsreihe für Sprachmittlerinnen und Sprachmittler 2026",
        "Landesprogramm Integration vor Ort",
        "12500",
        "2500",
        "11000",
        "2025-10-01",
        "2025-12-12",
        "IvO-2025-0388",
        [("drawdown", -80, -78), ("interim", 20, None)],
    ),
    (
        "Aufbau der Integrationswebsite",
        "AMIF-Lokalfonds",
        "48000",
        "12000",
        "45000",
        "2023-06-30",
        "2023-09-01",
        "AMIF-GP-2023-17",
        [("final", -5, None)],
    ),
    (
        "Elterncafé Südstadt",
        "Stiftung Zusammenhalt Filstal",
        "9800",
        "4900",
        "9800",
        "2025-09-15",
        "2025-11-20",
        "SZF-25-09",
        [("drawdown", 10, None), ("interim", 120, None)],
    ),
    (
        "Ausbildungslotsen für junge Geflüchtete",
        "AMIF-Lokalfonds",
        "64000",
        "16000",
        None,
        "2026-10-30",
        "",
        "AMIF-GP-2026-41",
        [("application", -31, -31)],
    ),
    (
        "Digitale Sprechstunde der Migrationsberatung",
        "Landesprogramm Integration vor Ort",
        "22000",
        "4400",
        "0",
        "2025-01-31",
        "2025-03-20",
        "IvO-2025-0021",
        [],
    ),
    (
        "Sprach-Kita Oberhofen",
        "Bundesprogramm Sprach-Kitas",
        "25000",
        "0",
        None,
        "2025-05-01",
        "",
        "",
        [],
    ),
    (
        "Unternehmerpreis Integration 2027",
        "Stiftung Zusammenhalt Filstal",
        "5000",
        "2500",
        None,
        "",
        "",
        "",
        [("application", 55, None)],
    ),
]


def load_funding(measures, actors):
    """The projects beyond the monitoring demo's, leads and action fields of all, the funding."""
    measures_by_code: dict[str, Measure] = measures
    new = bulk(
        Project,
        [
            Project(
                title=title,
                description=description,
                lead_actor=actors[lead],
                start=day(start),
                end=day(end),
                status=status,
            )
            for title, description, _codes, lead, (start, end), status in MORE_PROJECTS
        ],
    )
    link(
        Project._meta.get_field("measures"),
        [
            (project.pk, measures_by_code[code].pk)
            for project, spec in zip(new, MORE_PROJECTS, strict=True)
            for code in spec[2]
        ],
    )
    for title, lead in LEADS.items():
        Project.objects.filter(title=title, lead_actor=None).update(lead_actor=actors[lead])
    # Every project serves the action fields of its measures.
    link(
        Project._meta.get_field("action_fields"),
        sorted(
            set(
                Project.measures.through.objects.values_list(
                    "project_id", "measure__action_field_id"
                )
            )
        ),
    )
    projects = {project.title: project for project in Project.objects.only("title")}
    programmes = {
        programme.name: programme
        for programme in bulk(
            FundingProgramme,
            [
                FundingProgramme(
                    name=name,
                    funder=funder,
                    funder_kind=kind,
                    funding_rate=Decimal(rate),
                    website=website,
                    deadlines_note="Anträge jeweils bis 31. Oktober für das Folgejahr.",
                )
                for name, funder, kind, rate, website in PROGRAMMES
            ],
        )
    }
    applications = bulk(
        FundingApplication,
        [
            FundingApplication(
                project=projects[title],
                programme=programmes[programme],
                amount_applied=Decimal(applied),
                own_share=Decimal(own),
                amount_granted=Decimal(granted) if granted is not None else None,
                submitted_on=day(submitted),
                decision_date=day(decided),
                reference_number=reference,
            )
            for title, programme, applied, own, granted, submitted, decided, reference, _d in (
                APPLICATIONS
            )
        ],
    )
    today = timezone.localdate()

    def shifted(days):
        return None if days is None else today + datetime.timedelta(days=days)

    bulk(
        FundingDeadline,
        [
            FundingDeadline(
                application=application,
                kind=kind,
                due_on=shifted(due),
                done_on=shifted(done),
            )
            for application, spec in zip(applications, APPLICATIONS, strict=True)
            for kind, due, done in spec[8]
        ],
    )


def assign_responsible(users):
    """The demo accounts answer for the projects: Koordination for most, Sachbearbeitung for
    those led by actors outside the city administration."""
    Project.objects.filter(responsible=None).update(responsible=users["koordination"])
    Project.objects.filter(
        title__in=[
            "Elterncafé Südstadt",
            "Ausbildungslotsen für junge Geflüchtete",
            "Mama lernt Deutsch – Kursreihe Stadtmitte",
            "Digitale Sprechstunde der Migrationsberatung",
        ]
    ).update(responsible=users["sachbearbeitung"])
