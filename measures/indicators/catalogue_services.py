"""Changes to the monitoring's catalogue that touch more than one record: deleting an
indicator with its values, deleting an area, storing the boundaries of a whole file."""

from concurrency.exceptions import RecordModifiedError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.history import recorded_by

from ..models import Area, CityIndicator, CityIndicatorValue


class CatalogueError(Exception):
    """A change the catalogue's data does not allow; the message is for the user."""


def delete_indicator(indicator: CityIndicator, user) -> None:
    """Delete the indicator and its values; the history of both stays."""
    with transaction.atomic():
        recorded_by(indicator, user).delete()


def delete_value(value: CityIndicatorValue, user) -> None:
    with transaction.atomic():
        recorded_by(value, user).delete()


def delete_area(area: Area, user) -> None:
    """Delete an area no value refers to; values keep their area (PROTECT)."""
    with transaction.atomic():
        count = area.values.count()
        if count:
            raise CatalogueError(
                ngettext(
                    "“%(area)s” cannot be deleted: %(count)d value refers to it. Delete the "
                    "value first.",
                    "“%(area)s” cannot be deleted: %(count)d values refer to it. Delete the "
                    "values first.",
                    count,
                )
                % {"area": area, "count": count}
            )
        recorded_by(area, user).delete()


def store_boundaries(matched: dict[Area, dict], unmatched: list[str], user) -> int:
    """Store every matched boundary, or none while a feature of the file matched no area."""
    if unmatched:
        raise CatalogueError(
            _("No boundary has been stored: not every feature of the file matched an area.")
        )
    try:
        with transaction.atomic():
            for area, geometry in matched.items():
                area.boundary = geometry
                recorded_by(area, user).save()
    except RecordModifiedError:
        raise CatalogueError(
            _(
                "No boundary has been stored: someone has changed an area meanwhile. Please upload "
                "the file again."
            )
        ) from None
    return len(matched)
