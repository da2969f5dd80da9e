import pytest
from django.core.cache import caches

from quietroom.core.tests.factories import make_blog, make_contact_page, make_home
from quietroom.demo.build import build_demo_site
from quietroom.serving import memo, pagecache


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


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts with empty caches, whatever earlier tests rendered or remembered."""
    pagecache.clear_local()
    memo.clear()
    for cache in caches.all():
        cache.clear()
    yield
    pagecache.clear_local()
    memo.clear()
