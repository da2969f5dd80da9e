import pytest

from quietroom.demo.build import build_demo_site


@pytest.fixture
def demo_site(db):
    """The whole demo practice, as `quietroom demo` builds it."""
    return build_demo_site()
