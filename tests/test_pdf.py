import io

import pytest
from pypdf import PdfReader

from core.pdf import StaticFilesFetcher, render_pdf
from tests.pdf_checks import assert_accessible


def test_it_renders_a_tagged_pdf_with_title_language_and_letterhead():
    pdf = render_pdf("pdf/base.html", {"title": "Monitoringbericht Frühjahr 2026"})
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Monitoringbericht Frühjahr 2026"
    assert reader.metadata.author == "Stadt Göppingen"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "de"
    assert "/StructTreeRoot" in root  # tagged for screen readers (PDF/UA)
    text = reader.pages[0].extract_text()
    assert "Stabsstelle Migration und Teilhabe" in text
    assert "Seite 1 von 1" in text


def test_the_bundled_font_is_embedded():
    pdf = render_pdf("pdf/base.html", {"title": "Schrift"})
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].get_object().values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("DejaVu-Sans" in name for name in fonts)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/logo.png",
        "file:///etc/passwd",
        "https://pdf.invalid/static/../../integration_office/settings.py",
        "https://pdf.invalid/media/secret.pdf",
        "data:text/html,<p>Nur Bilder dürfen eingebettet sein</p>",
    ],
)
def test_the_fetcher_refuses_everything_but_static_files(url):
    with pytest.raises(ValueError):
        StaticFilesFetcher().fetch(url)


def test_the_fetcher_serves_static_files():
    response = StaticFilesFetcher().fetch("https://pdf.invalid/static/css/pdf.css")
    assert b"@page" in response.read()


def test_the_fetcher_reads_embedded_images():
    response = StaticFilesFetcher().fetch("data:image/svg+xml;base64,PHN2Zy8+")
    assert response.read() == b"<svg/>"
    assert response.headers.get_content_type() == "image/svg+xml"


@pytest.mark.parametrize("archival", [False, True])
def test_downloads_are_pdf_ua_and_archived_copies_pdf_a_as_well(archival):
    title = "Monitoringbericht Frühjahr 2026"
    pdf, _tree = assert_accessible(
        render_pdf("pdf/base.html", {"title": title}, archival=archival), title, archival
    )
    assert str(pdf.docinfo.Author) == "Stadt Göppingen"
