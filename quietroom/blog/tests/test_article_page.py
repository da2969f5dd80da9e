"""The article page: every block renders, the structure is sound, the head is complete."""

import itertools
import json

import pytest
from bs4 import BeautifulSoup

from quietroom.core.tests.factories import make_article, make_clinician, make_image

EVERY_BLOCK = [
    {
        "type": "text",
        "value": "<p>Opening paragraph with <b>bold</b>, <i>italic</i> and "
        '<a href="https://example.org/help">a link</a>.</p>'
        "<h2>A section</h2><ul><li>one</li><li>two</li></ul>"
        "<h3>A subsection</h3><ol><li>first</li><li>second</li></ol>",
    },
    {"type": "quote", "value": {"quote": "Am I too much?", "attribution": "an inner voice"}},
    {"type": "image", "value": {"image": None, "alt_text": "A quiet room", "caption": "Rest"}},
    {"type": "callout", "value": {"heading": "Try this", "text": "<p>Breathe out slowly.</p>"}},
]


@pytest.fixture
def full_article(blog, home):
    body = [dict(block) for block in EVERY_BLOCK]
    body[2] = {**body[2], "value": {**body[2]["value"], "image": make_image("Body").pk}}
    return make_article(
        blog,
        "Why crying in therapy is a sign of healing",
        body=body,
        summary="Tears in a session are not a failure.",
        hero_image=make_image("Hero"),
        hero_alt="Rain running down a window",
        hero_caption="Soft light after rain",
        author=make_clinician(home, "Maya Okafor"),
    )


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_every_block_type_renders(client, full_article):
    soup = soup_of(client, full_article)
    prose = soup.select_one(".prose")

    assert prose.find("strong") or prose.find("b")
    assert prose.select_one('a[href="https://example.org/help"]').text == "a link"
    assert [li.text for li in prose.select("ul li")] == ["one", "two"]
    assert [li.text for li in prose.select("ol li")] == ["first", "second"]
    assert prose.select_one(".pull-quote blockquote").text.strip() == "Am I too much?"
    assert prose.select_one(".pull-quote figcaption").text == "an inner voice"
    assert prose.select_one("figure.image-block img")["alt"] == "A quiet room"
    assert prose.select_one("figure.image-block figcaption").text == "Rest"
    assert prose.select_one(".callout .callout-heading").text == "Try this"
    assert "Breathe out slowly." in prose.select_one(".callout").text


def test_there_is_one_h1_and_sections_are_h2_with_h3_below(client, full_article):
    soup = soup_of(client, full_article)
    article = soup.select_one("main article")

    assert [h.text for h in soup.find_all("h1")] == [full_article.title]
    levels = [int(h.name[1]) for h in article.find_all(["h1", "h2", "h3", "h4"])]
    assert levels[:3] == [1, 2, 3]
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_the_page_is_built_from_landmarks_with_a_skip_link(client, full_article):
    soup = soup_of(client, full_article)

    assert soup.html["lang"] == "en"
    assert soup.select_one("a.skip-link")["href"] == "#main"
    assert soup.select_one("main#main article")
    assert soup.select_one('nav[aria-label="Main"]')
    assert soup.select_one("footer .crisis")


def test_every_img_has_alt_text(client, full_article):
    soup = soup_of(client, full_article)
    images = soup.find_all("img")

    assert len(images) >= 2
    assert all(img.get("alt", "").strip() for img in images)


def test_the_hero_is_responsive_with_its_dimensions(client, full_article):
    hero = soup_of(client, full_article).select_one(".article-hero img")

    assert hero["alt"] == "Rain running down a window"
    assert len(hero["srcset"].split(",")) == 4
    assert hero["sizes"]
    assert int(hero["width"]) > 0
    assert int(hero["height"]) > 0
    assert hero.get("loading") != "lazy"


def test_body_images_load_lazily(client, full_article):
    body_image = soup_of(client, full_article).select_one(".prose figure.image-block img")

    assert body_image["loading"] == "lazy"


def test_json_ld_describes_the_blog_posting(client, full_article):
    soup = soup_of(client, full_article)
    blocks = soup.find_all("script", type="application/ld+json")

    assert len(blocks) == 1
    data = json.loads(blocks[0].string)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == full_article.title
    assert data["author"]["name"] == "Maya Okafor"
    assert data["url"].startswith("http://")
    assert data["image"]["url"].startswith("http://")
    assert data["datePublished"].startswith("2026-01-01")


