"""Reading our PDFs back with pikepdf (qpdf) and the qpdf command: PDF/UA-1 and PDF/A-3 checks.

Independent of WeasyPrint, which writes the files: what a screen reader and an archive's
validator look at — the structure tree, the marked content on the pages, the annotations, the
fonts and the XMP metadata. veraPDF (Java) is not available here; these checks cover the
machine-checkable rules of PDF/UA-1 that our documents touch.
"""

import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field

import pikepdf

# Operators that put something visible on the page (ISO 32000-1, tables 51, 59, 87, 107, 108).
PAINTING = {"Tj", "TJ", "'", '"', "Do", "sh", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "BI"}
TEXT = {"Tj", "TJ", "'", '"'}
SCOPES = {"/Row", "/Column", "/Both"}


def open_pdf(content):
    return pikepdf.open(io.BytesIO(content))


@dataclass
class Structure:
    """The structure tree as a reader meets it: every element reachable from the root."""

    elements: list = field(default_factory=list)
    # (page index, MCID) of every marked-content reference made by a reachable element.
    references: set = field(default_factory=set)
    # Annotations (objgen) that a reachable element refers to.
    annotations: set = field(default_factory=set)

    def of_type(self, name):
        return [element for element in self.elements if element.get("/S") == name]


def structure(pdf):
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    found = Structure()
    seen = set()

    def walk(node, page):
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid, page)
        elif isinstance(node, int):
            found.references.add((page, int(node)))
        elif isinstance(node, pikepdf.Dictionary):
            if node.get("/Type") == "/MCR":
                page_of = pages[node.Pg.objgen] if "/Pg" in node else page
                found.references.add((page_of, int(node.MCID)))
                return
            if node.get("/Type") == "/OBJR":
                found.annotations.add(node.Obj.objgen)
                return
            if node.is_indirect:
                if node.objgen in seen:
                    return
                seen.add(node.objgen)
            if "/S" in node:
                found.elements.append(node)
            if "/Pg" in node:
                page = pages.get(node.Pg.objgen, page)
            if "/K" in node:
                walk(node.K, page)

    walk(pdf.Root.StructTreeRoot.K, None)
    return found


def attributes(element):
    """An element's attribute dictionaries (/A is a dictionary or an array of them)."""
    value = element.get("/A")
    if value is None:
        return []
    if isinstance(value, pikepdf.Dictionary):
        return [value]
    return [item for item in value if isinstance(item, pikepdf.Dictionary)]


def scope(element):
    for attribute in attributes(element):
        if attribute.get("/O") == "/Table" and "/Scope" in attribute:
            return str(attribute.Scope)
    return None


def descendants(element):
    kids = element.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from descendants(kid)


@dataclass
class PageContent:
    untagged: list = field(default_factory=list)  # painting operators outside marked content
    marked: set = field(default_factory=set)  # MCIDs used on the page
    artifact_text: int = 0  # text-showing operators inside /Artifact


def page_content(page):
    """Walks a page's content stream, keeping the stack of marked-content sequences."""
    found = PageContent()
    stack = []
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name in ("BDC", "BMC"):
            tag = str(operands[0])
            mcid = None
            if name == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                mcid = operands[1].get("/MCID")
            if mcid is not None:
                found.marked.add(int(mcid))
            stack.append(tag)
        elif name == "EMC":
            stack.pop()
        elif name in PAINTING:
            if not stack:
                found.untagged.append(name)
            elif name in TEXT and "/Artifact" in stack:
                found.artifact_text += 1
    return found


def link_annotations(pdf):
    return [
        annotation
        for page in pdf.pages
        for annotation in page.get("/Annots", [])
        if annotation.get("/Subtype") == "/Link"
    ]


def fonts(pdf):
    """Every font the pages (and the forms they draw, e.g. the charts) use."""
    found = {}

    def collect(resources):
        for font in resources.get("/Font", {}).values():
            found[font.objgen] = font
        for xobject in resources.get("/XObject", {}).values():
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                collect(xobject.Resources)

    for page in pdf.pages:
        collect(page.Resources)
    return list(found.values())


