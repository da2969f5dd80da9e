"""Payloads in every editor field and the contact form never become executable (B1, B2)."""

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from quietroom.blog.models import ArticlePage
from quietroom.core.tests.factories import valid_request
from quietroom.core.tests.pages import public_paths
from quietroom.practice.models import ClinicianPage
from quietroom.security.richtext import clean_instance
from quietroom.security.sanitize import clean_rich_text, safe_url
from quietroom.security.tests import payloads
from quietroom.security.tests.support import our_own_form

EVENT_HANDLER = "on"
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "base", "form", "meta"}


OUR_INLINE_IMAGES = ("data:image/webp;base64,", "data:image/png;base64,")


def executable_markup(html: str, allowed_forms: int = 0) -> list[str]:
    """Everything in `html` a browser could run: scripts, handlers, script URLs, frames."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        if tag.name == "script" and tag.get("type") == "application/ld+json":
            continue
        if tag.name in DANGEROUS_TAGS - {"form", "meta"}:
            found.append(str(tag)[:80])
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            squeezed = "".join(ch for ch in text if ord(ch) > 0x20).lower()
            if name.startswith(EVENT_HANDLER) or name in ("srcdoc", "style"):
                found.append(f"{tag.name} {name}={text[:40]}")
            link_target = name in ("href", "src", "action") and tag.name != "link"  # data: favicon
            # The byline's portrait is a raster image inlined by the theme: it cannot run.
            our_raster = tag.name == "img" and squeezed.startswith(OUR_INLINE_IMAGES)
            if link_target and squeezed.startswith(("javascript:", "data:")) and not our_raster:
                found.append(f"{tag.name} {name}={text[:40]}")
    if len([form for form in soup.find_all("form") if not our_own_form(form)]) > allowed_forms:
        found.append("an extra <form>")
    return found


def feed_html(xml: bytes) -> str:
    """The HTML a feed reader would show: every item's full content, unescaped."""
    contents = ElementTree.fromstring(xml).iter()
    return "".join(el.text or "" for el in contents if el.tag.endswith(("encoded", "}content")))


def test_reader_templates_render_rich_text_only_through_the_cleaning_filter():
    templates = Path(__file__).resolve().parents[2] / "theme" / "templates"
    offenders = [
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if re.search(r"\|\s*richtext\b", path.read_text())
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "html",
    [payloads.RICH, "<p>fine <b>bold</b> <a href='https://example.org/'>link</a></p>"],
)
def test_cleaning_rich_text_twice_changes_nothing_more(html):
    once = clean_rich_text(html)
    assert clean_rich_text(once) == once
    assert executable_markup(once) == []


def test_clean_rich_text_keeps_what_editors_write():
    html = (
        '<h2>Heading</h2><p>Some <b>bold</b>, <i>italic</i> and a <a href="https://example.org/">'
        'link</a>, a <a linktype="page" id="3">page link</a>.</p><ul><li>one</li></ul>'
    )
    assert clean_rich_text(html, ["h2", "bold", "italic", "link", "ul"]) == html.replace(
        '<a linktype="page" id="3">', '<a id="3" linktype="page">'
    )


@pytest.mark.parametrize(
    "url",
    [
        payloads.URL,
        payloads.OBFUSCATED_URL,
        " JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "vbscript:x",
    ],
)
def test_only_web_mail_and_phone_links_survive(url):
    assert safe_url(url) == ""


@pytest.mark.parametrize("url", ["https://example.org/", "/contact/", "mailto:a@b.c", "tel:988"])
def test_ordinary_links_are_kept(url):
    assert safe_url(url) == url


@pytest.mark.django_db
def test_saving_a_page_by_any_path_cleans_its_rich_text(blog):
    from quietroom.core.tests.factories import make_article

    article = make_article(blog, body=[{"type": "text", "value": payloads.RICH}])
    stored = ArticlePage.objects.get(pk=article.pk).body.raw_data[0]["value"]

    assert payloads.MARK in stored
    assert executable_markup(stored) == []
    assert "<script" not in stored
    assert "javascript" not in stored.lower()


@pytest.mark.django_db
def test_saving_a_model_with_a_rich_text_field_cleans_it(demo_site):
    clinician = ClinicianPage.objects.first()
    clinician.bio = payloads.RICH
    clean_instance(clinician)

    assert executable_markup(clinician.bio) == []
    assert payloads.MARK in clinician.bio


@pytest.mark.django_db
def test_payloads_stored_around_every_save_hook_render_as_text(client, demo_site):
    payloads.plant()
    for name, path in public_paths().items():
        response = client.get(path)
        assert response.status_code == 200, name
        if name in ("robots", "sitemap"):
            continue
        is_feed = "feed" in name
        html = feed_html(response.content) if is_feed else response.content.decode()
        forms = 1 if name == "contact" else 0
        assert executable_markup(html, allowed_forms=forms) == [], name
        assert payloads.MARK in html, name


@pytest.mark.django_db
def test_contact_form_payloads_come_back_escaped(client, demo_site):
    url = public_paths()["contact"]
    data = valid_request(name=payloads.TEXT, message=payloads.TEXT, email="not an email")

    response = client.post(url, data)

    assert response.status_code == 400
    assert executable_markup(response.content.decode(), allowed_forms=1) == []
    assert payloads.MARK in response.content.decode()
