"""Fast, deterministic settings for the test suite."""

import os
import tempfile

# Tests never touch a real data dir: each run gets its own, unless one is given.
os.environ.setdefault("QUIETROOM_DATA_DIR", tempfile.mkdtemp(prefix="quietroom-test-"))
os.environ.setdefault("QUIETROOM_SECRET_KEY", "test-only-secret-key-not-for-production")

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
