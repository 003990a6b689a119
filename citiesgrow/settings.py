"""Settings for the CITIES-GROW platform.

Everything comes from the environment (see `.env.example`). The defaults are
the local ones that `make run` uses: SQLite, tasks run in-process, mails
printed to the console. Production sets DATABASE_URL, CELERY_BROKER_URL,
EMAIL_URL, SECRET_KEY, ALLOWED_HOSTS and HTTPS=1.
"""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from .env import email_settings, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "insecure-local-development-key-set-SECRET_KEY-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "rules.apps.AutodiscoverRulesConfig",
    "citiesgrow",  # the load_demo command, which brings every app's demo data together
    "accounts",
    "mentoring",
    "actionplans",
    "toolkits",
    "notifications",
    "deliverables",
    "events",
    "api",
    "audit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "citiesgrow.middleware.ContentSecurityPolicyMiddleware",
    "citiesgrow.middleware.DatabaseErrorMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "audit.context.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "accounts.middleware.PreferredLanguageMiddleware",
    "accounts.middleware.StaffMfaMiddleware",
]

ROOT_URLCONF = "citiesgrow.urls"
WSGI_APPLICATION = "citiesgrow.wsgi.application"

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
                "citiesgrow.context_processors.platform",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# Database: SQLite locally, PostgreSQL wherever DATABASE_URL says so.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHE_URL = env_str("CACHE_URL", "locmem://")
if CACHE_URL.startswith("redis"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Pages kept per viewer until the data changes (pagecache/); PostgreSQL only.
PAGE_CACHE = env_bool("PAGE_CACHE", True)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: e-mail is the login; nobody signs up without an invitation.
ACCOUNT_ADAPTER = "accounts.adapter.InvitationOnlyAccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PREVENT_ENUMERATION = True
# No "you have no account, sign up here" mail: nobody can sign up without an invitation.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[CITIES-GROW] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if env_bool("HTTPS", False) else "http"
# Failed sign-ins: 10 a minute per address, 5 per 5 minutes per account.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("LOGIN_FAILED_RATE_LIMIT", "10/m/ip,5/300s/key"),
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "CITIES-GROW"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The interface speaks English, French and German. A signed-in person's choice is kept on their
# account (accounts.middleware.PreferredLanguageMiddleware); visitors' in a cookie.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("de", _("German"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers in the active language: citiesgrow/formats/<language>/formats.py.
FORMAT_MODULE_PATH = ["citiesgrow.formats"]
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Tests and `make run` serve static files straight from the finders; production
# serves the collected, hashed and compressed copies (collectstatic).
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Rendered PDFs: a deliverable keeps one file name, overwritten by each rendering.
    "deliverables": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"allow_overwrite": True},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if WHITENOISE_USE_FINDERS
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MANIFEST_STRICT = False

