import pytest

from quietroom.core.tests.factories import make_blog, make_home


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def blog(home):
    return make_blog(home, slug="articles")
