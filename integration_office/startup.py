import sys

from django.core.exceptions import ImproperlyConfigured

MISSING_KEY = "DJANGO_SECRET_KEY is not set: production mode (DJANGO_DEBUG off) needs a secret key."


def check_settings_or_exit(serving):
    """Load the settings; on a configuration error stop with one line instead of a traceback.

    `serving` is true where the application answers requests (WSGI, runserver): only there is
    a missing secret key fatal.
    """
    from django.conf import settings

    try:
        settings.INSTALLED_APPS  # noqa: B018 - accessing a setting loads the module
        if serving and settings.SECRET_KEY_MISSING:
            raise ImproperlyConfigured(MISSING_KEY)
    except ImproperlyConfigured as error:
        sys.stderr.write(f"Configuration error: {error}\n")
        sys.exit(1)
