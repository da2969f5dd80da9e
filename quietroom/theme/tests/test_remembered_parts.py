"""The footer and the articles' cards are the same on every page of a site that shows them:
rendered once per generation for readers, and byte for byte what the page would render."""

import datetime
import re

from django.test.signals import template_rendered
from django.utils import timezone

from quietroom.core.tests.factories import make_article, make_image
from quietroom.practice.models import PracticeSettings
from quietroom.serving import pagecache
from quietroom.serving.tests.support import wsgi_get

FOOTER = re.compile(rb"<footer class=\"site-footer\">.*?</footer>", re.S)


def footer_of(body: bytes) -> bytes:
    found = FOOTER.search(body)
    assert found, body[-2000:]
    return found.group()


def renders_of(name: str, action) -> int:
    """How many times the template `name` is rendered while `action()` runs."""
    renders = []

    def seen(sender, template, **kwargs):
        if template.name == name:
            renders.append(template)

    template_rendered.connect(seen)
    try:
        action()
    finally:
        template_rendered.disconnect(seen)
    return len(renders)


def test_readers_pages_render_the_footer_once_for_the_site(blog):
    first = make_article(blog, "On sleep", datetime.date(2026, 4, 3))
    second = make_article(blog, "On rest", datetime.date(2026, 4, 2))

    def read_both():
        assert wsgi_get(first.url)[0] == 200
        assert wsgi_get(second.url)[0] == 200

    assert renders_of("components/site_footer.html", read_both) == 1
    assert footer_of(wsgi_get(first.url)[2]) == footer_of(wsgi_get(second.url)[2])


def test_the_remembered_footer_is_the_one_rendered_with_the_page(blog):
    """A preview renders the footer in the page's own context, outside a reader's request."""
    article = make_article(blog, "On sleep", datetime.date(2026, 4, 3))
    practice = PracticeSettings.objects.get()
    practice.street_address = "1 Linden Row"
    practice.phone = "+1 555 0100"
    practice.save()

    served = footer_of(wsgi_get(article.url)[2])
    previewed = footer_of(article.make_preview_request().content)

    assert served == previewed
    assert b"1 Linden Row" in served
    assert b"tel:+15550100" in served
    assert f"&copy; {timezone.localdate().year} ".encode() in served


def test_a_new_year_gives_a_new_footer(blog, monkeypatch):
    article = make_article(blog, "On sleep", datetime.date(2026, 4, 3))
    wsgi_get(article.url)
    next_year = timezone.localdate().replace(month=1, day=1) + datetime.timedelta(days=366)
    monkeypatch.setattr(timezone, "localdate", lambda *args: next_year)
    article.save_revision().publish()  # a fresh page; the site's footer is still remembered

    assert f"&copy; {next_year.year} ".encode() in footer_of(wsgi_get(article.url)[2])


# Article cards: the same for every listing of a site until a publish.

CARD = re.compile(rb"<article class=\"card\">.*?</article>", re.S)
CARD_TEMPLATE = "components/article_card.html"


def test_a_listings_cards_are_rendered_once_per_generation(blog):
    make_article(blog, "On sleep", datetime.date(2026, 4, 3))
    make_article(blog, "On rest", datetime.date(2026, 4, 2))
    assert renders_of(CARD_TEMPLATE, lambda: wsgi_get(blog.url)) == 2

    pagecache.clear()  # the page expired: rendered again, its cards remembered
    assert renders_of(CARD_TEMPLATE, lambda: wsgi_get(blog.url)) == 0


def test_a_remembered_card_is_the_one_rendered_in_the_listing(blog):
    hero = make_image("Morning light", description="Light through a window")
    make_article(blog, "On sleep", datetime.date(2026, 4, 3), hero_image=hero, hero_alt="A window")
    make_article(blog, "On rest", datetime.date(2026, 4, 2), summary="Rest is not idleness.")

    served = CARD.findall(wsgi_get(blog.url)[2])
    previewed = CARD.findall(blog.make_preview_request().content)

    assert len(served) == 2
    assert served == previewed
    assert b"<picture>" in served[0]
    assert b"Rest is not idleness." in served[1]


def test_a_published_change_reaches_the_card_at_once(blog):
    article = make_article(blog, "On sleep", datetime.date(2026, 4, 3))
    assert b"On sleep" in wsgi_get(blog.url)[2]

    article.title = "On sleeping well"
    article.save_revision().publish()

    assert b"On sleeping well" in CARD.search(wsgi_get(blog.url)[2]).group()


# An article's hero: a <picture> of a dozen renditions, the same for every reader until a
# publish or an edit of the image.

HERO = re.compile(rb"<figure class=\"article-hero\">.*?</figure>", re.S)
HERO_TEMPLATE = "components/hero_picture.html"


def test_an_articles_hero_is_rendered_once_per_generation(blog):
    hero = make_image("Morning light", description="Light through a window")
    article = make_article(blog, "On sleep", hero_image=hero, hero_alt="A window at dawn")
    assert renders_of(HERO_TEMPLATE, lambda: wsgi_get(article.url)) == 1

    pagecache.clear()  # the page expired: rendered again, its hero remembered
    assert renders_of(HERO_TEMPLATE, lambda: wsgi_get(article.url)) == 0


def test_the_remembered_hero_is_the_one_rendered_with_the_page(blog):
    hero = make_image("Morning light", description="Light through a window")
    article = make_article(blog, "On sleep", hero_image=hero, hero_alt="A window at dawn")

    served = HERO.search(wsgi_get(article.url)[2]).group()
    previewed = HERO.search(article.make_preview_request().content).group()

    assert served == previewed
    assert b'alt="A window at dawn"' in served
    assert served.count(b"<source ") >= 1


def test_a_new_hero_alt_or_focal_point_reaches_readers_at_once(blog):
    hero = make_image("Morning light", description="Light through a window")
    article = make_article(blog, "On sleep", hero_image=hero, hero_alt="A window at dawn")
    before = HERO.search(wsgi_get(article.url)[2]).group()

    article.hero_alt = "Light on a kitchen table"
    article.save_revision().publish()
    assert b'alt="Light on a kitchen table"' in HERO.search(wsgi_get(article.url)[2]).group()

    hero.focal_point_x, hero.focal_point_y = 10, 10
    hero.focal_point_width = hero.focal_point_height = 20
    hero.save()
    pagecache.clear()
    moved = HERO.search(wsgi_get(article.url)[2]).group()
    assert moved != before
    assert moved == HERO.search(article.make_preview_request().content).group()
