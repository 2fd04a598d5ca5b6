"""Empty rows count toward the row limit: a file of endless empty rows is stopped at the limit."""

import contextlib
import io
import signal
import tracemalloc

import pytest
from openpyxl import Workbook

from core.imports import engine
from core.imports.engine import ImportFileError, read_table
from core.imports.runner import run_import
from network.imports import ActorResource
from network.models import Actor
from tests.network.helpers import claiming_range, csv_bytes, xlsx_bytes

WHOLE_GRID = "A1:XFD1048576"


class TookTooLong(Exception):
    """Not an OSError (as TimeoutError is), so that no file reader swallows it."""


@contextlib.contextmanager
def within_seconds(seconds):
    """Fail instead of hanging when the code under test reads on and on."""

    def give_up(_signum, _frame):
        raise TookTooLong(f"not finished within {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def xlsx_with_last_row_used(rows):
    """A workbook with `rows` and a blank cell in the sheet's last row, 1.048.576."""
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    sheet.cell(row=1_048_576, column=1, value=" ")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def limit_of_three_rows(monkeypatch):
    monkeypatch.setattr(engine, "MAX_ROWS", 3)


def test_empty_csv_rows_count_toward_the_limit(limit_of_three_rows, sachbearbeitung, db):
    data = csv_bytes([["Name"], ["Verein 1"]]) + b"\r\n" * 3 + b";;\r\n" * 3

    with pytest.raises(ImportFileError, match=r"mehr als 3 Zeilen \(leere Zeilen mitgezählt\)"):
        run_import(ActorResource, data, sachbearbeitung, dry_run=False)
    assert not Actor.objects.exists()


def test_empty_workbook_rows_count_toward_the_limit(limit_of_three_rows, sachbearbeitung, db):
    data = xlsx_with_last_row_used([["Name"], ["Verein 1"]])

    with pytest.raises(ImportFileError, match=r"mehr als 3 Zeilen \(leere Zeilen mitgezählt\)"):
        run_import(ActorResource, data, sachbearbeitung, dry_run=False)
    assert not Actor.objects.exists()


def test_a_million_empty_csv_lines_are_stopped_at_the_limit(sachbearbeitung, db):
    data = csv_bytes([["Name"], ["Verein 1"]]) + b"\n" * 1_000_000
    assert len(data) < engine.MAX_BYTES

    with within_seconds(10), pytest.raises(ImportFileError, match=r"mehr als 10\.000 Zeilen"):
        run_import(ActorResource, data, sachbearbeitung, dry_run=False)
    assert not Actor.objects.exists()


def test_a_sheet_claiming_the_whole_grid_is_stopped_at_the_limit(sachbearbeitung, db):
    data = claiming_range(xlsx_with_last_row_used([["Name"], ["Verein 1"]]), WHOLE_GRID)

    with within_seconds(10), pytest.raises(ImportFileError, match=r"mehr als 10\.000 Zeilen"):
        run_import(ActorResource, data, sachbearbeitung, dry_run=False)
    assert not Actor.objects.exists()


def test_rows_of_a_sheet_claiming_the_whole_grid_keep_only_their_cells():
    data = claiming_range(
        xlsx_bytes([["Name"]] + [[f"Verein {n}"] for n in range(300)]), WHOLE_GRID
    )

    tracemalloc.start()
    try:
        table = read_table(data)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert len(table.rows) == 300
    # Padded to 16.384 cells, the 300 rows alone would take 39 MB.
    assert peak < 10 * 1024 * 1024


def test_a_heading_far_to_the_right_is_refused(sachbearbeitung, db):
    heading = ["Name"] + [""] * 200 + ["Bemerkung"]
    data = xlsx_bytes([heading, ["Verein 1"]])

    with pytest.raises(ImportFileError, match=r"mehr als 100 Spalten"):
        run_import(ActorResource, data, sachbearbeitung, dry_run=False)
    assert not Actor.objects.exists()


def test_empty_cells_right_of_the_headings_are_no_columns(sachbearbeitung, db):
    data = csv_bytes([["Name"] + [""] * 300, ["Verein 1"]])

    run_import(ActorResource, data, sachbearbeitung, dry_run=False)
    assert Actor.objects.filter(name="Verein 1").exists()
