"""Settings shared by every environment. The environment is read here and only here."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from quietroom.core import stateless
from quietroom.core.datadir import data_dir, read_secret


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or default


PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Named and read here, never created: see quietroom/core/datadir.py.
DATA_DIR = data_dir()

DEBUG = env_flag("QUIETROOM_DEBUG")
SECRET_KEY = os.environ.get("QUIETROOM_SECRET_KEY") or read_secret(
    DATA_DIR / "secrets" / "secret_key"
)
ALLOWED_HOSTS = env_list("QUIETROOM_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("QUIETROOM_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "quietroom.core",
    "quietroom.theme",
    "quietroom.practice",
    "quietroom.blog",
    "quietroom.checks",
    "quietroom.inbox",
    "quietroom.serving",
    "quietroom.reliability",
    "quietroom.demo",
    "quietroom.security",
    "quietroom.pages",
    "quietroom.importers",
    "quietroom.export",
    "quietroom.jobs",
    "quietroom.hosting",
    "quietroom.search",
    "quietroom.subscriptions",
    "quietroom.stats",
    "quietroom.compliance",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "quietroom.serving.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # CSP and Permissions-Policy; before WhiteNoise so static files get them too.
    "quietroom.security.headers.SecurityHeadersMiddleware",
    "quietroom.security.static.PublicStaticFilesMiddleware",
    "quietroom.reliability.middleware.FaultMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "quietroom.security.twofactor.middleware.SecondFactorMiddleware",
    "quietroom.security.sessions.StaffSessionTimeoutMiddleware",
    # A practice's people stay within their practice where Wagtail scopes by model.
    "quietroom.hosting.boundaries.PracticeBoundaryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "quietroom.security.signin.SignInBusyMiddleware",
]

ROOT_URLCONF = "quietroom.urls"
WSGI_APPLICATION = "quietroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                # The practice as readers see it (an immutable copy, not the settings row).
                "quietroom.practice.profile.context",
                # The brand likewise: logo, colours and style, an immutable copy.
                "quietroom.theme.brand.context",
                # The footer's links to the practice's policy pages.
                "quietroom.compliance.links.context",
            ],
        },
    },
]


DB_POOLERS = ("", "pgbouncer")
QUIETROOM_DB_POOLER = os.environ.get("QUIETROOM_DB_POOLER", "").strip().lower()
if QUIETROOM_DB_POOLER not in DB_POOLERS:
    raise ImproperlyConfigured(
        f"QUIETROOM_DB_POOLER is {QUIETROOM_DB_POOLER!r}; leave it unset, or set it to "
        "'pgbouncer' when PostgreSQL is reached through PgBouncer."
    )
QUIETROOM_DB_STATEMENT_TIMEOUT_MS = int(
    os.environ.get("QUIETROOM_DB_STATEMENT_TIMEOUT_MS", "30000")
)


def database_config() -> dict:
    url = os.environ.get("DATABASE_URL")
    behind_pgbouncer = QUIETROOM_DB_POOLER == "pgbouncer"
    if url:
        config = dj_database_url.parse(
            url,
            # Behind PgBouncer the pooler keeps the connections; ours would pin a server.
            conn_max_age=0
            if behind_pgbouncer
            else int(os.environ.get("QUIETROOM_DB_CONN_MAX_AGE", "60")),
            conn_health_checks=not behind_pgbouncer,
        )
    else:
        config = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "db.sqlite3",
        }
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers carry on while a writer commits; IMMEDIATE takes the
        # write lock up front so concurrent writers wait (busy timeout) instead
        # of failing with "database is locked" halfway through a transaction.
        config.setdefault("OPTIONS", {}).update(
            {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
                "transaction_mode": "IMMEDIATE",
                "timeout": float(os.environ.get("QUIETROOM_SQLITE_TIMEOUT", "20")),
            }
        )
    if config["ENGINE"] == "django.db.backends.postgresql":
        # A server that stops answering (frozen, unreachable) must cost a reader a calm 503
        # after a few seconds, not a request that hangs until the front server gives up.
        # Anything DATABASE_URL's query string sets itself comes first and is kept.
        options = config.setdefault("OPTIONS", {})
        options.setdefault(
            "connect_timeout", int(os.environ.get("QUIETROOM_DB_CONNECT_TIMEOUT", "5"))
        )
        if behind_pgbouncer:
            # PgBouncer refuses startup options ("unsupported startup parameter: options"),
            # and in transaction pooling a server-side cursor or a session SET would outlive
            # the transaction: the timeout is set on the database role instead, by
            # `quietroom migrate` (core/database.py).
            config["DISABLE_SERVER_SIDE_CURSORS"] = True
        else:
            server_options = options.get("options", "")
            if "statement_timeout" not in server_options:
                timeout = f"-c statement_timeout={QUIETROOM_DB_STATEMENT_TIMEOUT_MS}"
                options["options"] = f"{server_options} {timeout}".strip()
    return config


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The page cache and its generations live in the data dir on one machine, in Redis (shared
# by every process and host) with REDIS_URL; see core/backends. Django's own cache (used by
# Wagtail and the sign-in throttles) follows.
REDIS_URL = os.environ.get("REDIS_URL", "")
QUIETROOM_PAGE_CACHE_SECONDS = int(os.environ.get("QUIETROOM_PAGE_CACHE_SECONDS", "3600"))
# Where one machine keeps them without Redis; default `cache/` in the data dir.
QUIETROOM_CACHE_DIR = os.environ.get("QUIETROOM_CACHE_DIR", "")
# Reader statistics (quietroom.stats): how often each process writes its counts (a crash loses
# at most that long), and how long counts are kept.
QUIETROOM_STATS_FLUSH_SECONDS = float(os.environ.get("QUIETROOM_STATS_FLUSH_SECONDS", "60"))
QUIETROOM_STATS_RETENTION_DAYS = int(os.environ.get("QUIETROOM_STATS_RETENTION_DAYS", "800"))
# Sites whose remembered values (menus, settings, URL maps...) each process keeps at most.
QUIETROOM_REMEMBERED_SITES = int(os.environ.get("QUIETROOM_REMEMBERED_SITES", "100"))
# An article's hero offered as AVIF first, where Pillow writes it. The test settings turn it
# off: encoding AVIF takes twice WebP's time, and hundreds of tests render a hero; the tests
# of the hero turn it back on.
QUIETROOM_HERO_AVIF = env_flag("QUIETROOM_HERO_AVIF", default=True)
QUIETROOM_CHECK_REMEMBERED = False  # the tests check every remembered value is immutable
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background jobs (quietroom/jobs): django-tasks with its database backend, so queued work
# survives a restart and any host's worker can run it. `quietroom serve` starts a worker.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
QUIETROOM_WORKER_INTERVAL = float(os.environ.get("QUIETROOM_WORKER_INTERVAL", "5"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = os.environ.get("QUIETROOM_LANGUAGE", "en")
TIME_ZONE = os.environ.get("QUIETROOM_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("QUIETROOM_STATIC_ROOT") or DATA_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "quietroom.reliability.storage.WholeFileStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def bucket_storage(bucket: str, endpoint_url: str | None, region: str | None, keys=(None, None)):
    """Media (uploads and renditions) in an S3-compatible bucket instead of MEDIA_ROOT
    (core/bucket.py); `keys` (access key id, secret), or boto3's own search when None."""
    return {
        "BACKEND": "quietroom.core.bucket.BucketStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            "access_key": keys[0] or None,
            "secret_key": keys[1] or None,
            "endpoint_url": endpoint_url or None,
            "region_name": region or None,
            # Never a name written twice, never an ACL (private), never the bucket's URL.
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }


QUIETROOM_S3_BUCKET = os.environ.get("QUIETROOM_S3_BUCKET", "").strip()
if QUIETROOM_S3_BUCKET:
    STORAGES["default"] = bucket_storage(
        QUIETROOM_S3_BUCKET,
        os.environ.get("QUIETROOM_S3_ENDPOINT_URL"),
        os.environ.get("QUIETROOM_S3_REGION"),
        (os.environ.get("AWS_ACCESS_KEY_ID"), os.environ.get("AWS_SECRET_ACCESS_KEY")),
    )
# Serve static files straight from the apps, so the demo needs no collectstatic step.
WHITENOISE_USE_FINDERS = True
# Media is served by Django only where no web server sits in front (the demo).
QUIETROOM_SERVE_MEDIA = env_flag("QUIETROOM_SERVE_MEDIA", default=True)

# Uploads and renditions (and collected static files) are the owner's alone, like the rest of
# the data dir; a web server in front reads them through the site, or runs as the same user.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_NUMBER_FILES = 20

EMAIL_BACKEND = os.environ.get(
    "QUIETROOM_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("QUIETROOM_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("QUIETROOM_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("QUIETROOM_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("QUIETROOM_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_flag("QUIETROOM_EMAIL_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("QUIETROOM_FROM_EMAIL", "quietroom@localhost")

# The consultation inbox and the contact form.
QUIETROOM_INBOX_CREATE_KEY = True  # production requires an existing key instead

# A host that keeps nothing of its own (core/stateless.py): refused unless everything it would
# keep in the data dir comes from the environment. Static files are collected when the host's
# image is built (`quietroom collectstatic`, into QUIETROOM_STATIC_ROOT).
QUIETROOM_STATELESS = env_flag("QUIETROOM_STATELESS")
if QUIETROOM_STATELESS:
    if lacking := stateless.missing(os.environ):
        raise ImproperlyConfigured(stateless.refusal(lacking))
    QUIETROOM_INBOX_CREATE_KEY = False
QUIETROOM_INBOX_RETENTION_DAYS = int(os.environ.get("QUIETROOM_INBOX_RETENTION_DAYS", "180"))
# Set by `export_static` while it renders: the contact page then shows no form.
QUIETROOM_STATIC_EXPORT = False
QUIETROOM_CONTACT_URL = ""
QUIETROOM_CONTACT_MIN_SECONDS = float(os.environ.get("QUIETROOM_CONTACT_MIN_SECONDS", "3"))
# A form's signed start time lasts this long; an older one gets a fresh one, the text kept.
QUIETROOM_CONTACT_MAX_SECONDS = float(os.environ.get("QUIETROOM_CONTACT_MAX_SECONDS", "7200"))
QUIETROOM_CONTACT_RATE_LIMIT = int(os.environ.get("QUIETROOM_CONTACT_RATE_LIMIT", "10"))
QUIETROOM_CONTACT_RATE_WINDOW = int(os.environ.get("QUIETROOM_CONTACT_RATE_WINDOW", "3600"))

# Email subscriptions: a confirmation link works this long; one address is asked at most once
# in this many minutes, whoever types it in.
QUIETROOM_SUBSCRIBE_CONFIRM_HOURS = int(os.environ.get("QUIETROOM_SUBSCRIBE_CONFIRM_HOURS", "48"))
QUIETROOM_SUBSCRIBE_RESEND_MINUTES = 10

# Only the contact form sets a cookie for readers: CSRF, for this browser session only.
CSRF_COOKIE_AGE = None
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_FAILURE_VIEW = "quietroom.theme.views.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600

# Security: see "Security" in the README. HSTS is only ever sent over HTTPS.
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Staff sessions: 8 hours at most; 30 idle minutes for those who can read the inbox.
QUIETROOM_SESSION_MAX_AGE = 8 * 3600
QUIETROOM_SESSION_IDLE_TIMEOUT = 30 * 60
# Proxies whose X-Forwarded-For is believed (comma-separated addresses); none by default.
QUIETROOM_TRUSTED_PROXIES = env_list("QUIETROOM_TRUSTED_PROXIES", [])

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Waits as long as the username's recent failures ask, before the password is checked.
    "quietroom.security.signin.SignInDelayBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords lock that username from that address, and that address altogether,
# for 30 minutes. Never the username alone: anyone could lock a therapist out.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_CLIENT_IP_CALLABLE = "quietroom.security.clientip.client_ip"
# Axes' reset clears the address-wide count too; quietroom/security/signin.py clears only the
# failures of the username that signed in, at its address.
AXES_RESET_ON_SUCCESS = False
# A username's sign-ins wait once it has this many failures within the cool-off time (from any
# address): BASE seconds, doubling with each further failure, at most MAX. At most
# MAX_WAITING sign-ins wait at once in a process (granian gives each worker two threads, so
# one stays free for readers); more are answered 429.
QUIETROOM_SIGNIN_DELAY_AFTER = int(os.environ.get("QUIETROOM_SIGNIN_DELAY_AFTER", "3"))
QUIETROOM_SIGNIN_DELAY_BASE = float(os.environ.get("QUIETROOM_SIGNIN_DELAY_BASE", "0.5"))
QUIETROOM_SIGNIN_DELAY_MAX = float(os.environ.get("QUIETROOM_SIGNIN_DELAY_MAX", "4"))
QUIETROOM_SIGNIN_MAX_WAITING = int(os.environ.get("QUIETROOM_SIGNIN_MAX_WAITING", "1"))
AXES_LOCKOUT_TEMPLATE = "security/locked_out.html"
AXES_SENSITIVE_PARAMETERS = ["password", "password1", "password2", "new_password1"]
# Page passwords tried per address and hour (right or wrong, across every page).
QUIETROOM_PAGE_PASSWORD_LIMIT = int(os.environ.get("QUIETROOM_PAGE_PASSWORD_LIMIT", "10"))
# Password reset: requests per address and hour, and reset emails per account and hour.
QUIETROOM_PASSWORD_RESET_RATE_LIMIT = int(os.environ.get("QUIETROOM_PASSWORD_RESET_LIMIT", "5"))
QUIETROOM_PASSWORD_RESET_EMAIL_LIMIT = int(os.environ.get("QUIETROOM_PASSWORD_RESET_EMAILS", "3"))
OTP_TOTP_ISSUER = os.environ.get("QUIETROOM_OTP_ISSUER", "Quietroom")

# The admin is named after the practice of the request's site (theme/templates/wagtailadmin);
# this is the name where no practice answers.
WAGTAIL_SITE_NAME = "Quietroom"
# The security app's limited, after-the-reply reset form, naming the practice in its email.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = (
    "quietroom.practice.password_reset.PracticePasswordResetForm"  # noqa: S105 - a dotted path
)
WAGTAILADMIN_BASE_URL = os.environ.get("QUIETROOM_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "quietroom.security.uploads.SafeImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # every document downloads; none opens in the site
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No calls home from the admin: no update check, no avatars from gravatar.com.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"quietroom": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
