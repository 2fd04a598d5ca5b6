"""Template tags of the report PDFs: the charts as images and the measure sheet's texts.

A chart is an SVG drawn from a template and embedded as a `data:` URL in an <img>: WeasyPrint
tags an <img> as a Figure with its `alt` as the alternative text (an inline <svg> loses its
aria-label), so every chart reaches a screen reader with the figures it shows.
"""

import base64

from django import template
from django.template.loader import render_to_string
from django.utils.text import Truncator

from measures.reports import charts

register = template.Library()


@register.simple_tag
def chart_src(template_name, chart):
    svg = render_to_string(template_name, {"chart": chart})
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


register.filter("status_alt", charts.status_alt)
register.filter("progress_alt", charts.progress_alt)
register.simple_tag(charts.indicator_alt, name="indicator_alt")

# The measure sheet is one page: its longest texts are cut at these lengths (characters).
SHEET_LIMITS = {
    "title": 100,
    "target_groups": 120,
    "goal": 220,
    "description": 350,
    "text": 350,
    "next_steps": 160,
    "obstacles": 160,
}


@register.simple_tag
def sheet_texts(measure, report=None):
    """The sheet's texts of `measure` and its latest `report`, each shortened to its limit,
    and `shortened`: whether any of them was."""
    texts = {"shortened": False}
    for name, limit in SHEET_LIMITS.items():
        source = report if name in ("text", "next_steps", "obstacles") else measure
        value = getattr(source, name, "") or ""
        texts[name] = Truncator(value).chars(limit)
        texts["shortened"] |= len(value) > limit
    return texts
