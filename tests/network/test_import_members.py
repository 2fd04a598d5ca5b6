"""Importing committee members and their membership in the committee."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committee.imports import MemberImportResource
from committee.models import Committee, Member, Membership
from core.imports.engine import ImportFileError
from core.imports.runner import run_import
from tests.network.helpers import csv_bytes, xlsx_bytes

HEADER = ["Anrede/Titel", "Vorname", "Nachname", "E-Mail", "Fraktion oder Organisation"]
MEMBERSHIP = ["Rolle", "Art", "Von", "Bis"]
ROWS = [
    HEADER + MEMBERSHIP,
    [
        "Frau Dr.",
        "Gül",
        "Özdemir",
        "guel.oezdemir@example.org",
        "Grüne",
        "Vorsitz",
        "Stadträtin/Stadtrat",
        "01.09.2019",
        "",
    ],
    ["Herr", "Jürgen", "Weiß", "", "Freie Wähler", "Mitglied", "", "01.09.2019", "31.08.2024"],
]


@pytest.fixture
def committee(db):
    return Committee.objects.create(name="Integrationsausschuss", short_name="IA")


@pytest.fixture
def member(committee):
    member = Member.objects.create(first_name="Hans", last_name="Maier", faction="SPD")
    Membership.objects.create(
        committee=committee,
        member=member,
        role=Membership.Role.CHAIR,
        start=datetime.date(2019, 9, 1),
    )
    return member


def snapshot():
    return (
        sorted(map(repr, Member.objects.values_list())),
        sorted(map(repr, Membership.objects.values_list())),
        Member.history.count(),
        Membership.history.count(),
    )


def role_labels():
    # The labels as the committee's catalogue translates them, so the test does not guess them.
    return {value: str(label) for value, label in Membership.Role.choices}


def rows_with_labels():
    labels = role_labels()
    rows = [list(row) for row in ROWS]
    rows[1][5], rows[2][5] = labels["chair"], labels["member"]
    rows[1][6] = str(Membership.Kind.COUNCILLOR.label)
    return rows


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda rows: csv_bytes(rows, encoding="cp1252"), id="cp1252"),
        pytest.param(lambda rows: csv_bytes(rows, encoding="utf-8", bom=True), id="UTF-8 BOM"),
        pytest.param(xlsx_bytes, id="XLSX"),
    ],
)
def test_members_and_memberships_are_imported_from_german_files(encode, committee, sachbearbeitung):
    report = run_import(
        MemberImportResource, encode(rows_with_labels()), sachbearbeitung, dry_run=False
    )

    assert report.ok, report.errors
    assert report.counts == {"new": 2, "changed": 0, "unchanged": 0}
    chair = Member.objects.get(email="guel.oezdemir@example.org")
    assert (chair.title, chair.last_name, chair.faction) == ("Frau Dr.", "Özdemir", "Grüne")
    membership = chair.memberships.get()
    assert (membership.committee, membership.role, membership.start, membership.end) == (
        committee,
        Membership.Role.CHAIR,
        datetime.date(2019, 9, 1),
        None,
    )
    weiss = Member.objects.get(last_name="Weiß")
    assert weiss.email == ""
    assert weiss.memberships.get().end == datetime.date(2024, 8, 31)
    assert weiss.memberships.get().kind == Membership.Kind.COUNCILLOR
    assert chair.history.latest().history_user == sachbearbeitung


def test_importing_the_same_file_again_changes_nothing(committee, sachbearbeitung):
    data = csv_bytes(rows_with_labels())
    assert run_import(MemberImportResource, data, sachbearbeitung, dry_run=False).ok
    before = snapshot()

    report = run_import(MemberImportResource, data, sachbearbeitung, dry_run=False)

    assert report.ok, report.errors
    assert report.counts == {"new": 0, "changed": 0, "unchanged": 2}
    assert snapshot() == before


def test_a_member_without_address_is_matched_on_the_name(member, sachbearbeitung):
    labels = role_labels()
    data = csv_bytes(
        [
            [*HEADER, "Rolle", "Von", "Bis"],
            ["", "Hans", "Maier", "", "SPD", labels["chair"], "01.09.2019", "31.12.2024"],
        ]
    )

    preview = run_import(MemberImportResource, data, sachbearbeitung, dry_run=True)
    assert [(row.key, row.status) for row in preview.rows] == [("Hans Maier", "changed")]
    assert preview.rows[0].changes == [("Bis", "", "31.12.2024")]
    report = run_import(MemberImportResource, data, sachbearbeitung, dry_run=False)

    assert report.ok, report.errors
    assert Member.objects.count() == 1
    assert member.memberships.get().end == datetime.date(2024, 12, 31)


def test_a_new_start_date_adds_a_membership_and_an_address_is_added(member, sachbearbeitung):
    labels = role_labels()
    data = csv_bytes(
        [
            HEADER + MEMBERSHIP,
            [
                "",
                "Hans",
                "Maier",
                "hans.maier@example.org",
                "SPD",
                labels["member"],
                "",
                "01.09.2024",
                "",
            ],
        ]
    )

    report = run_import(MemberImportResource, data, sachbearbeitung, dry_run=False)

    assert report.ok, report.errors
    member.refresh_from_db()
    assert member.email == "hans.maier@example.org"
    assert sorted(member.memberships.values_list("role", flat=True)) == ["chair", "member"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_exported_member_list_imports_again_without_change(
    client, sachbearbeitung, member, file_format
):
    # The export leaves out addresses and writes the memberships into one column, which the
    # import ignores: members are matched on their names and stay as they are.
    member.email = "hans.maier@example.org"
    member.save()
    client.force_login(sachbearbeitung)
    exported = client.get(reverse("committee:member_export", args=[file_format])).content
    before = snapshot()

    response = upload(client, exported, f"mitglieder.{file_format}")

    report = response.context["report"]
    assert report.ok, report.errors
    assert report.counts == {"new": 0, "changed": 0, "unchanged": 1}
    assert snapshot() == before


def upload(client, data, name="mitglieder.csv"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(reverse("network:import_upload", args=["members"]), {"file": file})


def test_the_pages_import_the_template_format_twice_without_change(
    client, sachbearbeitung, committee
):
    client.force_login(sachbearbeitung)
    template = client.get(reverse("network:import_template", args=["members", "csv"]))
    header = template.content.decode("utf-8-sig").splitlines()[0].split(";")
    assert header == HEADER + MEMBERSHIP + ["Stellvertretung für"]
    data = csv_bytes(rows_with_labels(), encoding="utf-8", bom=True)
    upload(client, data)
    response = client.post(reverse("network:import_confirm", args=["members"]))
    assert response["Location"] == reverse("committee:member_list")
    assert Membership.objects.count() == 2
    before = snapshot()

    response = upload(client, data)

    assert response.context["report"].counts == {"new": 0, "changed": 0, "unchanged": 2}
    assert "Die Datei ändert nichts" in response.content.decode()
    assert snapshot() == before


def overlapping_file():
    return csv_bytes(
        [
            ["Vorname", "Nachname", "Rolle", "Von"],
            ["Gül", "Özdemir", role_labels()["chair"], "01.01.2022"],
        ]
    )


MALFORMED = {
    "missing required column": (
        lambda: csv_bytes([["Vorname", "E-Mail"], ["Gül", "guel@example.org"]]),
        "Es fehlen Pflichtspalten: 'Nachname'",
    ),
    "unknown role": (
        lambda: csv_bytes(
            [["Vorname", "Nachname", "Rolle", "Von"], ["Gül", "Özdemir", "Kaiserin", "01.01.2022"]]
        ),
        "Zeile 2, Spalte 'Rolle': Unbekannter Wert 'Kaiserin'",
    ),
    "impossible date": (
        lambda: csv_bytes([["Vorname", "Nachname", "Von"], ["Gül", "Özdemir", "31.02.2020"]]),
        "Zeile 2, Spalte 'Von': '31.02.2020' ist kein gültiges Datum (TT.MM.JJJJ).",
    ),
    "overlapping chair": (
        overlapping_file,
        "Zeile 2: Eine andere Person hat die Rolle",
    ),
    "empty file": (lambda: b"", "Die Datei ist leer."),
    "membership without start": (
        lambda: csv_bytes([["Vorname", "Nachname", "Rolle"], ["Gül", "Özdemir", "Mitglied"]]),
        "Zeile 2, Spalte 'Von':",
    ),
    "a person twice by name": (
        lambda: csv_bytes([["Vorname", "Nachname"], ["Gül", "Özdemir"], ["gül", "özdemir"]]),
        "Zeile 3, Spalte 'Nachname': 'gül özdemir' steht bereits in Zeile 2.",
    ),
    "no last name": (
        lambda: csv_bytes([["Vorname", "Nachname"], ["Gül", ""]]),
        "Zeile 2, Spalte 'Nachname': Bitte füllen Sie diese Zelle aus",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_member_file_changes_nothing_and_says_why(case, member, sachbearbeitung):
    build, expected = MALFORMED[case]
    before = snapshot()

    try:
        report = run_import(MemberImportResource, build(), sachbearbeitung, dry_run=False)
    except ImportFileError as error:
        message = str(error)
    else:
        assert not report.ok
        message = "\n".join(report.errors)

    assert expected in message
    assert snapshot() == before


def test_a_second_row_overlapping_the_first_is_refused_and_nothing_is_saved(
    committee, sachbearbeitung
):
    chair = role_labels()["chair"]
    data = csv_bytes(
        [
            ["Vorname", "Nachname", "Rolle", "Von"],
            ["Gül", "Özdemir", chair, "01.01.2022"],
            ["Jürgen", "Weiß", chair, "01.06.2023"],
        ]
    )

    report = run_import(MemberImportResource, data, sachbearbeitung, dry_run=False)

    assert [error.split(":")[0] for error in report.errors] == ["Zeile 3"]
    assert not Member.objects.exists()
    assert not Membership.objects.exists()


@pytest.mark.parametrize("committees", [0, 2])
def test_memberships_are_refused_unless_there_is_exactly_one_committee(
    committees, sachbearbeitung, db
):
    for number in range(committees):
        Committee.objects.create(name=f"Ausschuss {number}")
    before = snapshot()

    report = run_import(MemberImportResource, csv_bytes(rows_with_labels()), sachbearbeitung)

    assert report.errors == [
        "Mitgliedschaften können nur importiert werden, wenn es genau einen Ausschuss gibt. "
        "Bitte lassen Sie die Spalten 'Rolle', 'Art', 'Von', 'Bis', 'Stellvertretung für' leer "
        "und tragen Sie die Mitgliedschaften auf den Seiten der Mitglieder ein."
    ]
    assert snapshot() == before


def test_members_without_membership_columns_need_no_committee(sachbearbeitung, db):
    data = csv_bytes([HEADER, ["", "Gül", "Özdemir", "", "Grüne"]])

    report = run_import(MemberImportResource, data, sachbearbeitung, dry_run=False)

    assert report.ok, report.errors
    assert Member.objects.get().faction == "Grüne"


def test_lesezugriff_cannot_import_members(client, lesezugriff, committee):
    client.force_login(lesezugriff)

    assert upload(client, csv_bytes(rows_with_labels())).status_code == 403
    assert client.post(reverse("network:import_confirm", args=["members"])).status_code == 403
    assert client.get(reverse("network:import_upload", args=["members"])).status_code == 403
    assert not Member.objects.exists()


def test_the_upload_page_lists_members_and_explains_the_key(client, sachbearbeitung, db):
    client.force_login(sachbearbeitung)

    page = client.get(reverse("network:import_upload", args=["members"])).content.decode()

    assert "Import: Ausschussmitglieder" in page
    assert "Ohne Adresse ändert eine Zeile mit bekanntem Vor- und Nachnamen" in page
    assert (
        reverse("network:import_upload", args=["members"])
        in client.get(reverse("network:import_index")).content.decode()
    )


def test_the_upload_page_costs_the_same_queries_with_more_members(client, sachbearbeitung, member):
    client.force_login(sachbearbeitung)
    url = reverse("network:import_upload", args=["members"])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    Member.objects.bulk_create(
        Member(first_name=f"Person {n}", last_name="Muster") for n in range(30)
    )
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    with CaptureQueriesContext(connection) as actors:
        client.get(reverse("network:import_upload", args=["actors"]))

    assert len(small) == len(large) == len(actors) <= 15
