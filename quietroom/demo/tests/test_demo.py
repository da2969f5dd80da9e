"""`quietroom demo --no-serve` builds the sample practice once, however often it runs."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.http import HttpRequest
from wagtail.models import Page, Site

from quietroom.blog.models import ArticlePage, BlogCategory
from quietroom.core.models import CustomImage
from quietroom.demo.articles import ARTICLES
from quietroom.inbox import access
from quietroom.inbox.models import ConsultationRequest
from quietroom.practice.models import ClinicianPage, HomePage, PracticeSettings, ServicePage


def run_demo():
    out = StringIO()
    call_command("demo", no_serve=True, stdout=out)
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "articles": ArticlePage.objects.count(),
        "images": CustomImage.objects.count(),
        "categories": BlogCategory.objects.count(),
        "clinicians": ClinicianPage.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "services": ServicePage.objects.count(),
        "requests": ConsultationRequest.objects.count(),
        "groups": Group.objects.count(),
    }


@pytest.mark.django_db
def test_running_the_demo_twice_leaves_one_copy_of_everything(monkeypatch, inbox_keys):
    monkeypatch.delenv("QUIETROOM_ADMIN_PASSWORD", raising=False)
    first_output = run_demo()
    after_first = counts()
    second_output = run_demo()

    assert counts() == after_first
    assert after_first["articles"] == len(ARTICLES) >= 6
    # A hero for each article, a portrait of each clinician, the logo.
    assert after_first["images"] == len(ARTICLES) + 3 + 1
    assert after_first["clinicians"] == 3
    assert after_first["services"] == 3
    assert after_first["requests"] == 2
    assert HomePage.objects.count() == 1
    assert "Password (shown once):" in first_output
    assert "Password" not in second_output.replace("password unchanged", "")
    assert "nothing to add" in second_output


@pytest.mark.django_db
def test_the_admin_password_can_come_from_the_environment(monkeypatch, client, inbox_keys):
    monkeypatch.setenv("QUIETROOM_ADMIN_PASSWORD", "a-long-demo-passphrase")

    output = run_demo()

    assert "a-long-demo-passphrase" in output
    # Axes needs the request to know where a sign-in comes from.
    assert client.login(request=HttpRequest(), username="admin", password="a-long-demo-passphrase")
    admin = get_user_model().objects.get(username="admin")
    assert access.can_read_inbox(admin), "the demo admin is explicitly granted the inbox"


@pytest.mark.django_db
def test_every_demo_article_is_live_with_a_described_hero_and_an_author(inbox_keys):
    run_demo()

    articles = ArticlePage.objects.published()
    assert articles.count() == len(ARTICLES)
    for article in articles:
        assert article.hero_image is not None
        assert len(article.hero_alt) > 20
        assert article.author is not None
        assert article.categories.exists()
        assert article.reading_minutes >= 2
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert PracticeSettings.for_site(site).name == "Linden Tree Counselling"
