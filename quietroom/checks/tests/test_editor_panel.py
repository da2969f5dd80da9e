"""The Quality panel in the article editor, and the quality report in the preview."""

import re

from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from quietroom.core.tests.factories import make_article, make_image


def edit_page(editor, page) -> str:
    response = editor.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response.content.decode()


def quality_panel(html: str) -> str:
    start = html.index('<div class="quality-report">')
    return html[start : html.index("</div>", start)]


def test_the_panel_groups_findings_by_level_under_plain_headings(editor, blog):
    page = make_article(
        blog,
        body=[
            {"type": "image", "value": {"image": make_image().pk, "alt_text": "", "caption": ""}},
            {"type": "text", "value": '<p>See <a href="/x/">click here</a>.</p>'},
        ],
        summary="A short summary.",
    )

    panel = quality_panel(edit_page(editor, page))

    assert "Must be fixed before publishing (1)" in panel
    assert "Worth fixing (1)" in panel
    assert "Suggestions (1)" in panel
    assert panel.index("Must be fixed") < panel.index("Worth fixing") < panel.index("Suggestions")


def test_each_finding_links_to_its_block_in_the_editor(editor, blog):
    page = make_article(
        blog,
        body=[
            {"type": "image", "value": {"image": make_image().pk, "alt_text": "", "caption": ""}}
        ],
    )
    block_id = page.body[0].id

    panel = quality_panel(edit_page(editor, page))

    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert f'href="{edit}#:w:contentpath=body.{block_id}.alt_text"' in panel
    # The template is laid out for people; what the editor reads is the text with its spaces
    # collapsed, as the browser shows it.
    assert ">Body, block 1 (image)</a>: This image" in " ".join(panel.split())


def test_a_clean_article_says_so(editor, blog):
    page = make_article(
        blog, summary="Calm words.", hero_image=make_image(), hero_alt="A calm lake"
    )

    panel = quality_panel(edit_page(editor, page))

    assert "No problems found." in panel
    assert re.search(r"\d+ words · about 1 min to read", panel)


def test_a_new_article_explains_when_the_checks_appear(editor, blog):
    url = reverse("wagtailadmin_pages:add", args=("blog", "articlepage", blog.pk))

    html = editor.get(url).content.decode()

    assert "The checks appear here once you save a draft" in html
    assert "checks/quality.js" in html


def preview_data(text: str) -> dict:
    return nested_form_data(
        {
            "title": "Unsaved words",
            "slug": "unsaved-words",
            "summary": "Not saved yet.",
            "content_note": "",
            "hero_image": "",
            "hero_alt": "",
            "hero_caption": "",
            "date": "2026-05-01",
            "tags": "",
            "body": streamfield([("text", rich_text(text))]),
        }
    )


def test_the_preview_reports_on_content_that_is_not_saved_yet(editor, blog):
    page = make_article(blog)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    editor.post(url, preview_data("<p>Her uncle committed suicide.</p>"))

    html = editor.get(url, {"mode": "quality"}).content.decode()

    assert "<h1>Quality report</h1>" in html
    assert "died by suicide" in html
    assert "Add a content note" in html
    assert 'target="_parent"' in html


def test_the_preview_offers_the_article_and_the_quality_report(editor, blog):
    page = make_article(blog)

    assert page.preview_modes == [("", "Article"), ("quality", "Quality report")]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    editor.post(url, preview_data("<p>Calm words.</p>"))
    assert "<article>" in editor.get(url).content.decode()


def test_a_new_article_can_be_previewed_as_a_quality_report(editor, blog):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("blog", "articlepage", blog.pk))
    editor.post(url, preview_data('<p><a href="https://example.org">https://example.org</a></p>'))

    html = editor.get(url, {"mode": "quality"}).content.decode()

    assert "The link text is a web address" in html
    assert "<strong>Body, block 1 (text)</strong>" in html


def test_a_new_article_can_be_previewed_as_the_article_too(editor, blog):
    make_article(blog, title="An older article")
    url = reverse("wagtailadmin_pages:preview_on_add", args=("blog", "articlepage", blog.pk))
    editor.post(url, preview_data("<p>Calm words, not saved yet.</p>"))

    response = editor.get(url, {"mode": ""})

    assert response.status_code == 200
    assert "<h1>Unsaved words</h1>" in response.content.decode()


def test_an_empty_draft_says_there_is_nothing_to_check_yet(editor, blog):
    page = make_article(blog, body=[{"type": "text", "value": "<p></p>"}])

    panel = quality_panel(edit_page(editor, page))

    assert "Nothing to check yet" in panel
    assert "No problems found" not in panel
    assert "0 words" not in panel


def test_an_empty_preview_says_there_is_nothing_to_check_yet(editor, blog):
    page = make_article(blog)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    editor.post(url, preview_data("<p></p>"))

    html = editor.get(url, {"mode": "quality"}).content.decode()

    assert "Nothing to check yet" in html
    assert "No problems found" not in html
