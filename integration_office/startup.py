import sys

from django.core.exceptions import ImproperlyConfigured


def check_settings_or_exit():
    """Load the settings; on a configuration error stop with one line instead of a traceback."""
    from django.conf import settings

    try:
        settings.INSTALLED_APPS  # noqa: B018 - accessing a setting loads the module
    except ImproperlyConfigured as error:
        sys.stderr.write(f"Configuration error: {error}\n")
        sys.exit(1)
