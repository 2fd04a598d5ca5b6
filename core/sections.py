"""Sections that a higher layer adds to a page of a lower one.

A measure's page lists the committee's agenda items about it, yet the measures app knows
nothing of the committee: the committee app registers the section (in its AppConfig.ready), and
the page shows whatever sections are registered for it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_REGISTRY: dict[str, list["Section"]] = {}


@dataclass(frozen=True)
class Section:
    template_name: str
    # The section's template context for the page's record.
    context: Callable[[Any], dict]


def register(page: str, template_name: str, context: Callable[[Any], dict]) -> None:
    sections = _REGISTRY.setdefault(page, [])
    if not any(section.template_name == template_name for section in sections):
        sections.append(Section(template_name, context))


def sections_for(page: str, record: Any) -> list[dict]:
    """The registered sections of `page` as (template name, context) for `record`."""
    return [
        {"template_name": section.template_name, "context": section.context(record)}
        for section in _REGISTRY.get(page, [])
    ]
