import datetime

import pytest

from quietroom.core.tests.factories import make_article


@pytest.fixture
def article(blog):
    return make_article(
        blog, "Cached article", datetime.date(2026, 4, 1), summary="On being cached."
    )
