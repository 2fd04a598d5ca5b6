"""The XMP metadata of our PDFs: title, author, language and the standards the file claims.

WeasyPrint writes one identification only (PDF/UA or PDF/A) and no dc:language. An archived
copy is both PDF/A-3a and PDF/UA-1; PDF/A admits a property outside its predefined schemas only
when the file describes that schema (ISO 19005-3, 6.6.2.3), so the PDF/UA identification comes
with a PDF/A extension schema. The values repeat the document information dictionary, as PDF/A
requires (title, author, producer).
"""

from typing import Any
from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

import pydyf

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
for _prefix, _uri in NS.items():
    # ElementTree writes one prefix per namespace; these are the ones the standards use.
    register_namespace(_prefix, _uri)
RESOURCE = {"rdf:parseType": "Resource"}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _add(
    parent: Element, name: str, text: str | None = None, attributes: dict[str, str] | None = None
) -> Element:
    qualified = {_q(key): value for key, value in (attributes or {}).items()}
    element = SubElement(parent, _q(name), qualified)
    element.text = text
    return element


def _info(pdf: pydyf.PDF, key: str) -> str:
    value: Any = pdf.info.get(key)
    return str(value.string) if isinstance(value, pydyf.String) else ""


def xmp_packet(pdf: pydyf.PDF, archival: bool) -> bytes:
    """The XMP packet for `pdf`; `archival` adds the PDF/A-3a identification."""
    meta = Element(_q("x:xmpmeta"))
    description = _add(_add(meta, "rdf:RDF"), "rdf:Description", attributes={"rdf:about": ""})
    if archival:
        _add(description, "pdfaid:part", "3")
        _add(description, "pdfaid:conformance", "A")
    _add(description, "pdfuaid:part", "1")
    title = _info(pdf, "Title")
    if title:
        alternatives = _add(_add(description, "dc:title"), "rdf:Alt")
        item = _add(alternatives, "rdf:li", title)
        item.set("{http://www.w3.org/XML/1998/namespace}lang", "x-default")
    author = _info(pdf, "Author")
    if author:
        _add(_add(_add(description, "dc:creator"), "rdf:Seq"), "rdf:li", author)
    language: Any = pdf.catalog.get("Lang")
    if isinstance(language, pydyf.String) and language.string:
        _add(_add(_add(description, "dc:language"), "rdf:Bag"), "rdf:li", str(language.string))
    _add(description, "dc:format", "application/pdf")
    _add(description, "pdf:Producer", _info(pdf, "Producer"))
    if archival:
        _describe_pdfua_schema(description)
    packet = tostring(meta, encoding="unicode")
    return (
        f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n{packet}\n<?xpacket end="r"?>'
    ).encode()


def _describe_pdfua_schema(description: Element) -> None:
    schemas = _add(_add(description, "pdfaExtension:schemas"), "rdf:Bag")
    schema = _add(schemas, "rdf:li", attributes=RESOURCE)
    _add(schema, "pdfaSchema:schema", "PDF/UA Universal Accessibility Schema")
    _add(schema, "pdfaSchema:namespaceURI", NS["pdfuaid"])
    _add(schema, "pdfaSchema:prefix", "pdfuaid")
    properties = _add(_add(schema, "pdfaSchema:property"), "rdf:Seq")
    part = _add(properties, "rdf:li", attributes=RESOURCE)
    _add(part, "pdfaProperty:name", "part")
    _add(part, "pdfaProperty:valueType", "Integer")
    _add(part, "pdfaProperty:category", "internal")
    _add(part, "pdfaProperty:description", "Part of ISO 14289 the file conforms to")


def write_xmp(pdf: pydyf.PDF, archival: bool) -> None:
    """Replace the metadata stream WeasyPrint wrote by ours (uncompressed, so that archive
    tools read it without inflating)."""
    packet = xmp_packet(pdf, archival)
    reference = pdf.catalog.get("Metadata")
    if isinstance(reference, bytes):
        stream = pdf.objects[int(reference.split()[0])]
        stream.stream, stream.compress = [packet], False
        return
    stream = pydyf.Stream([packet], {"Type": "/Metadata", "Subtype": "/XML"}, compress=False)
    pdf.add_object(stream)
    pdf.catalog["Metadata"] = stream.reference
