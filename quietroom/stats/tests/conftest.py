import datetime

import pytest

from quietroom.core.tests.factories import make_article
from quietroom.stats import counting


@pytest.fixture
def article(blog):
    return make_article(blog, "Counted article", datetime.date(2026, 4, 1), summary="Read me.")


@pytest.fixture(autouse=True)
def no_pending_counts():
    """Each test starts and ends with nothing counted in this process."""
    counting.forget()
    yield
    counting.forget()
