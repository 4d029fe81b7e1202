"""Django settings for Cadre, read from the environment.

DATABASE_URL      database; a SQLite file in the data directory when unset
CADRE_DATA_DIR    where the SQLite file and collected static files live (default ./cadre-data)
CADRE_SECRET_KEY  required unless CADRE_DEMO=1 (set by `cadre demo`) or running tests
CADRE_DEBUG       "1" to turn on Django's debug pages (off by default)
CADRE_ALLOWED_HOSTS  comma-separated host names (default: localhost,127.0.0.1)
CADRE_IMPORT_IN_BACKGROUND_FROM_ROWS  imports of this many rows or more run as background
                  jobs (default 100000)
CADRE_EXPORT_XLSX_IN_BACKGROUND_FROM_ROWS  XLSX exports of this many rows or more are
                  written by a background job with a download link (default 10000)
CADRE_EXPORT_CSV_IN_BACKGROUND_FROM_ROWS  the same for CSV exports (default 100000)
CADRE_IMPORT_MAX_ROWS, CADRE_IMPORT_MAX_COLUMNS, CADRE_IMPORT_MAX_XLSX_UNPACKED_BYTES
                  what one imported file may hold (default 1000000 rows, 1000 columns, 1 GiB)
CADRE_LANGUAGE_TEST_VALID_DAYS  how many days a language test result stays valid
                  for a course's minimum SLP (default 730, two years)
CADRE_SIGNING_KEY the mission's Ed25519 private key file, made on first use with mode 0600
                  (default DATA_DIR/signing-key.pem); keep it out of the repository and backups
                  of the database (docs/training.md)
CADRE_VERIFY_RATE  certificate checks one client address may make on the public page per
                  minute (default 20)
CADRE_WAITLIST_OFFER_HOURS  how long a seat offered from a waiting list stays open
                  (default 72)
CADRE_IATI_REPORTING_ORG  the registered IATI identifier of the organisation that publishes
                  the IATI file (default XI-CADRE-NATO, a stand-in that `cadre export-iati`
                  warns about); CADRE_IATI_REPORTING_ORG_NAME its name (default NATO's)
CADRE_HTTPS       "1" when Cadre is served over HTTPS: secure cookies, HSTS, redirect to HTTPS
CADRE_BEHIND_PROXY  "1" when a reverse proxy terminates HTTPS and sets X-Forwarded-Proto
"""

import importlib.util
import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("CADRE_DATA_DIR", Path.cwd() / "cadre-data")).resolve()

TESTING = "pytest" in sys.modules or os.environ.get("CADRE_TESTING") == "1"
DEMO = os.environ.get("CADRE_DEMO") == "1"

SECRET_KEY = os.environ.get("CADRE_SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEMO or TESTING):
        raise ImproperlyConfigured(
            "Set CADRE_SECRET_KEY to a long random string (only `cadre demo` runs without one)."
        )
    SECRET_KEY = "cadre-demo-and-tests-only-not-a-secret"

DEBUG = os.environ.get("CADRE_DEBUG", "0") == "1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("CADRE_ALLOWED_HOSTS", "localhost,127.0.0.1,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "cadre.audit",
    "cadre.core",
    # Declaration order is load order (cadre.core.registry): sources before the records
    # that cite them, nations included.
    "cadre.sources",
    "cadre.accounts",
    "cadre.missions",
    "cadre.training",
    "cadre.advising",
    "cadre.coordination",
    "cadre.pageimport",
    "cadre.reports",
]
if TESTING and importlib.util.find_spec("cadre_probe"):
    # Object types that exist only in the tests (tests/cadre_probe): a seat limit that only
    # its service enforces, to prove that every write path calls the service.
    INSTALLED_APPS.append("cadre_probe")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cadre.accounts.middleware.UserLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cadre.core.middleware.DatabaseBusyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "cadre.audit.middleware.AuditContextMiddleware",
    "axes.middleware.AxesMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "cadre.urls"
WSGI_APPLICATION = "cadre.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cadre.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'cadre.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # Readers never wait for a writer (WAL); a writer waits its turn for up to 20 s
            # instead of failing with "database is locked"; and a transaction takes the
            # write lock when it begins, so two writers cannot both read, then collide.
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
# A second connection to the same database, for a background job's progress: written on it,
# progress shows on the job's page while the work is still inside its transaction.
DATABASES["progress"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}

# Background jobs (cadre.core.jobs): the queue is kept in the database; `cadre worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# An import of this many rows or more is previewed and applied by a background job.
IMPORT_IN_BACKGROUND_FROM_ROWS = int(
    os.environ.get("CADRE_IMPORT_IN_BACKGROUND_FROM_ROWS", 100_000)
)
# A workbook is written whole before its first byte can leave: an XLSX export of this many
# rows or more is written by a background job, with a progress bar and a download link. A
# CSV streams, but PostgreSQL joins and sorts a list whole before its first line (1.3 s at
# 10^5 rows, 20 s at 10^6: bench/README.md): a CSV of this many rows or more is a job too.
EXPORT_XLSX_IN_BACKGROUND_FROM_ROWS = int(
    os.environ.get("CADRE_EXPORT_XLSX_IN_BACKGROUND_FROM_ROWS", 10_000)
)
EXPORT_CSV_IN_BACKGROUND_FROM_ROWS = int(
    os.environ.get("CADRE_EXPORT_CSV_IN_BACKGROUND_FROM_ROWS", 100_000)
)

