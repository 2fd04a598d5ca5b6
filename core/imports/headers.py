"""Column headings as offices write them: found below title rows, matched in any spelling.

A heading is compared without case, spaces, hyphens, underscores, a required-marker "*" and
a closing colon or dot, so "E-Mail-Adresse:", "e-mail adresse" and "EMailAdresse" are one
heading. Each kind names its usual variants ("PLZ", "Tel.") in its `aliases`.
"""

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from .sheets import ImportFileError

# No import kind has half as many columns; a heading far to the right would make every row wide.
MAX_COLUMNS = 100
# Title rows, notes and empty rows above the headings: how many non-empty rows are searched.
HEADER_SEARCH_ROWS = 20
IGNORED_IN_HEADERS = re.compile(r"[\s\-\u2010\u2011\u2013\u2014_*]+")


def normalise(header: Any) -> str:
    """The heading as compared: "E-Mail-Adresse:" and "e mail adresse" are the same."""
    text = unicodedata.normalize("NFC", str(header or "")).casefold().strip().rstrip(":. *").strip()
    return IGNORED_IN_HEADERS.sub("", text)


def column_aliases(resource: Any) -> dict[str, str]:
    """Each accepted heading (normalised) → field name: the column's name in German, English
    and the current language, then the kind's variants (`resource.aliases`)."""
    aliases: dict[str, str] = {}
    for name, resource_field in resource.fields.items():
        aliases[normalise(name)] = name
        for language in ("de", "en", translation.get_language()):
            with translation.override(language):
                aliases[normalise(resource_field.column_name)] = name
    for name, variants in getattr(resource, "aliases", {}).items():
        if name in resource.fields:
            for variant in variants:
                aliases.setdefault(normalise(variant), name)
    return aliases


def known_headings(resource: Any) -> frozenset[str]:
    """The normalised headings that mark the heading row of the resource's files: its
    columns' names and aliases, and `resource.other_headings` (the years of a wide table)."""
    others = {normalise(heading) for heading in getattr(resource, "other_headings", ())}
    return frozenset(column_aliases(resource)) | others


def known_count(cells: Sequence[Any], known: frozenset[str]) -> int:
    return len({normalise(cell) for cell in cells if cell not in (None, "")} & known)


def is_empty(cells: Sequence[Any]) -> bool:
    return all(cell is None or str(cell).strip() == "" for cell in cells)


def pick_header(candidates: list[tuple[int, Sequence[Any]]], known: frozenset[str]) -> int:
    """The index among the first non-empty rows that holds the headings: the first with two
    known headings, else the first with one, else the first row (whose headings the column
    check then refuses)."""
    if not known:
        return 0
    counts = [known_count(cells, known) for _number, cells in candidates]
    for wanted in (2, 1):
        for index, count in enumerate(counts):
            if count >= wanted:
                return index
    return 0


def read_headers(cells: Sequence[Any]) -> list[str]:
    headers = [str(cell).strip() if cell is not None else "" for cell in cells]
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > MAX_COLUMNS:
        raise ImportFileError(
            _("The file has more than %(max)s columns; is it the right file?")
            % {"max": MAX_COLUMNS}
        )
    return headers


def match_columns(headers: list[str], resource: Any) -> tuple[dict[int, str], list[str]]:
    """(column index → field name, ignored headers), or ImportFileError."""
    aliases = column_aliases(resource)
    columns: dict[int, str] = {}
    ignored: list[str] = []
    seen: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = aliases.get(normalise(header))
        if name is None:
            if str(header).strip():
                ignored.append(str(header).strip())
            continue
        if name in seen:
            raise ImportFileError(
                _("The column '%(column)s' appears more than once.") % {"column": header}
            )
        seen[name] = index
        columns[index] = name
    if not columns:
        expected = ", ".join(f"'{resource.column(name)}'" for name in resource.required)
        raise ImportFileError(
            _(
                "The file has none of the expected columns (at least %(columns)s). "
                "Is it the right file, with the column headings in the first row?"
            )
            % {"columns": expected}
        )
    missing = [name for name in resource.required if name not in seen]
    if missing:
        raise ImportFileError(
            _("Required columns are missing: %(columns)s.")
            % {"columns": ", ".join(f"'{resource.column(name)}'" for name in missing)}
        )
    return columns, ignored
