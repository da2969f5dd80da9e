"""`quietroom demo` refuses a site it did not make and production settings, unless --force."""

import copy
import importlib
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from quietroom.blog.models import ArticlePage
from quietroom.core.models import CustomImage
from quietroom.inbox.models import ConsultationRequest
from quietroom.pages.models import StandardPage
from quietroom.practice.models import HomePage


def run_demo(**options):
    out, err = StringIO(), StringIO()
    call_command("demo", no_serve=True, stdout=out, stderr=err, **options)
    return out.getvalue() + err.getvalue()


def contents():
    return {
        "pages": sorted(Page.objects.values_list("pk", "path", "title", "live")),
        "images": CustomImage.objects.count(),
        "requests": ConsultationRequest.objects.count(),
        "sites": sorted(Site.objects.values_list("hostname", "port", "root_page_id")),
    }


@pytest.fixture
def owners_site(db):
    """A practice's own site: its home page and an "About us" page, on its own hostname."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Smith Therapy", slug="smith", body=[]))
    home.add_child(instance=StandardPage(title="About us", slug="about"))
    return home


@pytest.mark.django_db
def test_the_demo_refuses_a_site_with_pages_it_did_not_make_and_changes_nothing(
    owners_site, inbox_keys
):
    before = contents()

    with pytest.raises(CommandError) as refused:
        run_demo()

    assert "“Smith Therapy” (/smith/)" in str(refused.value)
    assert "“About us” (/smith/about/)" in str(refused.value)
    assert "--force" in str(refused.value)
    assert contents() == before


@pytest.mark.django_db
def test_the_demo_refuses_a_default_site_served_elsewhere(inbox_keys):
    Site.objects.filter(is_default_site=True).update(
        hostname="smith-therapy.example", site_name="Smith Therapy"
    )
    before = contents()

    with pytest.raises(CommandError, match=r"“Smith Therapy” is served at smith-therapy\.example"):
        run_demo()

    assert contents() == before


@pytest.mark.django_db
def test_the_demo_refuses_production_settings(settings, inbox_keys):
    settings.QUIETROOM_PRODUCTION = True
    before = contents()

    with pytest.raises(CommandError, match="production settings"):
        run_demo()

    assert contents() == before
    assert not ArticlePage.objects.exists()


def test_the_production_settings_are_the_ones_the_demo_refuses(monkeypatch):
    from quietroom.settings import base

    storages = copy.deepcopy(base.STORAGES)
    for name in ("QUIETROOM_SECRET_KEY", "QUIETROOM_ALLOWED_HOSTS", "QUIETROOM_BASE_URL"):
        monkeypatch.setenv(name, "example.org")
    monkeypatch.delitem(sys.modules, "quietroom.settings.production", raising=False)

    production = importlib.import_module("quietroom.settings.production")

    assert production.QUIETROOM_PRODUCTION is True
    # Reading them changed nothing of the settings this process runs on.
    assert storages == base.STORAGES
    monkeypatch.delitem(sys.modules, "quietroom.settings.production")


@pytest.mark.django_db
def test_with_force_the_demo_builds_beside_pages_it_did_not_make(owners_site, inbox_keys):
    output = run_demo(force=True)

    assert "--force: building anyway" in output
    assert "About us" in output
    assert ArticlePage.objects.live().count() == 8
    assert StandardPage.objects.filter(title="About us").exists()