# What one imported file may hold (core.imports); beyond it the file is refused, naming the
# row, column or part and the cap, before the excess is read into memory.
# Rows: the engine imports about 1,000 rows a second (bench/README.md), so a million rows is
# a background job of a quarter of an hour that keeps every key it has seen; split larger files.
IMPORT_MAX_ROWS = int(os.environ.get("CADRE_IMPORT_MAX_ROWS", 1_000_000))
# Columns: the widest object type has a few dozen fields; a wider sheet is not an import.
IMPORT_MAX_COLUMNS = int(os.environ.get("CADRE_IMPORT_MAX_COLUMNS", 1000))
# A cell: 32,767 characters is the most a cell of Excel or LibreOffice Calc holds.
IMPORT_MAX_CELL_CHARS = 32_767
# An XLSX file is zipped XML, checked before it is unzipped: a sheet at the row cap with a
# dozen columns unpacks to about a gigabyte, and no spreadsheet's XML shrinks a hundred times
# when zipped (a run of one character, the shape of a zip bomb, shrinks a thousand times).
IMPORT_MAX_XLSX_UNPACKED_BYTES = int(
    os.environ.get("CADRE_IMPORT_MAX_XLSX_UNPACKED_BYTES", 1024 * 1024 * 1024)
)
IMPORT_MAX_XLSX_RATIO = 100

# How long a language test result counts towards a course's minimum SLP: two years unless
# the mission's own rule says otherwise.
LANGUAGE_TEST_VALID_DAYS = int(os.environ.get("CADRE_LANGUAGE_TEST_VALID_DAYS", 730))
WAITLIST_OFFER_HOURS = int(os.environ.get("CADRE_WAITLIST_OFFER_HOURS", 72))
IATI_REPORTING_ORG_REF = os.environ.get("CADRE_IATI_REPORTING_ORG", "XI-CADRE-NATO")
IATI_REPORTING_ORG_NAME = os.environ.get(
    "CADRE_IATI_REPORTING_ORG_NAME", "North Atlantic Treaty Organization"
)

# The mission's signing key (cadre.core.signing): a file, never a database row.
SIGNING_KEY = Path(os.environ.get("CADRE_SIGNING_KEY", DATA_DIR / "signing-key.pem"))
# The public verification page (/verify/) counts each client address's checks in Django's
# cache. The default cache is in the process's memory, which the threads of `cadre serve`
# share; a deployment of several processes must set a cache they all share (Redis or the
# database cache) or each process counts on its own (docs/training.md).
VERIFY_RATE_PER_MINUTE = int(os.environ.get("CADRE_VERIFY_RATE", 20))
# Who a certificate names as its issuer when its session names no mission.
CERTIFICATE_ISSUER = os.environ.get("CADRE_CERTIFICATE_ISSUER", "NATO Mission Iraq")
CERTIFICATE_ISSUER_AR = os.environ.get("CADRE_CERTIFICATE_ISSUER_AR", "بعثة الناتو في العراق")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests create many users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
# Lock out a user name at one address, never a whole address: behind a reverse proxy
# every user shares one address, and five wrong passwords of one must not lock out all.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLED = os.environ.get("CADRE_LOGIN_THROTTLE", "1") == "1"

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = False

HTTPS = os.environ.get("CADRE_HTTPS", "0") == "1"
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
if os.environ.get("CADRE_BEHIND_PROXY", "0") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Scripts and styles come only from Cadre's own static files: no inline script can run,
# so text a user wrote can never become one.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ar", _("Arabic"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Arabic dates and numbers as Arabic readers write them (see formats/ar/formats.py).
FORMAT_MODULE_PATH = ["cadre.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# Uploaded files (delivery receipts). Never served as they lie: each is read through the
# page of the record it belongs to, which checks that the reader may read that record.
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# A receipt is a scan or a photograph: PDF, PNG or JPEG (told by its first bytes), at most
# 10 MB.
RECEIPT_MAX_BYTES = 10 * 1024 * 1024
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG or DEMO or TESTING

DJANGO_TABLES2_TEMPLATE = "core/table.html"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "cadre.accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["cadre.core.api.RolePermission"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "cadre.core.api.CadrePagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "cadre.core.api.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Cadre API",
    "DESCRIPTION": "The mission record of a security-force training mission.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every historical date's precision is one choice set: one name in the schema.
    # Timeline events and the candidates read from a page share their kinds: one enum.
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "cadre.core.dates.DatePrecision",
        "TimelineEventKindEnum": "cadre.missions.models.TimelineEvent.Kind",
        "SupportKindEnum": "cadre.coordination.models.requirements.SupportKind",
        "ItemStatusEnum": "cadre.coordination.models.arms.ItemStatus",
        # Plans and assessments share the gender review's states (and its API action).
        "GenderReviewEnum": "cadre.advising.models.GenderReview",
        "AssessmentStatusEnum": "cadre.advising.models.Assessment.Status",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
