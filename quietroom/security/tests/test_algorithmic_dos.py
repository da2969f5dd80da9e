"""B4: hostile text (stray end tags, runs of "<", unclosed shortcodes, huge headers) is cheap."""

import io
import time

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.rich_text import RichText

from quietroom.blog.models import ArticlePage
from quietroom.blog.models.article import BODY_OPENING_MAX, META_DESCRIPTION_MAX
from quietroom.blog.reading import opening_text
from quietroom.checks.engine import check_document
from quietroom.checks.from_page import document_for_page
from quietroom.core.tests.factories import make_article
from quietroom.export.static import export_static
from quietroom.importers.repair import RepairingReader
from quietroom.importers.sanitise import autop, sanitise
from quietroom.importers.shortcodes import MAX_NESTING, expand_shortcodes
from quietroom.importers.squarespace import squarespace_blocks
from quietroom.importers.tests.support import post, run_import, wxr

# Once, on SQLite: hostile text is parsed the same whatever the database.
pytestmark = pytest.mark.once

STRAY_END_TAGS = "</p>" * 200_000
ANGLES = "<" * 200_000


def hostile_body() -> list[dict]:
    return [
        {"type": "text", "value": "<p>Start here.</p>" + STRAY_END_TAGS},
        {"type": "text", "value": f"<p>{ANGLES}</p>"},
    ]


@pytest.fixture
def hostile(blog):
    return make_article(blog, title="Hostile", body=hostile_body())


def timed(record_property, name, action):
    """Run `action`, recording (never asserting) how long it took."""
    started = time.perf_counter()
    result = action()
    record_property(name, f"{time.perf_counter() - started:.3f} s")
    return result


def description_of(response) -> str:
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("meta", attrs={"name": "description"})["content"]


def test_stray_end_tags_are_stored_as_a_single_empty_paragraph(hostile):
    stored = ArticlePage.objects.get(pk=hostile.pk)

    assert stored.body[0].value.source == "<p>Start here.</p><p></p>"
    # The run of "<" is text, kept as it was written (escaped).
    assert stored.body[1].value.source == f"<p>{'&lt;' * 200_000}</p>"


def test_a_single_empty_paragraph_between_paragraphs_is_kept(blog):
    body = [{"type": "text", "value": "<p>One</p><p></p><p>Two</p><p> </p><p></p><p>Three</p>"}]

    page = make_article(blog, body=body)

    assert page.body[0].value.source == "<p>One</p><p></p><p>Two</p><p></p><p>Three</p>"


def test_the_hostile_article_its_listing_and_feeds_render(client, blog, hostile, record_property):
    paths = {
        "article": hostile.url,
        "blog index": blog.url,
        "rss": f"{blog.url}feed/",
        "atom": f"{blog.url}feed/atom/",
    }
    for name, path in paths.items():
        response = timed(record_property, f"GET {name}", lambda path=path: client.get(path))
        assert response.status_code == 200, name
    article = client.get(hostile.url)
    assert "Start here." in article.content.decode()
    assert len(description_of(article)) <= META_DESCRIPTION_MAX
    assert hostile.reading_minutes == 1


def test_the_meta_description_is_bounded_whatever_the_body(hostile):
    description = hostile.meta_description()

    assert description == "Start here…"
    assert len(description) <= META_DESCRIPTION_MAX


def test_the_meta_description_is_bounded_for_a_huge_summary(blog):
    page = make_article(blog, summary="</p> " * 200_000, search_description="")

    description = page.meta_description()

    assert len(description) <= META_DESCRIPTION_MAX
    assert description.startswith("</p> </p>")
    assert description.endswith("…")


def test_only_the_opening_of_a_huge_body_is_parsed_for_the_description():
    huge = RichText("<p>" + "word " * 400_000 + "</p>")

    text = opening_text([huge, huge], BODY_OPENING_MAX)

    assert text.startswith("word word")
    assert len(text) <= BODY_OPENING_MAX


def test_the_editorial_checks_finish_on_the_hostile_article(hostile, record_property):
    document = timed(record_property, "document", lambda: document_for_page(hostile))
    report = timed(record_property, "checks", lambda: check_document(document))

    assert report.stats["words"] >= 2
    assert document.body[0].text == "Start here."


def test_the_static_export_writes_the_hostile_article(hostile, tmp_path, record_property):
    outdir = tmp_path / "site"

    timed(record_property, "export", lambda: export_static(outdir, base_url="https://a.example/"))

    page = (outdir / hostile.url.strip("/") / "index.html").read_text()
    assert "Start here." in page


# The importer ------------------------------------------------------------------------------


