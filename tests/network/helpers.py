"""Builders for spreadsheet files as German Excel writes them."""

import csv
import io

from django.apps import apps
from openpyxl import Workbook


def csv_bytes(rows, encoding="cp1252", separator=";", bom=False):
    """CSV as Excel saves it: quoted where needed, CRLF line ends."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_snapshot():
    """Every row of every table, history and many-to-many tables included.

    Sessions are left out: the preview keeps the uploaded file's name in the user's session.
    """
    return {
        model._meta.label: sorted(map(repr, model._default_manager.values_list()))
        for model in apps.get_models(include_auto_created=True)
        if model._meta.label != "sessions.Session"
    }


def xlsx_with_doctype(rows, member="xl/worksheets/sheet1.xml"):
    """A valid workbook whose `member` starts with a DTD declaring an entity."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(rows)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == member:
                body = b'<!DOCTYPE worksheet [<!ENTITY name "Verein">]>' + body
            target.writestr(info, body)
    return buffer.getvalue()


def xlsx_bomb(path, rows, unpacked_mb=200):
    """A valid workbook plus a member of `unpacked_mb` MB of zeros, written to `path`."""
    import zipfile

    path.write_bytes(xlsx_bytes(rows))
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/zeros.bin", "w") as member,
    ):
        for _megabyte in range(unpacked_mb):
            member.write(bytes(1024 * 1024))
    return path.read_bytes()


def claiming_range(workbook, ref):
    """The workbook's bytes with its first sheet claiming the range `ref` ("A1:XFD1048576")."""
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(workbook))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), body)
            target.writestr(info, body)
    return buffer.getvalue()
