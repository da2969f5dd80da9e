"""Fast, deterministic settings for the test suite."""

import os
import tempfile

# Tests never touch a real data dir: each run gets its own, unless one is given.
os.environ.setdefault("QUIETROOM_DATA_DIR", tempfile.mkdtemp(prefix="quietroom-test-"))
# xdist's workers inherit the folder the controller made, so each takes a folder of its own in
# it: sharing one would share the generation table and page cache, and one worker's edits would
# renew the other's pages in the middle of its tests. (A process a worker starts keeps its folder.)
_worker = os.environ.get("PYTEST_XDIST_WORKER")
if _worker and os.path.basename(os.environ["QUIETROOM_DATA_DIR"]) != _worker:
    os.environ["QUIETROOM_DATA_DIR"] = os.path.join(os.environ["QUIETROOM_DATA_DIR"], _worker)
os.environ.setdefault("QUIETROOM_SECRET_KEY", "test-only-secret-key-not-for-production")

from quietroom.core.datadir import prepare  # noqa: E402 - after the environment is set

from .base import *  # noqa: E402, F403

prepare(DATA_DIR)  # noqa: F405 - a fresh temporary folder of this run's own

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
QUIETROOM_CONTACT_MIN_SECONDS = 0
QUIETROOM_CHECK_REMEMBERED = True
QUIETROOM_HERO_AVIF = False  # see base.py
# No flushing thread: a statistics test writes the counts when it means to (counting.flush).
QUIETROOM_STATS_FLUSH_SECONDS = 0
# Tasks run as they are enqueued, as the tests were written; the worker's own tests switch to
# the database backend production uses.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# No sign-in waits unless a test asks for it (the lockout tests record the delays instead).
QUIETROOM_SIGNIN_DELAY_BASE = 0
# A file, not memory, so live-server threads each get their own connection, as in production,
# and the tests can read the database's raw bytes.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