def embedded(font):
    if font.get("/Subtype") == "/Type0":
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor", {})
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def qpdf_check(content):
    """`qpdf --check` on the bytes: (return code, output)."""
    executable = shutil.which("qpdf")
    assert executable, "qpdf is not installed (apt package qpdf, see the Makefile)"
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        result = subprocess.run(
            [executable, "--check", handle.name], capture_output=True, text=True, check=False
        )
    return result.returncode, result.stdout + result.stderr


def assert_accessible(content, title, archival=False):
    """The file passes what we can check of PDF/UA-1 (and PDF/A-3a for an archived copy).

    Returns the opened pdf and its structure for further checks.
    """
    code, output = qpdf_check(content)
    assert code == 0, output
    assert "No syntax or stream encoding errors" in output

    pdf = open_pdf(content)
    root = pdf.Root
    assert str(root.Lang) == "de"
    assert bool(root.MarkInfo.Marked) is True
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True
    assert str(pdf.docinfo.Title) == title

    metadata = pdf.open_metadata()
    assert metadata.get("pdfuaid:part") == "1"
    assert metadata.get("dc:title") == title
    assert metadata.get("dc:creator") == [str(pdf.docinfo.Author)]
    assert metadata.get("dc:language") == {"de"}
    if archival:
        assert (metadata.get("pdfaid:part"), metadata.get("pdfaid:conformance")) == ("3", "A")
        assert "/OutputIntents" in root
        # PDF/A admits the PDF/UA property only with its schema described in the file.
        assert b"<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/" in (
            root.Metadata.read_bytes()
        )
    else:
        assert metadata.get("pdfaid:part") is None

    tree = structure(pdf)
    for figure in tree.of_type("/Figure"):
        assert str(figure.get("/Alt", "")).strip(), "a figure without alternative text"
    for header in tree.of_type("/TH"):
        assert scope(header) in SCOPES, "a table header cell without /Scope"
    for table in tree.of_type("/Table"):
        assert any(cell.get("/S") == "/TH" for cell in descendants(table)), "a table without TH"

    for index, page in enumerate(pdf.pages):
        found = page_content(page)
        assert not found.untagged, f"page {index + 1}: content outside marked content"
        on_page = {mcid for page_index, mcid in tree.references if page_index == index}
        # Every tagged sequence belongs to the structure a reader walks, and back.
        assert found.marked == on_page, f"page {index + 1}: tagged content outside the tree"
        # The running footer ("Seite 1 von 3") is on every page, as an artifact.
        assert found.artifact_text, f"page {index + 1}: no running footer as an artifact"

    for annotation in link_annotations(pdf):
        assert str(annotation.get("/Contents", "")).strip()
        assert annotation.objgen in tree.annotations, "a link outside the structure tree"
        assert "/StructParent" in annotation

    for font in fonts(pdf):
        assert embedded(font), f"font {font.get('/BaseFont')} is not embedded"
    return pdf, tree


def page_owners(pdf):
    """Per page, the structure elements its tagged content belongs to (via the parent tree)."""
    parents = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    owners = []
    for page in pdf.pages:
        table = parents[int(page.StructParents)]
        marked = page_content(page).marked
        owners.append([table[mcid] for mcid in sorted(marked)])
    return owners


def only_figures(elements):
    """Whether tagged content consists of figures and their captions only."""

    def figure_or_caption(element):
        return element.get("/S") == "/Figure" or element.get("/P", {}).get("/S") == "/Caption"

    return bool(elements) and all(figure_or_caption(element) for element in elements)


def destination_page(pdf, annotation):
    """The page number (from 1) a link annotation leads to."""
    destination = annotation.get("/Dest")
    if destination is None:
        destination = annotation.A.D
    if isinstance(destination, pikepdf.String):
        destination = pikepdf.NameTree(pdf.Root.Names.Dests)[str(destination)]
    pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
    return pages[destination[0].objgen]
