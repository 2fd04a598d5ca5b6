from typing import Any

from django.conf import settings
from django.http import HttpRequest


def office(request: HttpRequest | None) -> dict[str, Any]:
    """The office's name for the page header and documents."""
    return {
        "office_name": settings.OFFICE_NAME,
        "office_unit": settings.OFFICE_UNIT,
        "office_address": settings.OFFICE_ADDRESS,
        "open_data_licence": settings.OPEN_DATA_LICENCE,
        "login_lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
