"""Production settings: refuse to start without the secrets and hosts a live site needs."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .https import *  # noqa: F403

for required in ("QUIETROOM_SECRET_KEY", "QUIETROOM_ALLOWED_HOSTS", "QUIETROOM_BASE_URL"):
    if not os.environ.get(required):
        raise ImproperlyConfigured(f"{required} must be set for production.")

DEBUG = False
QUIETROOM_INBOX_CREATE_KEY = False
QUIETROOM_SERVE_MEDIA = env_flag("QUIETROOM_SERVE_MEDIA", default=False)  # noqa: F405
# A new mapping, not an edit of base's: importing these settings beside others (a test reading
# them) must not turn the running process's static files over to a manifest it never built.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("QUIETROOM_SSL_REDIRECT", default=True)  # noqa: F405
# Load balancers and monitors ask for the health check over plain HTTP, from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Read by commands that must never run on a live site (`quietroom demo` refuses without --force).
QUIETROOM_PRODUCTION = True
