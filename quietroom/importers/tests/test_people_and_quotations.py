"""On WordPress's theme unit test data: authors wait for the owner as drafts, quotations keep
what a reader reads, and galleries whose images are missing leave nothing empty behind.

One import per test (the file takes a while): each test states one behaviour in full.
"""

import pytest

from quietroom.blog.models import ArticlePage
from quietroom.importers.tests.support import CORPUS, run_import
from quietroom.practice.contact_form import choices
from quietroom.practice.models import ClinicianIndexPage, ClinicianPage

THEME_DATA = CORPUS / "theme-unit-test-data.xml"
# The two authors of the file; a post's dc:creator ">themereviewteam" is the second one.
AUTHORS = {"Theme Buster", "Theme Reviewer"}


@pytest.fixture
def imported(blog, contact_page):
    return run_import(THEME_DATA)


def text_of(page) -> str:
    return "".join(block.value.source for block in page.body if block.block_type == "text")


def test_authors_wait_as_draft_clinicians_on_no_list_and_still_sign_their_articles(
    imported, home, contact_page, client
):
    clinicians = ClinicianPage.objects.all()
    article = ArticlePage.objects.published().filter(author__title="Theme Buster").first()
    html = client.get(article.url).content.decode()

    assert {c.title for c in clinicians} == AUTHORS
    assert not any(c.live for c in clinicians)
    assert not any(c.accepting_new_clients for c in clinicians)
    assert all(c.get_latest_revision() is not None for c in clinicians), "editable drafts"
    assert list(home.specific.clinicians()) == []
    assert list(ClinicianIndexPage.objects.get().clinicians()) == []
    assert choices(contact_page, ClinicianPage) == []
    assert sorted(imported.draft_clinicians) == sorted(AUTHORS)
    assert any("2 authors became draft clinicians" in line for line in imported.table())
    assert article.byline().name == "Theme Buster"
    assert article.byline().url == "", "no link to a page readers cannot open"
    assert "Theme Buster" in html
    assert '"author":{"@type":"Person","name":"Theme Buster"}' in html, "no author URL"


def test_a_long_quotation_keeps_its_links_emphasis_quoted_tags_and_source(imported, client):
    page = ArticlePage.objects.get(title="Markup: HTML Tags and Formatting")
    text = text_of(page)

    assert "<blockquote>The <strong>HTML &lt;blockquote&gt; Element</strong>" in text
    assert "<em>HTML Block Quotation Element</em>" in text
    assert 'href="https://developer.mozilla.org/en-US/docs/HTML/Element/blockquote#Notes"' in text
    assert 'Source: <a href="https://developer.mozilla.org/' in text
    assert "<blockquote>" in client.get(page.url).content.decode()
    assert not [w for w in imported.warnings if "Markup: HTML Tags" in w and "quotation" in w]


def test_galleries_whose_images_are_missing_leave_no_empty_bullets_and_are_reported(imported):
    gallery = ArticlePage.objects.get(title="Block: Gallery")
    reported = [w for w in imported.warnings if "“Block: Gallery”" in w]

    for page in ArticlePage.objects.all():
        assert "<li></li>" not in text_of(page), page.title
    assert "Jericoacoara" not in text_of(gallery), "a caption is not a bullet of its own"
    assert any("left out with its caption “Jericoacoara Ceara Brasil”" in w for w in reported)