# E-mail
vars().update(email_settings(env_str("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "CITIES-GROW <no-reply@cities-grow.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: with no broker configured, tasks run in-process.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "citiesgrow")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# How long Redis waits before handing an unacknowledged task (its worker died) to another worker.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)}
# Workers that share a Redis with others but must only ever take back each other's unacknowledged
# tasks (the tests that kill a worker) keep them under keys of their own.
if CELERY_UNACKED_KEY_PREFIX := env_str("CELERY_UNACKED_KEY_PREFIX", ""):
    CELERY_BROKER_TRANSPORT_OPTIONS.update(
        {
            key: f"{CELERY_UNACKED_KEY_PREFIX}{key.removesuffix('_key')}"
            for key in ("unacked_key", "unacked_index_key", "unacked_mutex_key")
        }
    )
CELERY_TIMEZONE = TIME_ZONE
# celery beat: the outbox sweep every minute; digests and reminders hourly (each
# sends only what is due and not yet sent, so a missed or repeated run is harmless).
CELERY_BEAT_SCHEDULE = {
    "outbox-sweep": {"task": "notifications.tasks.sweep_outbox", "schedule": 60.0},
    "daily-digests": {"task": "notifications.tasks.send_due_digests", "schedule": crontab(minute=0)},
    "reminders": {"task": "notifications.tasks.send_due_reminders", "schedule": crontab(minute=5)},
}

# Outbox: a pending row older than this (seconds) is queued again by the sweep;
# a row "sending" for longer is taken for abandoned (its worker died) and sent again.
# Keep the timeout well above EMAIL_TIMEOUT (20 s), so a slow but live worker is never doubled.
NOTIFICATIONS_PENDING_GRACE = env_int("NOTIFICATIONS_PENDING_GRACE", 60)
NOTIFICATIONS_SENDING_TIMEOUT = env_int("NOTIFICATIONS_SENDING_TIMEOUT", 300)

# Security. HTTPS=1 behind a TLS-terminating proxy turns on the rest.
HTTPS = env_bool("HTTPS", False)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint reports each step of each rendering at INFO, and fontTools each font subset.
    "loggers": {
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# How long an invitation link stays valid.
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)

# Visit attachments: the largest file accepted, in bytes (10 MB unless set).
VISIT_ATTACHMENT_MAX_BYTES = env_int("VISIT_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
# Default deadlines when a visit is planned: the brief before the first day, the report after the last.
VISIT_BRIEF_DAYS_BEFORE = env_int("VISIT_BRIEF_DAYS_BEFORE", 14)
VISIT_REPORT_DAYS_AFTER = env_int("VISIT_REPORT_DAYS_AFTER", 30)
# The good-practice library: the longest search query kept (longer ones are cut, and the page says so),
# results per page, and the largest video a practice may upload (MP4 or WebM only).
LIBRARY_QUERY_MAX_LENGTH = env_int("LIBRARY_QUERY_MAX_LENGTH", 200)
LIBRARY_PAGE_SIZE = env_int("LIBRARY_PAGE_SIZE", 20)
VIDEO_MAX_UPLOAD_BYTES = env_int("VIDEO_MAX_UPLOAD_BYTES", 200 * 1024 * 1024)
# The largest signed decision document (PDF) an approver may upload, in bytes.
PLAN_DOCUMENT_MAX_BYTES = env_int("PLAN_DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)

# PDF deliverables (docs/deliverables.md): time limits of one rendering, in seconds. A rendering
# still marked "rendering" after the hard limit is re-queued by the periodic sweep.
DELIVERABLES_SOFT_TIME_LIMIT = env_int("DELIVERABLES_SOFT_TIME_LIMIT", 120)
DELIVERABLES_HARD_TIME_LIMIT = env_int("DELIVERABLES_HARD_TIME_LIMIT", 150)
# How many times a rendering is tried (interrupted workers, transient errors) before it is marked failed.
DELIVERABLES_MAX_ATTEMPTS = env_int("DELIVERABLES_MAX_ATTEMPTS", 3)
# Tests and benchmarks only: seconds each rendering waits before it starts, to kill a worker mid-render.
DELIVERABLES_RENDER_DELAY = float(env_str("DELIVERABLES_RENDER_DELAY", "0"))

# A plan in the same state longer than this many days puts its pair "at risk" on the dashboards
# (except in implementation, where it stays by design).
PLAN_STUCK_DAYS = env_int("PLAN_STUCK_DAYS", 30)

# The read API (Django REST framework): personal tokens first, so a missing or bad token answers 401;
# a signed-in browser session also works for the browsable pages. Read-only, paginated, throttled.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.PersonalTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "PAGE_SIZE": env_int("API_PAGE_SIZE", 50),
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_ANON_RATE", "60/minute"),
        "user": env_str("API_USER_RATE", "600/minute"),
    },
    "DEFAULT_SCHEMA_CLASS": "api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "api.views.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "CITIES-GROW open data API",
    "DESCRIPTION": (
        "Read-only. Network facts, published toolkits, good practices and events are open to everyone; "
        "visits, reports and recommendations need a personal token (Authorization: Bearer <token>) and "
        "show what the token's owner may see on the site."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "PairingConfidenceEnum": "mentoring.models.Pairing.Confidence",
        "SourceConfidenceEnum": "events.models.Confidence",
        "PlanStateEnum": "actionplans.models.PlanState",
    },
}
