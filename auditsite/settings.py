"""The one settings module. Everything that differs between machines comes from the
environment. The defaults fail closed: debug is off (and a secret key required) unless
DJANGO_DEBUG=1, as `make run` and `make test` set it; SQLite and console email otherwise."""

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from common.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)  # fail closed: local use opts in (Makefile, tests)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG=0 the site refuses to start "
            "without one: set it to a long random string, for example the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "health_check",
    "django_tasks",
    "django_tasks_db",
    "questionnaire",
    "reports",
    "consulting",
    "peers",
    "privacy",
    "auditsite.apps.AuditsiteConfig",  # the access policy (auditsite/access.py)
    "benchmarks",  # the benchmark commands (manage.py benchmark_*; README, "Speed")
]

MIDDLEWARE = [
    "auditsite.middleware.refuse_large_requests",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

# The site's largest form is a 5,000-character note: anything much bigger is refused
# before it is read (auditsite/middleware.py answers 413). Its one upload, a practice's
# logo, may send more, so that a file over LOGO_MAX_BYTES is told so by the form; it is
# held in memory (never a temporary file) while it is checked and re-encoded.
MAX_REQUEST_BODY = env_int("DJANGO_MAX_REQUEST_BODY", 256 * 1024)
MAX_UPLOAD_BODY = 4 * 1024 * 1024
UPLOAD_PATHS = {"/consultant/practice/brand/"}
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BODY
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.MemoryFileUploadHandler"]
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BODY

ROOT_URLCONF = "auditsite.urls"
WSGI_APPLICATION = "auditsite.wsgi.application"

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
                "auditsite.pages.support_email",
                "consulting.branding.start_link_brand",
            ],
        },
    },
]

# SQLite when DATABASE_URL is unset, e.g. postgres://user:pass@host:5432/name in production.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Seconds a worker keeps its database connection between requests (0: a new one
        # per request, ~3 ms on PostgreSQL). A kept connection is checked before reuse, so a
        # database restart costs one reconnect, not an error.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The login throttle keeps its counters in the cache, so it must be shared by every worker
# and server: Redis when REDIS_URL is set, otherwise a table in the database
# (`manage.py createcachetable`, one of the production steps).
# Rendered reports (the results page's body) are kept under the report's fingerprint: in
# Redis, shared by every server and the worker that renders them ahead; else per process.
if env_str("REDIS_URL"):
    REDIS_CACHE = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env_str("REDIS_URL"),
    }
    CACHES = {"default": REDIS_CACHE, "reports": {**REDIS_CACHE, "KEY_PREFIX": "reports"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
        },
        "reports": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }

AUTHENTICATION_BACKENDS = [
    "auditsite.accounts.AuthenticationBackend",  # allauth's, reading the role with the user
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (django-allauth): email and password, no usernames shown to anyone.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = env_str("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
# Five failed logins per email address every five minutes, then the form says to wait.
ACCOUNT_ADAPTER = "auditsite.accounts.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""  # the subjects name the site (templates/account/email)
# The client's address is the one the trusted proxies saw: behind the README's one TLS
# proxy, set DJANGO_TRUSTED_PROXY_COUNT=1 (left at 0, X-Forwarded-For is never believed).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("LOGIN_FAILED_RATE_LIMIT", "10/m/ip,5/5m/key"),
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"  # which sends each person on to their own page (auditsite/pages.py)
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
# A new owner goes straight to describing the business: the first step of their audit.
ACCOUNT_SIGNUP_REDIRECT_URL = "questionnaire:new_audit"
# People are known by their email everywhere (allauth's messages included), never a username.
ACCOUNT_USER_DISPLAY = "auditsite.accounts.user_display"

# The site's public address, for links in emails.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
# Which practice's brand a client's emails, results and PDF carry (common/branding.py).
BRAND_LOOKUP = "consulting.branding.brand_for_business"
# The largest logo a practice may upload; it is re-encoded to a PNG at most 600 x 200.
LOGO_MAX_BYTES = 1024 * 1024
# How long a consultant's invitation link stays valid.
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
# How many invitations one consultant may send in 24 hours (so the site cannot be used to
# send mail in bulk).
INVITATIONS_PER_DAY = env_int("INVITATIONS_PER_DAY", 20)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email is queued as a background job (common/mail.py) and delivered by the worker, with
# retries: through SMTP when a host is configured, otherwise printed on the worker's console.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = "common.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 30  # seconds: a mail server that hangs fails the job, which is tried later
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Social audit <audit@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where people write when they are stuck: shown in the footer and on every dead end.
SUPPORT_EMAIL = env_str("SUPPORT_EMAIL", "help@localhost")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("DJANGO_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "media/"
# Rendered reports: S3-compatible object storage when S3_BUCKET is set, so every app server
# and worker reads what any of them rendered (credentials from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, as boto3 reads them); otherwise files under MEDIA_ROOT, each written
# whole before any reader can open it (common/storage.py).
S3_BUCKET = env_str("S3_BUCKET")
STORAGES = {
    "default": (
        {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": S3_BUCKET,
                "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
                "region_name": env_str("S3_REGION") or None,
                "default_acl": "private",
                "querystring_auth": True,
            },
        }
        if S3_BUCKET
        else {"BACKEND": "common.storage.AtomicFileSystemStorage"}
    ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Background jobs (django-tasks): rows in the site's own database, run by `manage.py
# db_worker`. A job is enqueued in the same database as the change that caused it, so it
# survives a restart of the worker or of the database, and needs no other service.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A job still running after this long has lost its worker (common/jobs.py): every job
# here takes seconds, so the default leaves a wide margin.
JOB_TIMEOUT_SECONDS = env_int("JOB_TIMEOUT_SECONDS", 300)
# A draft audit nobody has touched for this many days is deleted by the worker (privacy/expiry.py).
DRAFT_EXPIRY_DAYS = env_int("DRAFT_EXPIRY_DAYS", 180)
if JOB_TIMEOUT_SECONDS < 1:
    raise ImproperlyConfigured("JOB_TIMEOUT_SECONDS must be 1 or more")

# Production hardening: on whenever debug is off.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_FAILURE_VIEW = "common.csrf.csrf_failure"  # back to the form, input kept
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sessions live in the database, so every app server sees the same ones. With Redis they are
# read from it first (and still written to the database, so a Redis restart loses none): one
# database query less on every page.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if env_str("REDIS_URL")
    else "django.contrib.sessions.backends.db"
)
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
# Messages ride in the session: no cookie of their own (the privacy page counts two cookies).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint narrates every render step at INFO; its warnings still come through.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# Content-Security-Policy: the site runs no script of its own and loads nothing from
# elsewhere, so only its own files are allowed (Bootstrap's form icons are data: images).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        # A practice's accent colour is set in one <style> element carrying the nonce.
        "style-src": [SELF, NONCE],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Permissions-Policy: none of the browser's powerful features is used by any page.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