def test_an_imported_post_of_stray_tags_and_angles_becomes_a_small_article(
    blog, tmp_path, record_property
):
    content = f"<p>Imported start.</p>{STRAY_END_TAGS}\n\n{ANGLES}\n\n" + "<iframe " * 50_000
    path = tmp_path / "export.xml"
    path.write_text(wxr(post(7, "Hostile import", content)))

    timed(record_property, "import", lambda: run_import(path))

    article = ArticlePage.objects.get(title="Hostile import")
    assert article.body_text().startswith("Imported start.")
    stored = sum(len(block.value.source) for block in article.body if block.block_type == "text")
    assert stored < len(STRAY_END_TAGS) + len("&lt;") * len(ANGLES)


def test_a_closed_frame_becomes_a_link_and_unclosed_ones_are_dropped(record_property):
    warnings = []
    text = '<iframe src="https://video.example/1"></iframe>' + "<iframe " * 100_000

    cleaned = timed(record_property, "unclosed frames", lambda: sanitise(text, warnings.append))

    assert 'href="https://video.example/1"' in cleaned
    assert "<iframe" not in cleaned
    assert any("became a link" in warning for warning in warnings)


def test_paragraph_tags_without_an_end_are_split_without_rescanning(record_property):
    text = "<p " * 200_000

    paragraphs = timed(record_property, "autop", lambda: autop(text))

    assert paragraphs.split() == ["<p"] * 200_000


@pytest.mark.parametrize("opening", ["[caption]", "[embed]", "[note]", "[gallery ", "[a-b "])
def test_unclosed_shortcodes_are_left_as_text_without_rescanning(opening, record_property):
    text = opening * 200_000 + "after"

    expanded = timed(
        record_property,
        f"{opening} x 200,000",
        lambda: expand_shortcodes(text, list, lambda warning: None),
    )

    assert expanded == text


def test_a_closed_caption_still_becomes_a_figure_before_unclosed_ones():
    figure = '[caption caption="Rain"]<img src="a.jpg">[/caption]'
    text = figure + "[caption]" * 1_000 + figure

    expanded = expand_shortcodes(text, list, lambda warning: None)

    assert expanded.startswith('<figure><img src="a.jpg"><figcaption>Rain</figcaption></figure>')
    assert expanded.count("<figure>") == 2


def test_deep_nesting_of_unknown_shortcodes_stops_at_its_limit():
    depth = MAX_NESTING * 50
    text = "[note]" * depth + "kept" + "[/note]" * depth

    expanded = expand_shortcodes(text, list, lambda warning: None)

    assert "kept" in expanded
    assert expanded.count("[note]") == depth - MAX_NESTING


def test_squarespace_blocks_nested_thousands_deep_are_walked_once(record_property):
    block = (
        '<div class="sqs-block sqs-block-video"><div class="sqs-video-wrapper" '
        'data-html="&lt;iframe src=&quot;https://video.example/1&quot;&gt;">'
    )
    text = block * 5_000 + "inside" + "</div></div>" * 5_000
    warnings = []

    result = timed(record_property, "nested", lambda: squarespace_blocks(text, warnings.append))

    assert result == '<p><a href="https://video.example/1">https://video.example/1</a> (video)</p>'
    assert len(warnings) == 1


@pytest.mark.parametrize("run", [b"&", b"&a", b"&#", b"&mdash", b"<![CDATA["])
def test_a_run_of_what_the_repair_pass_looks_for_is_read_in_one_pass(run, record_property):
    data = b"<rss>" + run * 200_000 + b"</rss>"

    def read():
        reader = RepairingReader(io.BytesIO(data))
        return b"".join(iter(lambda: reader.read(16 * 1024), b""))

    repaired = timed(record_property, f"{run!r} x 200,000", read)

    assert len(repaired) >= len(data)
    assert repaired.count(b"&amp;") == (data.count(b"&") if run != b"<![CDATA[" else 0)


# Headers, query strings and paths ------------------------------------------------------------


def test_accept_language_is_not_parsed_for_readers():
    assert "django.middleware.locale.LocaleMiddleware" not in settings.MIDDLEWARE


def test_a_huge_accept_language_header_is_answered(client, hostile, contact_page):
    header = ",".join(f"x-{'a' * 8}-{n:05d};q=0.{n % 10}" for n in range(500))

    for path in (hostile.url, contact_page.url):
        response = client.get(path, headers={"accept-language": header})
        assert response.status_code == 200, path


def test_a_long_query_string_is_answered(client, hostile, contact_page):
    query = "?q=" + "x" * 10_000

    for path in (hostile.url, contact_page.url):
        assert client.get(path + query).status_code == 200, path


@pytest.mark.parametrize("tail", ["a" * 8192 + "/", "a/" * 4096, "a-" * 4096])
def test_a_long_path_is_a_calm_not_found_or_redirect(client, hostile, contact_page, tail):
    for base in (hostile.url, contact_page.url):
        response = client.get(base + tail)
        # Without a final slash, CommonMiddleware redirects first (APPEND_SLASH).
        assert response.status_code in {301, 404}, base
        assert b"Traceback" not in response.content
