"""Editors cannot give an article a hero image without alt text."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from quietroom.blog.models import ArticlePage
from quietroom.core.tests.factories import make_image, sign_in_verified

ALT_MESSAGE = "Add alt text for the hero image"


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    sign_in_verified(client, user)  # a superuser can grant the inbox, so needs a second factor
    return client


def article_form(hero, alt, action="action-publish"):
    data = nested_form_data(
        {
            "title": "Crying in therapy",
            "slug": "crying-in-therapy",
            "summary": "Tears are welcome.",
            "hero_image": hero.pk,
            "hero_alt": alt,
            "hero_caption": "",
            "date": "2026-05-01",
            "tags": "",
            "body": streamfield([("text", rich_text("<p>Tears are part of healing.</p>"))]),
        }
    )
    data[action] = "1"
    return data


def add_url(blog):
    return reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))


@pytest.mark.parametrize("alt", ["", "   "])
def test_publishing_a_hero_image_without_alt_text_is_refused(editor, blog, alt):
    response = editor.post(add_url(blog), article_form(make_image(), alt))

    assert response.status_code == 200
    assert ALT_MESSAGE in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_saving_a_draft_without_alt_text_is_refused_too(editor, blog):
    response = editor.post(add_url(blog), article_form(make_image(), "", action="action-draft"))

    assert ALT_MESSAGE in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_with_alt_text_the_article_is_published(editor, blog):
    response = editor.post(add_url(blog), article_form(make_image(), "  A window in the rain "))

    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="crying-in-therapy")
    assert page.live
    assert page.hero_alt == "A window in the rain"
    assert page.reading_minutes == 1
