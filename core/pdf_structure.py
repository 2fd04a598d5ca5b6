"""What WeasyPrint's tagged PDF lacks for PDF/UA-1, added before the file is written.

WeasyPrint (68–70) tags the content and the tables, but
- writes no /Scope on table header cells (PDF/UA-1 7.5: a screen reader needs to know whether
  a header belongs to a row or a column), so the HTML `scope` attribute is copied here;
- marks the running headers and footers (the @page margin boxes) as tagged content that no
  structure element leads to, instead of as artifacts (PDF/UA-1 7.8), so these sequences become
  /Artifact /Pagination here;
- gives each link annotation the bare fragment ("summary") as /Contents, where PDF/UA-1 7.18.5
  asks for a description: it becomes the link's text and the page it leads to.

The finisher receives WeasyPrint's laid-out document (pages, their boxes, links, anchors) and
the pydyf objects of the PDF; the tests read the result back with pikepdf and qpdf.
"""

import re
from collections.abc import Iterator
from typing import Any

import pydyf
from django.utils.translation import gettext as _
from weasyprint.document import Document
from weasyprint.formatting_structure import boxes

SCOPES = {"row": "/Row", "rowgroup": "/Row", "col": "/Column", "colgroup": "/Column"}


def finish_structure(document: Document, pdf: pydyf.PDF) -> None:
    """Complete the tagged structure of `pdf` (see the module's docstring)."""
    for page in document.pages:
        for box in _descendants(page._page_box):
            mark = getattr(box, "mark", None)
            if box.element_tag == "th" and isinstance(mark, dict):
                scope = (box.element.get("scope") or "").lower()
                # Without a scope attribute WeasyPrint links the header to its column.
                mark["A"]["Scope"] = SCOPES.get(scope, "/Column")
    describe_links(document)
    running_content_as_artifacts(pdf)


def _descendants(box: Any) -> Iterator[Any]:
    yield box
    if isinstance(box, boxes.ParentBox):
        for child in box.children:
            yield from _descendants(child)


def describe_links(document: Document) -> None:
    """Each link annotation's /Contents: its text and, for a link inside the document, the
    page it leads to."""
    anchor_pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for name in page.anchors:
            anchor_pages.setdefault(name, number)
    for page in document.pages:
        for link_type, target, _rectangle, box in page.links:
            annotation = getattr(box, "link_annotation", None)
            if annotation is None:
                continue
            # The element's own text: the boxes of a link also hold generated content (the
            # contents' dot leaders and page numbers), and a pseudo-element is a link of its own.
            text = " ".join("".join(box.element.itertext()).split()) or str(target)
            if link_type == "internal" and target in anchor_pages:
                description = _("%(text)s, page %(page)s") % {
                    "text": text,
                    "page": anchor_pages[target],
                }
            elif link_type == "external" and text != target:
                description = f"{text} ({target})"
            else:
                description = text
            annotation["Contents"] = pydyf.String(description)


def _object(pdf: pydyf.PDF, reference: Any) -> Any:
    if isinstance(reference, bytes) and re.fullmatch(rb"\d+ \d+ R", reference):
        return pdf.objects[int(reference.split()[0])]
    return reference


def _reachable(pdf: pydyf.PDF, root: Any) -> set[int]:
    """Numbers of the structure elements a reader reaches from `root`."""
    found: set[int] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if not isinstance(node, pydyf.Dictionary) or node.number in found:
            continue
        found.add(node.number)
        kids = node.get("K", ())
        for kid in kids if isinstance(kids, list) else [kids]:
            pending.append(_object(pdf, kid))
    return found


def running_content_as_artifacts(pdf: pydyf.PDF) -> None:
    """Turn the marked content that no structure element leads to (WeasyPrint's running
    headers and footers) into pagination artifacts, and drop it from the parent tree."""
    root = _object(pdf, pdf.catalog.get("StructTreeRoot"))
    if root is None:
        return
    reachable = _reachable(pdf, _object(pdf, root["K"][0]))
    numbers = _object(pdf, root["ParentTree"])["Nums"]
    for index, page_reference in enumerate(pdf.page_references):
        parents = numbers[2 * index + 1]
        orphans = {
            mcid
            for mcid, parent in enumerate(parents)
            if _object(pdf, parent).number not in reachable
        }
        if not orphans:
            continue
        stream = _object(pdf, _object(pdf, page_reference)["Contents"])
        operations = stream.stream
        for position, operation in enumerate(operations):
            if isinstance(operation, pydyf.Dictionary) and operation.get("MCID") in orphans:
                operations[position - 1] = "/Artifact"
                operations[position] = pydyf.Dictionary({"Type": "/Pagination"})
        for mcid in orphans:
            parents[mcid] = "null"
