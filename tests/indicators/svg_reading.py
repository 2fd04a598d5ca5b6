"""Reading the monitoring's SVG figures back with ElementTree, for the figure tests."""

import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def parse(figure):
    root = ET.fromstring(str(figure.svg))
    assert root.tag == f"{SVG}svg"
    return root


def ids(root):
    return [element.get("id") for element in root.iter() if element.get("id")]


def texts(root):
    """The drawn texts (not their white halos) as (text, x, y, element)."""
    return [
        (element.text, float(element.get("x")), float(element.get("y")), element)
        for element in root.iter(f"{SVG}text")
        if element.get("stroke") != "#ffffff"
    ]


def references(root):
    """Every id the figure refers to: aria-labelledby and url(#…) fills."""
    found = root.get("aria-labelledby").split()
    for element in root.iter():
        found += re.findall(r"url\(#([^)]+)\)", element.get("fill") or "")
    return found


def assert_self_contained(root):
    """Nothing a strict CSP blocks or that loads from elsewhere."""
    for element in root.iter():
        assert element.tag not in (f"{SVG}style", f"{SVG}script", f"{SVG}image", f"{SVG}use")
        assert "style" not in element.attrib
        assert not any(key.endswith("href") for key in element.attrib)


def assert_accessible(root, title, alt):
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    assert by_id[title_id].tag == f"{SVG}title"
    assert by_id[title_id].text == title
    assert by_id[desc_id].tag == f"{SVG}desc"
    assert by_id[desc_id].text == alt
