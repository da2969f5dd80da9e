"""Wagtail pages become Documents: articles block by block, other pages from rich text."""

from wagtail.models import Page
from wagtail.rich_text import RichText

from quietroom.checks.document import Heading, Image, Link, Paragraph, Quote
from quietroom.checks.from_page import document_for_page
from quietroom.checks.site import check_page
from quietroom.core.tests.factories import make_article, make_image
from quietroom.practice.models import HomePage

BODY = [
    {"type": "text", "value": '<h2>Why</h2><p>Because. <a href="/x/">read more</a></p>'},
    {"type": "quote", "value": {"quote": "Am I crazy?", "attribution": "", "correcting": True}},
    {"type": "image", "value": {"image": None, "alt_text": "Rain", "caption": "Dusk"}},
    {"type": "callout", "value": {"heading": "Try this", "text": "<p>Breathe out slowly.</p>"}},
]


def test_an_article_becomes_a_document_with_its_fields(blog):
    hero = make_image(title="hero")
    page = make_article(
        blog, title="Rain", summary="Short.", hero_image=hero, hero_alt="A lake",
        content_note="Note.", seo_title="Rain tag",
    )  # fmt: skip

    document = document_for_page(page, crisis_resources=True)

    assert document.is_article
    assert (document.title, document.summary, document.search_title) == (
        "Rain",
        "Short.",
        "Rain tag",
    )
    assert document.content_note == "Note."
    assert document.crisis_resources
    assert document.hero.alt == "A lake"
    assert document.hero.location.anchor == "hero_alt"
    assert document.hero.filename.endswith(".jpg")


def test_each_block_gives_its_parts_located_by_block(blog):
    image = make_image()
    body = [dict(block) for block in BODY]
    body[2] = {"type": "image", "value": {**BODY[2]["value"], "image": image.pk}}
    page = make_article(blog, body=body)

    parts = document_for_page(page).body

    kinds = [type(part) for part in parts]
    assert kinds == [Heading, Paragraph, Link, Quote, Image, Paragraph, Paragraph]
    quote, picture = parts[3], parts[4]
    assert quote.correcting
    assert quote.location.anchor == f"body.{page.body[1].id}.quote"
    assert picture.location.label == "Body, block 3 (image)"
    assert picture.location.anchor == f"body.{page.body[2].id}.alt_text"
    assert (picture.alt, picture.caption) == ("Rain", "Dusk")
    assert picture.filename == image.file.name.rsplit("/", 1)[-1]
    assert parts[0].location.block == 1


def test_an_unsaved_article_in_memory_is_checked_as_it_is(blog):
    page = make_article(blog)
    page.body = [("text", "<p>He committed suicide.</p>")]

    assert "stigmatising-language" in [f.rule for f in check_page(page).findings]


def test_other_pages_are_read_from_their_rich_text_and_stream_fields(home):
    # The home page's text lives in its sections (a stream field); a text section here.
    text = RichText('<h3>Welcome</h3><p><a href="/about/">click here</a></p>')
    home.body = [("text", {"heading": "", "text": text})]

    document = document_for_page(home)
    found = {f.rule: f.location for f in check_page(home).findings}

    assert not document.is_article
    assert found["heading-skipped"].field.startswith("body")
    assert found["link-text"].label.startswith("Body")
    assert "summary-missing" not in found


def test_a_plain_page_object_is_read_as_its_own_type(home):
    plain = Page.objects.get(pk=home.pk)

    assert isinstance(plain.specific, HomePage)
    assert document_for_page(plain).title == home.title