def test_json_ld_cannot_be_closed_by_text_in_the_title(client, blog):
    page = make_article(blog, "</script><script>alert(1)</script>")

    soup = soup_of(client, page)

    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["headline"] == "</script><script>alert(1)</script>"
    assert [s.get("type") for s in soup.find_all("script")] == ["application/ld+json"]


def test_head_has_description_canonical_and_social_cards(client, full_article):
    soup = soup_of(client, full_article)

    def meta(**attrs):
        return soup.find("meta", attrs=attrs)["content"]

    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == f"http://localhost{full_article.url}"
    assert meta(name="description") == "Tears in a session are not a failure."
    assert meta(property="og:type") == "article"
    assert meta(property="og:url") == canonical
    assert meta(property="og:image").startswith("http://localhost/")
    assert meta(property="og:image:alt") == "Rain running down a window"
    assert meta(name="twitter:card") == "summary_large_image"
    assert soup.title.text.startswith(full_article.title)


def test_byline_shows_author_date_and_reading_time(client, full_article):
    meta = soup_of(client, full_article).select_one("article header .meta").text

    assert "Maya Okafor" in meta
    assert "1 January 2026" in meta
    assert "1\u00a0min\u00a0read" in meta  # kept on one line


def test_the_feeds_are_advertised_in_the_head(client, full_article):
    soup = soup_of(client, full_article)

    assert soup.find("link", type="application/rss+xml")["href"].endswith("/feed/")
    assert soup.find("link", type="application/atom+xml")["href"].endswith("/feed/atom/")


def test_the_hero_is_avif_then_webp_with_a_jpeg_fallback_in_four_widths(
    client, full_article, settings
):
    settings.QUIETROOM_HERO_AVIF = True
    soup = soup_of(client, full_article)
    hero = soup.select_one(".article-hero picture")
    avif, webp = hero.find_all("source")

    assert (avif["type"], webp["type"]) == ("image/avif", "image/webp")
    for source in (avif, webp):
        widths = [candidate.split()[-1] for candidate in source["srcset"].split(",")]
        # 780w is what a 390 px phone at 2x takes: no larger than it needs.
        assert widths == ["400w", "780w", "1040w", "1600w"]
        assert source["sizes"] == hero.find("img")["sizes"]
        assert source["sizes"].startswith("(max-width: 48rem) 100vw")
    assert hero.find("img")["src"].endswith(".jpg")
    assert hero.find("img")["fetchpriority"] == "high"
    assert soup.select_one(".prose picture img")["loading"] == "lazy"


def test_the_phones_hero_file_is_the_780_pixel_avif(client, full_article, settings):
    settings.QUIETROOM_HERO_AVIF = True
    from quietroom.core.models import CustomRendition

    soup = soup_of(client, full_article)
    candidate = soup.select_one(".article-hero source")["srcset"].split(",")[1].split()[0]
    rendition = CustomRendition.objects.get(file__endswith=candidate.rsplit("/", 1)[-1])

    assert rendition.filter_spec == "format-avif|width-780"
    assert rendition.width <= 780
    assert rendition.file.read(12)[4:12] == b"ftypavif"


def test_without_avif_the_hero_is_webp_first_in_the_same_widths(client, full_article, settings):
    settings.QUIETROOM_HERO_AVIF = False
    sources = soup_of(client, full_article).select(".article-hero source")

    assert [source["type"] for source in sources] == ["image/webp"]
    assert "780w" in sources[0]["srcset"]


def test_renditions_are_made_once_and_reused(client, full_article):
    from quietroom.core.models import CustomRendition
    from quietroom.serving import pagecache

    client.get(full_article.url)
    made = CustomRendition.objects.count()
    pagecache.clear()
    client.get(full_article.url)

    assert made >= 6
    assert CustomRendition.objects.count() == made


def test_a_preview_shows_the_edited_tags_not_the_published_ones(client, blog):
    page = make_article(blog, "Tagged")
    page.tags.add("published-tag")
    page.save_revision().publish()
    assert b"published-tag" in client.get(page.url).content

    page.tags.set(["edited-tag"])  # unsaved, as in the editor
    preview = page.make_preview_request().content

    assert b"edited-tag" in preview
    assert b"published-tag" not in preview
