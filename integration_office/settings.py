"""Settings for the Integrationsplan application.

Every setting that differs between machines comes from a documented environment variable
(see `.env.example`). A `.env` file beside `manage.py` is read when present.
"""

import datetime
import secrets
import warnings
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
# Serving in production mode without a key is refused at start-up (integration_office.startup);
# maintenance commands such as `makemigrations --check` run with a throwaway key meanwhile.
SECRET_KEY_MISSING = not SECRET_KEY and not DEBUG
if not SECRET_KEY:
    SECRET_KEY = (
        "insecure-development-key-only-for-debug-mode" if DEBUG else secrets.token_urlsafe(50)
    )

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "import_export",
    "simple_history",
    "axes",
    "csp",
    # Background tasks (issue 11): the backport of django.tasks and its database queue
    # (`manage.py db_worker` runs the worker).
    "django_tasks",
    "django_tasks_db",
    # Django's widget templates for the form renderer (TemplatesSetting).
    "django.forms",
    # Bottom up: shared helpers, the domain apps, and on top the dashboard and the demo data.
    "core",
    "network",
    "measures",
    "committee",
    "dashboard",
    "public",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.PrivateResponsesMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it answers for locked-out logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "integration_office.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.context_processors.office",
            ],
        },
    },
]
# Every form's fields name their help text and errors (aria-describedby); see that module.
FORM_RENDERER = "core.forms.FormRenderer"

WSGI_APPLICATION = "integration_office.wsgi.application"


def _database(url):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an unknown scheme is reported below instead
            config = environ.Env.db_url_config(url)
    except Exception as error:
        raise ImproperlyConfigured(f"DATABASE_URL is not usable ({url!r}): {error}") from error
    engine = config.get("ENGINE", "")
    if engine not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
        raise ImproperlyConfigured(
            f"DATABASE_URL {url!r}: only sqlite:/// and postgres:// are supported."
        )
    if engine == "django.db.backends.postgresql":
        # psycopg 3's connection pool; CONN_MAX_AGE must stay 0 with a pool.
        config.setdefault("OPTIONS", {})["pool"] = True
        config["CONN_MAX_AGE"] = 0
    else:
        name = str(config.get("NAME") or "")
        if name and name != ":memory:" and not Path(name).is_absolute():
            config["NAME"] = str(BASE_DIR / name)
    return config


DATABASES = {"default": _database(env.str("DATABASE_URL", default="sqlite:///db.sqlite3"))}

# Caches (core/caching.py). "default" holds rendered HTML: each process's own memory, or the
# cache DJANGO_CACHE_URL names (redis://127.0.0.1:6379/0 for several app servers). "versions"
# holds the data version that invalidates that HTML on every save: it must be shared by every
# worker process, management command and app server, so it lives in a table of the database
# (created by migrate), or in the cache DJANGO_CACHE_URL names when that is shared.
SHARED_CACHE_TABLE = "shared_cache"
PROCESS_CACHES = ("django.core.cache.backends.locmem.", "django.core.cache.backends.dummy.")


def _caches(url):
    database = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": SHARED_CACHE_TABLE,
    }
    if not url:
        memory = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        return {"default": {**memory, "OPTIONS": {"MAX_ENTRIES": 1000}}, "versions": database}
    try:
        config = environ.Env.cache_url_config(url)
    except Exception as error:
        raise ImproperlyConfigured(f"DJANGO_CACHE_URL is not usable ({url!r}): {error}") from error
    shared = not config["BACKEND"].startswith(PROCESS_CACHES)
    return {
        "default": config,
        "versions": {**config, "KEY_PREFIX": "versions"} if shared else database,
    }


CACHES = _caches(env.str("DJANGO_CACHE_URL", default=""))
# How long cached HTML is kept at most; a save makes it unreachable at once anyway, and after
# this time an erased person's name is gone from the caches' memory too.
CACHE_HTML_SECONDS = env.int("DJANGO_CACHE_SECONDS", default=600)

# The public pages under /public/ (issue 14): off with DJANGO_PUBLIC_PAGES=false. The open data
# (measures as CSV and JSON) are published under this licence.
PUBLIC_PAGES_ENABLED = env.bool("DJANGO_PUBLIC_PAGES", default=True)
OPEN_DATA_LICENCE = env.str(
    "OPEN_DATA_LICENCE", default="Datenlizenz Deutschland – Namensnennung – Version 2.0"
)
OPEN_DATA_LICENCE_URL = env.str(
    "OPEN_DATA_LICENCE_URL", default="https://www.govdata.de/dl-de/by-2-0"
)


