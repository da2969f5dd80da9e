import uuid

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connections
from pytest_django.plugin import blocking_manager_key

from quietroom.core import memo
from quietroom.core.backends import backend
from quietroom.core.tests.database import restore
from quietroom.core.tests.factories import make_blog, make_contact_page, make_home
from quietroom.core.tests.ports import free_port
from quietroom.core.tests.redis_server import running_redis
from quietroom.core.tests.s3_server import KEYS, REGION, running_s3
from quietroom.demo.build import build_demo_site
from quietroom.reliability.tests.sites import (  # noqa: F401 - fixtures for every live test
    live_data_dir,
    live_site,
    postgres_demo,
    postgres_site,
    sqlite_demo,
    sqlite_site,
    suite_postgres_url,
)
from quietroom.serving import pagecache


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def blog(home):
    return make_blog(home, slug="articles")


@pytest.fixture
def contact_page(home):
    return make_contact_page(home)


@pytest.fixture
def inbox_keys(settings, tmp_path):
    """A private data dir for this test, so inbox keys never leak between tests."""
    settings.DATA_DIR = tmp_path
    return tmp_path / "secrets" / "inbox_keys"


@pytest.fixture
def demo_site(db, inbox_keys):
    """The whole demo practice, as `quietroom demo` builds it."""
    build_demo_site()


@pytest.fixture
def queued_tasks(settings):
    """The database backend production uses: tasks wait for a worker."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


@pytest.fixture
def smtp(settings):
    """Mail goes over SMTP to a port of this test's own (start a server there with
    quietroom.core.tests.smtp_server.running_smtp); nobody listens until then."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    return port


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """One real redis-server (Debian's) for the whole run, started on first use."""
    with running_redis(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(scope="session")
def s3_endpoint():
    """One real S3-compatible server (moto's server mode) for the whole run, on first use."""
    with running_s3() as endpoint:
        yield endpoint


@pytest.fixture
def bucket(settings, s3_endpoint, tmp_path):
    """Media in a new, empty bucket of the test's own, as QUIETROOM_S3_BUCKET sets it up;
    yields the bucket's name. MEDIA_ROOT points at an empty folder nothing should fill."""
    from quietroom.core.tests.s3_server import client
    from quietroom.settings.base import bucket_storage

    name = f"quietroom-{uuid.uuid4().hex[:12]}"
    client(s3_endpoint).create_bucket(Bucket=name)
    settings.QUIETROOM_S3_BUCKET = name
    settings.MEDIA_ROOT = tmp_path / "media-unused"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": bucket_storage(
            name, s3_endpoint, REGION, (KEYS["AWS_ACCESS_KEY_ID"], KEYS["AWS_SECRET_ACCESS_KEY"])
        ),
    }
    return name


