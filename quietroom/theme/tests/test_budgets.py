"""The reader budgets of PRODUCT.md, checked on the demo site's real pages."""

import gzip
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from quietroom.blog.models import ArticlePage, BlogIndexPage
from quietroom.practice.models import ClinicianPage, HomePage
from quietroom.theme.branding import BrandChange, change_brand
from quietroom.theme.palette import STYLES

GZIP_BUDGET = 14 * 1024
RESOURCE_ATTRIBUTES = {
    "img": ["src", "srcset"],
    "source": ["srcset"],
    "link": ["href"],
    "script": ["src"],
    "iframe": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
}


def reader_urls():
    blog = BlogIndexPage.objects.get()
    tag = ArticlePage.objects.published().first().tags.first()
    return [
        HomePage.objects.get().url,
        blog.url,
        f"{blog.url}?page=1",
        f"{blog.url}tag/{tag.slug}/",
        f"{blog.url}category/anxiety/",
        ClinicianPage.objects.first().url,
        *[article.url for article in ArticlePage.objects.published()],
    ]


def resource_urls(html):
    soup = BeautifulSoup(html, "html.parser")
    for tag, attributes in RESOURCE_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if not value:
                    continue
                if attribute == "srcset":
                    yield from (part.strip().split(" ")[0] for part in value.split(","))
                else:
                    yield value


def test_every_article_fits_in_14_kb_gzipped_in_every_style(client, demo_site, record_property):
    site = Site.objects.get(is_default_site=True)
    for style, chosen in STYLES.items():
        change_brand(site, BrandChange(style=style, accent_colour=chosen.suggested_accent))
        sizes = {}
        for article in ArticlePage.objects.published():
            html = client.get(article.url).content
            sizes[article.url] = len(gzip.compress(html, compresslevel=6))
        record_property(f"largest article gzipped, {style}", f"{max(sizes.values()):,} bytes")
        over = {url: size for url, size in sizes.items() if size > GZIP_BUDGET}
        assert not over, (style, over)


def test_reader_pages_carry_no_script_but_structured_data(client, demo_site):
    for url in reader_urls():
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        scripts = soup.find_all("script")
        assert all(s.get("type") == "application/ld+json" and not s.get("src") for s in scripts)
        assert not soup.find(attrs={"onload": True})
        assert not soup.find(attrs={"onclick": True})


def test_reader_pages_load_nothing_from_another_origin(client, demo_site):
    for url in reader_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        for resource in resource_urls(response.content):
            parts = urlsplit(resource)
            if parts.scheme == "data":
                continue  # inline, no request at all
            assert parts.scheme in ("", "http"), (url, resource)
            assert parts.netloc in ("", "127.0.0.1:8000"), (url, resource)


@pytest.mark.parametrize("kind", ["home", "index", "article", "tag", "feed", "404"])
def test_anonymous_readers_get_no_cookies(client, demo_site, kind):
    blog = BlogIndexPage.objects.get()
    article = ArticlePage.objects.published().first()
    url = {
        "home": HomePage.objects.get().url,
        "index": blog.url,
        "article": article.url,
        "tag": f"{blog.url}tag/{article.tags.first().slug}/",
        "feed": f"{blog.url}feed/",
        "404": "/no-such-page/",
    }[kind]

    response = client.get(url)

    assert response.status_code == (404 if kind == "404" else 200)
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
