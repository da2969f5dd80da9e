"""A production-mode `quietroom serve` on a copy of the demo, with the live security scene.

Started once per test run and shared by the live security tests, which each use their own
visitors, addresses and accounts. Settings differ from production only where a test needs it:
Django serves media (as it does outside production, the riskier setting), no redirect to HTTPS
(the tests say they arrived over HTTPS through the trusted proxy on 127.0.0.1, the health
probe does not), the contact limit at its default of 10, a sign-in delay long enough to see,
and a mail server that takes 50 ms a message.
"""

import json
import shutil

import pytest

from quietroom.reliability.tests.live import Server, environment, quietroom, sqlite_url
from quietroom.security.tests.live_scene import MARK

SECURE_ENV = {
    "DJANGO_SETTINGS_MODULE": "quietroom.settings.production",
    "QUIETROOM_BASE_URL": "https://127.0.0.1",
    "QUIETROOM_TRUSTED_PROXIES": "127.0.0.1",
    "QUIETROOM_SSL_REDIRECT": "0",
    "QUIETROOM_SERVE_MEDIA": "1",
    "QUIETROOM_CONTACT_RATE_LIMIT": "10",
    "QUIETROOM_SIGNIN_DELAY_AFTER": "3",
    "QUIETROOM_SIGNIN_DELAY_BASE": "2",
    "QUIETROOM_SIGNIN_DELAY_MAX": "2",
    "QUIETROOM_SIGNIN_MAX_WAITING": "1",
    # A mail server as slow as a real one, and no cap on one account's reset emails, for E8.
    "QUIETROOM_EMAIL_BACKEND": "quietroom.security.tests.slowmail.SlowEmailBackend",
    "QUIETROOM_PASSWORD_RESET_EMAILS": "1000",
}
BUILD_SCENE = "from quietroom.security.tests.live_scene import build; build()"


@pytest.fixture(scope="session")
def secure_site(sqlite_demo, live_data_dir, tmp_path_factory) -> tuple[dict, dict]:
    """The server's environment and what the scene made in its database."""
    database = tmp_path_factory.mktemp("secure-site") / "db.sqlite3"
    shutil.copyfile(sqlite_demo, database)
    env = environment(live_data_dir, sqlite_url(database), **SECURE_ENV)
    output = quietroom("shell", "-c", BUILD_SCENE, env=env)
    line = next(line for line in reversed(output.splitlines()) if line.startswith(MARK))
    return env, json.loads(line[len(MARK) :])


@pytest.fixture(scope="session")
def secure_server(secure_site):
    """(server, scene): one worker, so its limit on waiting sign-ins is the whole server's."""
    env, scene = secure_site
    with Server(env, workers=1) as server:
        yield server, scene
