"""The blog index: newest first, ten a page, category and tag listings."""

import datetime

import pytest
from bs4 import BeautifulSoup

from quietroom.core.tests.factories import make_article, make_category, make_draft


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.text for a in soup.select(".grid .card h2 a")]


@pytest.fixture
def twelve(blog):
    return [make_article(blog, f"Article {n:02}", datetime.date(2026, 1, n)) for n in range(1, 13)]


def test_index_lists_newest_first_ten_a_page(client, blog, twelve):
    first_page = titles(client, blog.url)
    second_page = titles(client, blog.url + "?page=2")

    assert first_page == [f"Article {n:02}" for n in range(12, 2, -1)]
    assert second_page == ["Article 02", "Article 01"]


@pytest.mark.parametrize("page", ["3", "0", "x", "-1", "1.5"])
def test_a_page_number_that_does_not_exist_is_not_found(client, blog, twelve, page):
    assert client.get(blog.url + f"?page={page}").status_code == 404


def test_pagination_links_and_canonical_of_a_later_page(client, blog, twelve):
    soup = BeautifulSoup(client.get(blog.url + "?page=2").content, "html.parser")

    assert soup.find("link", rel="canonical")["href"].endswith(f"{blog.url}?page=2")
    assert soup.select_one(".pagination a")["href"] == "?page=1"
    assert soup.title.text == "Articles · page 2 · Our practice"


def test_drafts_are_not_listed(client, blog):
    make_article(blog, "Live")
    make_draft(blog, "Draft")

    assert titles(client, blog.url) == ["Live"]


def test_an_empty_blog_says_so(client, blog):
    response = client.get(blog.url)

    assert b"There are no articles here yet." in response.content


def test_category_page_lists_only_that_category(client, blog):
    anxiety = make_category("Anxiety", description="About worry.")
    grief = make_category("Grief")
    make_article(blog, "On worry", categories=[anxiety])
    make_article(blog, "On loss", categories=[grief])

    response = client.get(blog.url + "category/anxiety/")
    soup = BeautifulSoup(response.content, "html.parser")

    assert titles(client, blog.url + "category/anxiety/") == ["On worry"]
    assert soup.h1.text == "Anxiety"
    assert "About worry." in soup.select_one(".lede").text
    assert soup.title.text == "Anxiety · Articles · Our practice"


def test_unknown_category_is_not_found(client, blog):
    assert client.get(blog.url + "category/nothing-here/").status_code == 404


def test_tag_page_lists_articles_with_that_tag(client, blog):
    tagged = make_article(blog, "Tagged")
    make_article(blog, "Untagged")
    tagged.tags.add("sleep")
    tagged.save_revision().publish()

    assert titles(client, blog.url + "tag/sleep/") == ["Tagged"]


def test_a_tag_only_drafts_carry_is_not_found(client, blog):
    draft = make_draft(blog, "Draft")
    draft.tags.add("secret-plans")
    draft.save()

    assert client.get(blog.url + "tag/secret-plans/").status_code == 404


def test_article_links_to_its_category_and_tag_pages(client, blog):
    category = make_category("Feelings")
    page = make_article(blog, "Crying", categories=[category])
    page.tags.add("tears")
    page.save_revision().publish()

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    assert soup.select_one(".kicker a")["href"] == f"{blog.url}category/feelings/"
    assert soup.select_one(".tags a")["href"] == f"{blog.url}tag/tears/"
    assert client.get(f"{blog.url}category/feelings/").status_code == 200


def test_a_tag_listing_is_titled_by_its_tag(client, blog):
    tagged = make_article(blog, "On sleep")
    tagged.tags.add("sleep & rest")
    tagged.save_revision().publish()

    soup = BeautifulSoup(client.get(blog.url + "tag/sleep-rest/").content, "html.parser")

    assert soup.title.text == "Articles tagged “sleep & rest” · Articles · Our practice"