@pytest.fixture(params=["disk", "redis"])
def shared_backend(request, settings, tmp_path):
    """Each test using this runs twice: pages and generations shared on disk (one machine),
    then in a real Redis (many hosts)."""
    settings.DATA_DIR = tmp_path
    settings.QUIETROOM_CACHE_DIR = ""
    settings.REDIS_URL = request.getfixturevalue("redis_url") if request.param == "redis" else ""
    shared = backend()
    shared.clear()
    pagecache.clear_local()
    memo.clear()
    yield shared
    shared.clear()
    pagecache.clear_local()
    memo.clear()


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts with empty caches, whatever earlier tests rendered or remembered."""
    pagecache.clear()
    memo.clear()
    for cache in caches.all():
        cache.clear()
    yield
    pagecache.clear()
    memo.clear()


# What runs on PostgreSQL as well as SQLite: where the database's own behaviour is under test —
# transactions, locks and races (rate counts, the inbox, the worker's claims), migrations,
# constraints, sessions and lockouts, per-practice permissions, dump and load (backups), query
# counts, and the live fault tests. Everything else asks the ORM for plain reads and writes,
# which these already run there; it is marked `once` and runs on SQLite only.
ON_POSTGRES_TOO = (
    "quietroom/blog/tests/test_category_migration.py",
    "quietroom/core/tests/test_migrations.py",
    "quietroom/core/tests/test_throttle.py",
    "quietroom/export/tests/test_backup.py",
    "quietroom/hosting/tests/",
    "quietroom/inbox/tests/",
    "quietroom/jobs/tests/",
    "quietroom/practice/tests/test_contact.py",
    "quietroom/search/tests/",
    "quietroom/reliability/tests/",
    "quietroom/security/tests/test_live_contact.py",
    "quietroom/security/tests/test_lockout.py",
    "quietroom/security/tests/test_password_reset.py",
    "quietroom/security/tests/test_privileges.py",
    "quietroom/security/tests/test_privileges_inbox.py",
    "quietroom/security/tests/test_recovery_codes.py",
    "quietroom/security/tests/test_reset.py",
    "quietroom/security/tests/test_sessions.py",
    "quietroom/security/tests/test_twofactor.py",
    "quietroom/serving/tests/test_query_budget.py",
    "quietroom/stats/tests/test_counting.py",
    "quietroom/stats/tests/test_report.py",
    "quietroom/subscriptions/tests/test_data_requests.py",
    "quietroom/subscriptions/tests/test_subscriptions.py",
)
# Tests on the whole demo render it: once, except the backups, which dump and load it.
RUN_ON_BOTH_WITH_THE_DEMO = ("quietroom/export/tests/test_backup.py",)
# Run alone (`make test` runs the rest two at a time): the live servers that measure load,
# memory or time, or stop, freeze or restart PostgreSQL under the other tests; the timing
# comparisons. Chromium tests run two at a time: they check what a page does, not how fast.
SERIAL = (
    "quietroom/reliability/tests/test_cache_live.py",
    "quietroom/reliability/tests/test_kill_server.py",
    "quietroom/reliability/tests/test_load.py",
    "quietroom/reliability/tests/test_pgbouncer.py",
    "quietroom/reliability/tests/test_postgres_frozen.py",
    "quietroom/reliability/tests/test_postgres_restart.py",
    "quietroom/reliability/tests/test_restart.py",
    "quietroom/reliability/tests/test_sqlite_lock.py",
    "quietroom/reliability/tests/test_stateless_live.py",
    "quietroom/reliability/tests/test_worker.py",
    "quietroom/security/tests/test_live_",
    "quietroom/security/tests/test_password_reset.py",
    "quietroom/stats/tests/test_live_counting.py",
)


@pytest.hookimpl(tryfirst=True)  # before -m chooses by marker
def pytest_collection_modifyitems(config, items):
    """Marks `once` and `serial` by the lists above; tests marked `postgres` only make sense
    when the suite runs on PostgreSQL."""
    for item in items:
        with_demo = "demo_site" in getattr(item, "fixturenames", ())
        if not item.nodeid.startswith(ON_POSTGRES_TOO) or (
            with_demo and not item.nodeid.startswith(RUN_ON_BOTH_WITH_THE_DEMO)
        ):
            item.add_marker(pytest.mark.once)
        if item.nodeid.startswith(SERIAL):
            item.add_marker(pytest.mark.serial)
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    postgres_only = [item for item in items if item.get_closest_marker("postgres")]
    if not postgres_only:
        return
    config.hook.pytest_deselected(items=postgres_only)
    items[:] = [item for item in items if not item.get_closest_marker("postgres")]
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(
            f"Note: {len(postgres_only)} PostgreSQL-only tests deselected "
            "(the suite runs on SQLite; `make test-postgres` runs them)."
        )


def transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(
        fixtures & {"transactional_db", "live_server", "django_db_reset_sequences"}
        or (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying every table (Django's flush). Run in one process,
    pytest-django puts those tests last; two at a time (pytest-xdist), any test may follow one.
    So what the migrations made (Wagtail's root page and default site, the groups) is loaded
    back, from the copy Django keeps for serialized rollbacks, before the next test. Not
    after a process's last test: its teardown has destroyed the test database already."""
    result = yield
    if transactional(item) and nextitem is not None:
        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all():
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    restore(connection, contents)
    return result


def pytest_terminal_summary(terminalreporter):
    """Figures tests measured (record_property), shown after the run; never asserted on."""
    measured = [
        (report.nodeid, name, value)
        for report in terminalreporter.stats.get("passed", [])
        if report.when == "call"
        for name, value in report.user_properties
    ]
    if measured:
        terminalreporter.section("measured")
        for nodeid, name, value in measured:
            terminalreporter.write_line(f"{name}: {value}  ({nodeid.rsplit('::', 1)[-1]})")
