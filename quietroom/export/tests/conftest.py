import functools

import pytest

from quietroom.demo import build
from quietroom.demo.build import build_demo_site


@pytest.fixture(scope="session")
def drawn_once():
    """The demo's illustrations take seconds to draw; draw each once per test run."""
    original = build.render_jpeg
    build.render_jpeg = functools.cache(original)
    yield
    build.render_jpeg = original


@pytest.fixture
def demo_site(db, drawn_once):
    """The whole demo practice, as `quietroom demo` builds it."""
    return build_demo_site()
