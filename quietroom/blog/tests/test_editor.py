"""Editors cannot give an article a hero image without alt text."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from quietroom.blog.models import ArticlePage
from quietroom.core.tests.factories import (
    make_article,
    make_category,
    make_clinician,
    make_image,
    sign_in_verified,
)
from quietroom.practice.models import HomePage

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


def test_an_empty_hero_alt_starts_from_the_images_description(editor, blog):
    image = make_image(description="Rain running down a window")

    response = editor.post(add_url(blog), article_form(image, "", action="action-draft"))

    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="crying-in-therapy").hero_alt == (
        "Rain running down a window"
    )


def test_alt_text_typed_for_this_use_wins_over_the_description(editor, blog):
    image = make_image(description="Rain running down a window")

    editor.post(add_url(blog), article_form(image, "Our waiting room on a wet day"))

    assert ArticlePage.objects.get(slug="crying-in-therapy").hero_alt == (
        "Our waiting room on a wet day"
    )


def test_an_images_title_is_never_its_alt_text(db):
    image = make_image(title="IMG_2034.jpg", description="")

    assert image.default_alt_text == ""


def test_an_empty_body_image_alt_starts_from_the_images_description(editor, blog):
    image = make_image(description="A hand holding a mug of tea")
    data = article_form(make_image(), "A window")
    data.update(
        nested_form_data(
            {"body": streamfield([("image", {"image": image.pk, "alt_text": "", "caption": ""})])}
        )
    )

    editor.post(add_url(blog), data)

    [block] = ArticlePage.objects.get(slug="crying-in-therapy").body
    assert block.value["alt_text"] == "A hand holding a mug of tea"


def test_the_editor_loads_the_alt_text_helper_from_our_own_static_files(editor, blog):
    html = editor.get(add_url(blog)).content.decode()

    assert '<script src="/static/core/alt_text.js" defer></script>' in html


def form_soup(editor, url):
    return BeautifulSoup(editor.get(url).content, "html.parser")


def test_categories_are_checkboxes_and_the_author_a_menu_of_this_practices_clinicians(editor, blog):
    make_category("Anxiety")
    make_category("Grief")
    make_clinician(blog.get_parent(), "Sam Lee")
    other = Page.get_first_root_node().add_child(instance=HomePage(title="Other", slug="other"))
    Site.objects.create(hostname="other.example", root_page=other)
    make_clinician(other, "Someone Elsewhere")

    soup = form_soup(editor, add_url(blog))

    boxes = soup.select("input[type=checkbox][name=categories]")
    assert [box.find_parent("label").get_text(strip=True) for box in boxes] == ["Anxiety", "Grief"]
    menu = soup.select_one("select[name=author]")
    assert [o.get_text(strip=True) for o in menu.select("option")] == ["---------", "Sam Lee"]
    assert "Only pages of type" not in str(soup)


def test_featured_articles_are_checkboxes_of_this_practices_articles_newest_first(editor, blog):
    make_article(blog, "Older", datetime.date(2026, 1, 1))
    make_article(blog, "Newer", datetime.date(2026, 3, 1))
    home = blog.get_parent()

    soup = form_soup(editor, reverse("wagtailadmin_pages:edit", args=(home.pk,)))

    boxes = soup.select("input[type=checkbox][name=featured_articles]")
    assert [box.find_parent("label").get_text(strip=True) for box in boxes] == ["Newer", "Older"]