def _iso_date(name, default):
    value = env.str(name, default=default)
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} is not a date like 2026-11-30: {value!r}") from None


# The accessibility statement (BITV 2.0): its date (ISO), the feedback contact and where a
# person turns when the feedback gets no satisfactory answer (the conciliation bodies).
ACCESSIBILITY_STATEMENT_DATE = _iso_date("ACCESSIBILITY_STATEMENT_DATE", "2026-11-30")
ACCESSIBILITY_CONTACT_EMAIL = env.str(
    "ACCESSIBILITY_CONTACT_EMAIL", default="integration@goeppingen.example"
)
ACCESSIBILITY_CONTACT_PHONE = env.str("ACCESSIBILITY_CONTACT_PHONE", default="")
ACCESSIBILITY_CONCILIATION_URL = env.str(
    "ACCESSIBILITY_CONCILIATION_URL", default="https://www.schlichtungsstelle-bgg.de/"
)
ACCESSIBILITY_STATE_COMMISSIONER_URL = env.str(
    "ACCESSIBILITY_STATE_COMMISSIONER_URL",
    default="https://sozialministerium.baden-wuerttemberg.de/de/soziales/"
    "menschen-mit-behinderungen/landes-behindertenbeauftragte/",
)
# Impressum and Datenschutz: a link to the city's own page when set, else our own texts.
PUBLIC_IMPRINT_URL = env.str("PUBLIC_IMPRINT_URL", default="")
PUBLIC_PRIVACY_URL = env.str("PUBLIC_PRIVACY_URL", default="")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one user name
# from one address, that combination is locked for LOGIN_LOCKOUT_MINUTES.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
# Per user name and address, and per address across names (core/throttling.py
# reads them in this order and applies LOGIN_ADDRESS_FAILURE_LIMIT to the second).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "core.throttling.LoginThrottle"
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("LOGIN_ADDRESS_FAILURE_LIMIT", default=10)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "core.client.client_address"
# No log of successful logins (personal data without a purpose here) and no admin pages:
# a lock ends by itself or with `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS`.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
# One catalogue per area; makemessages files a string under the first path whose folder holds
# the source file, so the apps with catalogues of their own come before the project's.
LOCALE_PATHS = [
    BASE_DIR / "network" / "locale",
    BASE_DIR / "committee" / "locale",
    BASE_DIR / "locale",
]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["integration_office.formats"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Several app servers and workers share one media store: DJANGO_MEDIA_STORAGE names another
# storage backend for uploads and archived PDFs, e.g. "storages.backends.s3.S3Storage"
# (django-storages, optional dependency `.[s3]`; bucket in DJANGO_S3_BUCKET, docs/operations.md).
STORAGES["default"]["BACKEND"] = env.str(
    "DJANGO_MEDIA_STORAGE", default="django.core.files.storage.FileSystemStorage"
)
if STORAGES["default"]["BACKEND"].startswith("storages.backends.s3"):
    # Credentials as boto3 reads them (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or a role).
    STORAGES["default"]["OPTIONS"] = {
        "bucket_name": env.str("DJANGO_S3_BUCKET"),
        "region_name": env.str("DJANGO_S3_REGION", default=None),
        "endpoint_url": env.str("DJANGO_S3_ENDPOINT_URL", default=None),
        "default_acl": "private",
        "file_overwrite": False,
    }
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = "media/"
# Form fields other than files are small here, so a body with more than 1 MB of them is refused
# with 400 before it is parsed; uploaded files above 1 MB are streamed to a temporary file rather
# than held in a worker's memory (council documents may have 20 MB). The body as a whole is
# limited by the proxy in front (client_max_body_size 25m, see README).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

EMAIL_BACKEND = env.str(
    "DJANGO_EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("DJANGO_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("DJANGO_EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("DJANGO_EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="integration@localhost")
# Seconds before the second and the third attempt of a mail the server refused (core/deliveries.py).
MAIL_RETRY_DELAYS = tuple(env.list("DJANGO_MAIL_RETRY_DELAYS", cast=int, default=[60, 300]))
# The organiser of the meetings in calendar files (ORGANIZER); invitations are sent as iTIP
# REQUEST only with a real address here, never with one at localhost (committee/calendar.py).
CALENDAR_ORGANIZER = env.str("DJANGO_CALENDAR_ORGANIZER", default=DEFAULT_FROM_EMAIL)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG and env.bool("DJANGO_SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0)
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https")
    if env.bool("DJANGO_BEHIND_TLS_PROXY", default=False)
    else None
)
X_FRAME_OPTIONS = "DENY"
# A strict Content-Security-Policy (django-csp): scripts, styles, images and fonts only from our
# own files, no inline code, no framing, forms only to ourselves.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# django-import-export: neutralise cells starting with =, +, -, @ against formula injection.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True

# django-simple-history: the admin shows the change history but restores nothing from it; a
# revert would also restore workflow states (core.admin.HistoryAdmin).
SIMPLE_HISTORY_REVERT_DISABLED = True

# The office's own settings.
OFFICE_NAME = env.str("OFFICE_NAME", default="Stadt Göppingen")
OFFICE_UNIT = env.str("OFFICE_UNIT", default="Stabsstelle Migration und Teilhabe")
OFFICE_ADDRESS = env.str("OFFICE_ADDRESS", default="Hauptstraße 1, 73033 Göppingen")
# A measure without a status report for this many months counts as "stale".
MEASURE_STALE_MONTHS = env.int("MEASURE_STALE_MONTHS", default=6)
# Contacts whose consent or last confirmation is older than this are listed for re-confirmation.
CONTACT_RECONFIRM_YEARS = env.int("CONTACT_RECONFIRM_YEARS", default=2)
# Offers not confirmed by their provider or the office for this many months leave the public guide.
OFFER_CONFIRM_MONTHS = env.int("OFFER_CONFIRM_MONTHS", default=15)
# `manage.py run_periodic` reminds a project's responsible staff member of a funding deadline
# this many days before it is due.
PROJECT_DEADLINE_REMINDER_DAYS = env.int("PROJECT_DEADLINE_REMINDER_DAYS", default=14)
# A partner's monitoring link stays valid this many days after the round's due date.
MONITORING_GRACE_DAYS = env.int("MONITORING_GRACE_DAYS", default=14)
# `manage.py run_periodic` reminds partners this many days before a monitoring round is due.
REMINDER_DAYS = env.int("DJANGO_REMINDER_DAYS", default=7)
# The address the site is reached at, for links in mail that no request sends (run_periodic).
SITE_URL = env.str("DJANGO_SITE_URL", default="http://127.0.0.1:8000")

# Background tasks (core/tasks.py): the database queue by default, worked by `manage.py
# db_worker`; "django_tasks_rq.RQBackend" with DJANGO_TASKS_RQ_URL for Redis (docs/operations.md).
TASKS = {
    "default": {
        "BACKEND": env.str("DJANGO_TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}
if TASKS["default"]["BACKEND"].startswith("django_tasks_rq."):
    INSTALLED_APPS.append("django_rq")  # `manage.py rqworker default` runs the worker.
    RQ_QUEUES = {
        "default": {"URL": env.str("DJANGO_TASKS_RQ_URL", default="redis://127.0.0.1:6379/0")}
    }

# The OParl interface (committee/oparl): licence of the published data (a URL, as OParl asks),
# the body's official municipality keys (AGS, 8 digits; RGS, 12 digits; empty = not given), its
# website, vendor and product URLs of the system (empty product: the system's own address).
OPARL_LICENSE = env.str("OPARL_LICENSE", default="https://www.govdata.de/dl-de/by-2-0")
OPARL_BODY_AGS = env.str("OPARL_BODY_AGS", default="08117026")
OPARL_BODY_RGS = env.str("OPARL_BODY_RGS", default="")
OPARL_BODY_WEBSITE = env.str("OPARL_BODY_WEBSITE", default="https://www.goeppingen.de/")
OPARL_VENDOR = env.str("OPARL_VENDOR", default=OPARL_BODY_WEBSITE)
OPARL_PRODUCT = env.str("OPARL_PRODUCT", default="")
# Who attended a meeting is published (Meeting.participant) only when this is switched on.
OPARL_PUBLISH_ATTENDANCE = env.bool("OPARL_PUBLISH_ATTENDANCE", default=False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}
