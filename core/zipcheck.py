"""Refuses zip containers (.docx, .xlsx, .odt) that would unpack to too much or carry a DTD.

Only the zip directory and the first bytes of each XML member are read, so a "zip bomb" is
refused before anything is inflated. The sizes in the directory may lie, but Python's zipfile
never inflates a member beyond the size the directory declares, so they still bound the memory
any later reader (openpyxl, our type check) can use.
"""

import re
import zipfile
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100
# Below this an archive cannot hurt, and a small file of repeated text may compress very well.
RATIO_FLOOR_BYTES = 1024 * 1024
XML_HEAD_BYTES = 8 * 1024
XML_SUFFIXES = (".xml", ".rels", ".vml")
# NUL bytes are removed first, so that UTF-16 text is found as well.
FORBIDDEN_XML = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def check_zip(fileobj: IO[bytes]) -> None:
    """Raise ValidationError if the zip file would unpack too large or has a DTD in its XML.

    A file that is no zip archive passes: telling the user that is the caller's job.
    """
    fileobj.seek(0, 2)
    packed = fileobj.tell()
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            members = archive.infolist()
            check_sizes(members, packed)
            check_xml_heads(archive, members)
    except zipfile.BadZipFile:
        return
    finally:
        fileobj.seek(0)


def check_sizes(members: list[zipfile.ZipInfo], packed: int) -> None:
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(
            _("Unpacked, the file is larger than %(limit)s MB and is therefore not accepted.")
            % {"limit": MAX_UNPACKED_BYTES // (1024 * 1024)},
            code="zip_too_large",
        )
    if unpacked > RATIO_FLOOR_BYTES and unpacked > MAX_RATIO * max(packed, 1):
        raise ValidationError(
            _(
                "The file is compressed unusually strongly (more than %(ratio)s to 1) and is "
                "therefore not accepted."
            )
            % {"ratio": MAX_RATIO},
            code="zip_ratio",
        )


def check_xml_heads(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    for member in members:
        if not member.filename.lower().endswith(XML_SUFFIXES):
            continue
        with archive.open(member) as opened:
            head = opened.read(XML_HEAD_BYTES).replace(b"\x00", b"")
        if FORBIDDEN_XML.search(head):
            raise ValidationError(
                _("The file contains XML parts that are not allowed (DTD)."), code="zip_dtd"
            )
