"""Tags of the funding section, so that any page including it needs only the project."""

import datetime
from decimal import Decimal

from django import template
from django.utils import timezone

from measures.projects.funding import project_sums

register = template.Library()


@register.simple_tag
def funding_sums(project) -> dict[str, Decimal]:
    """The sums of the project's prefetched applications (no query)."""
    return project_sums(list(project.funding_applications.all()))


@register.simple_tag
def local_today() -> datetime.date:
    return timezone.localdate()
