from django.conf import settings


def office(request):
    """The office's name for the page header and documents."""
    return {
        "office_name": settings.OFFICE_NAME,
        "office_unit": settings.OFFICE_UNIT,
        "office_address": settings.OFFICE_ADDRESS,
        "login_lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
