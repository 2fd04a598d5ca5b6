"""Committee members as offices list them: deputies, short and gendered labels, and an export
that imports again unchanged."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from committee.imports import MemberImportResource
from committee.models import Committee, Member, Membership
from core.imports.runner import run_import
from tests.imports.builders import csv_file, ods, xlsx
from tests.network.helpers import table_snapshot

HEADER = ["Vorname", "Nachname", "Rolle", "Art", "Von", "Vertretung für"]


@pytest.fixture
def committee(db):
    return Committee.objects.create(name="Integrationsausschuss", short_name="IA")


@pytest.fixture
def members(committee):
    chair = Member.objects.create(
        salutation=Member.Salutation.MS, first_name="Gül", last_name="Özdemir", faction="Grüne"
    )
    deputy = Member.objects.create(
        salutation=Member.Salutation.MR, first_name="Jürgen", last_name="Weiß", faction="FW"
    )
    Membership.objects.create(
        committee=committee, member=chair, role="chair", start=datetime.date(2019, 9, 1)
    )
    Membership.objects.create(
        committee=committee,
        member=deputy,
        role="deputy",
        kind="citizen_expert",
        deputy_for=chair,
        start=datetime.date(2019, 9, 1),
    )
    return chair, deputy


@pytest.mark.parametrize("build", [csv_file, xlsx, ods], ids=["csv", "xlsx", "ods"])
def test_a_deputy_names_the_member_they_stand_in_for(build, committee, sachbearbeitung):
    rows = [
        HEADER,
        ["Gül", "Özdemir", "Vorsitzende", "Stadträtin", "01.09.2024", ""],
        ["Jürgen", "Weiß", "Stellvertreter", "sachkundiger Einwohner", "01.09.2024", "Gül Özdemir"],
        ["Anna", "Arslan", "Stellvertreterin", "Stadträtin", "01.09.2024", "Özdemir, Gül"],
    ]

    report = run_import(MemberImportResource, build(rows), sachbearbeitung, dry_run=False)

    assert report.saved, report.errors
    chair = Member.objects.get(last_name="Özdemir")
    deputies = Membership.objects.filter(deputy_for=chair).order_by("member__last_name")
    assert [(m.member.last_name, m.role, m.kind) for m in deputies] == [
        ("Arslan", "deputy", "councillor"),
        ("Weiß", "deputy", "citizen_expert"),
    ]


@pytest.mark.parametrize(
    ("role", "kind", "expected"),
    [
        ("Vorsitzender", "Stadtrat", ("chair", "councillor")),
        ("stellv. Vorsitzende", "Stadträtin", ("vice_chair", "councillor")),
        ("stellvertretender Vorsitzender", "Gemeinderat", ("vice_chair", "councillor")),
        ("Mitglied", "sachkundige Einwohnerin", ("member", "citizen_expert")),
        ("ordentliches Mitglied", "sachkundiger Bürger", ("member", "citizen_expert")),
        ("Mitglied", "beratendes Mitglied", ("member", "advisory")),
        ("MITGLIED", "  stadträtin ", ("member", "councillor")),
    ],
)
def test_short_and_gendered_labels_map_to_the_roles(
    role, kind, expected, committee, sachbearbeitung
):
    rows = [HEADER[:5], ["Gül", "Özdemir", role, kind, "01.09.2024"]]

    report = run_import(MemberImportResource, csv_file(rows), sachbearbeitung, dry_run=False)

    assert report.saved, report.errors
    membership = Membership.objects.get()
    assert (membership.role, membership.kind) == expected


def test_an_unknown_deputy_is_refused_and_changes_nothing(members, sachbearbeitung):
    rows = [HEADER, ["Eva", "Neu", "Stellvertretung", "Stadträtin", "01.09.2024", "Max Muster"]]
    before = table_snapshot()

    report = run_import(MemberImportResource, csv_file(rows), sachbearbeitung, dry_run=False)

    assert report.errors == [
        "Zeile 2, Spalte 'Stellvertretung für': Es gibt kein Mitglied 'Max Muster'. Das Mitglied "
        "muss bereits vorhanden sein oder in einer früheren Zeile der Datei stehen."
    ]
    assert table_snapshot() == before


def export(client, file_format):
    return client.get(reverse("committee:member_export", args=[file_format])).content


def test_export_and_import_use_the_same_column_names(client, sachbearbeitung, members):
    client.force_login(sachbearbeitung)
    template = client.get(reverse("network:import_template", args=["members", "xlsx"])).content

    exported = load_workbook(io.BytesIO(export(client, "xlsx")))
    headings = [cell.value for cell in next(exported.active.iter_rows())]

    imported = [cell.value for cell in next(load_workbook(io.BytesIO(template)).active.iter_rows())]
    # Exports leave out e-mail addresses; every other column is the import's.
    assert headings == [name for name in imported if name != "E-Mail"]
    assert "Stellvertretung für" in headings


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_exported_members_import_again_without_any_change(
    client, sachbearbeitung, members, file_format
):
    client.force_login(sachbearbeitung)
    data = export(client, file_format)
    before = table_snapshot()

    preview = run_import(MemberImportResource, data, sachbearbeitung)
    report = run_import(MemberImportResource, data, sachbearbeitung, dry_run=False)

    # Nothing to confirm, nothing to change.
    assert (preview.ignored_columns, preview.questions, preview.errors) == ([], [], [])
    assert preview.counts == {"new": 0, "changed": 0, "unchanged": 2}
    assert report.ok and report.counts == preview.counts
    assert table_snapshot() == before
