"""Settings for the test suite: production settings plus a throwaway key and fast hashing."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production")

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Uploaded files (committee documents) go to a throwaway folder, never into the project's media.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="integrationsplan-test-media-"))
# A real organiser, so that invitations are iTIP requests (the default sender is at localhost).
CALENDAR_ORGANIZER = "integrationsausschuss@goeppingen.example"
# Background tasks run at once, inside the request or test (tests/jobs/ start a real worker).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
