import datetime

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from quietroom.core.tests.factories import make_article


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """As Django's test client does: the handler must not close the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def article(blog):
    return make_article(
        blog, "Cached article", datetime.date(2026, 4, 1), summary="On being cached."
    )
