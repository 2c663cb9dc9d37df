"""Settings, from environment variables only (the README lists them all).

With none set the app runs embedded: SQLite under DATA_DIR, tasks in-process,
local-memory cache. DATABASE_URL (PostgreSQL through psycopg 3 and its pool) and
REDIS_URL (Celery broker, cache, change events) make it run as in production.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def env_time_limits(name: str, default: str) -> dict[str, tuple[float, float]]:
    """``kind=soft:hard,...`` → {kind: (soft, hard)}."""
    limits = {}
    for item in env_list(name, default):
        kind, _, pair = item.partition("=")
        soft, _, hard = pair.partition(":")
        limits[kind.strip()] = (float(soft), float(hard or soft))
    limits.setdefault("default", (300.0, 360.0))
    return limits


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG")
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data"))
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see README: Configuration).")
    SECRET_KEY = "insecure-development-key-only-for-DEBUG"  # noqa: S105 — DEBUG only, refused otherwise
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "csp",
    "ninja",  # the HTTP API (projects/api/); its Swagger page uses ninja's static files
    "projects",
]

MIDDLEWARE = [
    "projects.middleware.head_as_get",
    "projects.middleware.refuse_large_bodies",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "projects.middleware.RefusalMiddleware",
]

ROOT_URLCONF = "projects.urls"
WSGI_APPLICATION = "projects.wsgi.application"

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
            ],
        },
    }
]
FORM_RENDERER = "projects.forms.renderer.QuickFormRenderer"


def database_settings() -> dict:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'designer.sqlite3'}"
    config = dj_database_url.parse(url)
    if config["ENGINE"] == "django.db.backends.postgresql":
        # psycopg 3's pool (Django ≥ 5.1); the pool keeps connections, so no CONN_MAX_AGE.
        config["CONN_MAX_AGE"] = 0
        # The pool checks a connection before handing it out: after PostgreSQL restarted or
        # dropped idle connections, the first request gets a fresh one, not a 500.
        config["CONN_HEALTH_CHECKS"] = True
        config.setdefault("OPTIONS", {})["pool"] = {"min_size": 1, "max_size": 8, "timeout": 10}
    return config


DATABASES = {"default": database_settings()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# Every Redis call from a web request (cache, broker, results) gives up after this long: a
# Redis that accepts connections but does not answer (stopped, paused, swapping) must cost
# a request a second, not hang it. Redis answers in well under a millisecond when healthy.
REDIS_SOCKET_TIMEOUT = float(os.environ.get("REDIS_SOCKET_TIMEOUT", "1"))
# Sessions live in the database; the cache only speeds them up. Every cache user (sessions,
# change events, the render cache) goes through ResilientRedisCache, which turns an
# unreachable Redis into a miss / no-op with a warning instead of a 500.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "projects.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": REDIS_SOCKET_TIMEOUT, "socket_timeout": REDIS_SOCKET_TIMEOUT},
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_TASK_ALWAYS_EAGER = True  # embedded mode: tasks run in the request, no services needed
    CELERY_TASK_EAGER_PROPAGATES = True

# Jobs (projects/tasks.py). Late acknowledgement: a message is acknowledged only when its
# task has finished, and a message whose worker process died is given back to the queue.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_RESULT_EXPIRES = 3600  # the Job row is the record; results are only Celery's bookkeeping
# Starting a job with the broker down must answer quickly with a message, not hang the request.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}
# Soft / hard time limits (seconds) per job kind; "default" for kinds not listed.
# JOB_TIME_LIMITS="export=60:90,analysis=120:150,import=60:90,verification=900:960,default=300:360" overrides them.
JOB_TIME_LIMITS = env_time_limits(
    "JOB_TIME_LIMITS", "export=60:90,analysis=120:150,import=60:90,verification=900:960,default=300:360"
)
# A running job writes a heartbeat this often; one silent for JOB_HEARTBEAT_TIMEOUT_SECONDS
# has lost its worker and is marked failed by the reaper (the status view, `reap_jobs`).
JOB_HEARTBEAT_SECONDS = float(os.environ.get("JOB_HEARTBEAT_SECONDS", "5"))
JOB_HEARTBEAT_TIMEOUT_SECONDS = float(os.environ.get("JOB_HEARTBEAT_TIMEOUT_SECONDS", "30"))
# A job no worker has picked up after this long is failed too (no worker running).
JOB_PENDING_TIMEOUT_SECONDS = float(os.environ.get("JOB_PENDING_TIMEOUT_SECONDS", "600"))
# Redis gives an unacknowledged message (its worker was killed outright) back to the queue
# after this long; it must exceed the longest hard time limit or a slow job would run twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("JOB_REDELIVERY_SECONDS", "0"))
    or int(max(hard for _, hard in JOB_TIME_LIMITS.values()) + 60),
    "socket_timeout": REDIS_SOCKET_TIMEOUT,
    "socket_connect_timeout": REDIS_SOCKET_TIMEOUT,
}
CELERY_REDIS_SOCKET_TIMEOUT = CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = REDIS_SOCKET_TIMEOUT
CELERY_BEAT_SCHEDULE = {"reap-jobs": {"task": "projects.tasks.reap_jobs", "schedule": 60.0}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},  # "12345678" is no password
]
# Login and sign-up limits count in the cache (projects/ratelimits.py). In the embedded
# mode that cache is per process, which is right for its single process.
RATELIMIT_USE_CACHE = "default"
# The client address the limits count: the connection's, unless the connection comes from
# one of TRUSTED_PROXIES (comma-separated addresses of your reverse proxies); then the
# last address in CLIENT_ADDRESS_HEADER that is not a trusted proxy (docs/security.md).
TRUSTED_PROXIES = frozenset(env_list("TRUSTED_PROXIES"))
CLIENT_ADDRESS_HEADER = "HTTP_" + os.environ.get("CLIENT_ADDRESS_HEADER", "X-Forwarded-For").upper().replace("-", "_")

# Invitations are e-mailed. Default: printed on the console (development, embedded mode).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "").lower() in ("1", "true", "yes")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Schema Designer <noreply@localhost>")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "project_list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "media/"

# Bounded input (README: Limits). A request body is refused with 413 before it is read
# when its declared size exceeds MAX_REQUEST_BYTES. An import (file or paste) may be at
# most IMPORT_MAX_BYTES, checked before anything is parsed (413); above
# IMPORT_JOB_MIN_BYTES it is read by a worker, within the job's time limit
# (JOB_TIME_LIMITS "import"), with a progress bar; smaller ones are read in the request.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(10 * 1024 * 1024)))
IMPORT_JOB_MIN_BYTES = int(os.environ.get("IMPORT_JOB_MIN_BYTES", str(256 * 1024)))
# A worker's import keeps its upload under MEDIA_ROOT for Retry; the reaper deletes it
# this long after the import finished (at once when it is applied).
IMPORT_UPLOAD_KEEP_HOURS = float(os.environ.get("IMPORT_UPLOAD_KEEP_HOURS", "24"))
MAX_REQUEST_BYTES = IMPORT_MAX_BYTES + 64 * 1024  # the import plus the form around it
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BYTES
MAX_PROJECTS_PER_USER = int(os.environ.get("MAX_PROJECTS_PER_USER", "200"))
MAX_JOBS_IN_FLIGHT_PER_USER = int(os.environ.get("MAX_JOBS_IN_FLIGHT_PER_USER", "3"))

# Live database import from the web form: only for these hosts (comma-separated); empty = off.
# Calls per minute with one personal access token (projects/api/auth.py).
API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "600"))

IMPORT_LIVE_HOSTS = [h.strip() for h in os.environ.get("IMPORT_LIVE_HOSTS", "").split(",") if h.strip()]

# Graphviz: a layout that takes longer than this is refused with a message.
DIAGRAM_TIMEOUT_SECONDS = float(os.environ.get("DIAGRAM_TIMEOUT_SECONDS", "10"))

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Served over HTTPS (set HTTPS=1 in production): secure cookies, HSTS and a redirect from
# http. Behind a proxy that terminates TLS, SECURE_PROXY_SSL_HEADER tells Django so.
HTTPS = env_flag("HTTPS")
if HTTPS:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_flag("HSTS_PRELOAD", default=True)
    if env_flag("BEHIND_TLS_PROXY"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp): only our own scripts and styles; no inline code, no
# eval (htmx is told so in base.html), diagrams are inline SVG, PNG downloads are files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
