"""A Squarespace export, as it really is, imports in one command: repaired, readable, once."""

import html
import re
from io import StringIO
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from quietroom.blog.models import ArticlePage
from quietroom.checks.site import check_page
from quietroom.core.models import CustomImage
from quietroom.importers.tests.support import (
    CORPUS,
    DATA,
    repair_counts,
    run_import,
    write_image,
    wxr,
)
from quietroom.pages.models import StandardPage

SAMPLE = CORPUS / "squarespace-sample.xml"
BLOCKS = DATA / "squarespace-blocks.xml"
UNDEFINED = DATA / "squarespace-undefined-entity.xml"
FIELDS = ("title", "link", "wp:post_name", "wp:post_type", "wp:post_id", "wp:status")
IMAGE_ADDRESS = re.compile(r'(?:src|data-src|data-image)="([^"]+)"|<wp:attachment_url>([^<]+)')


def raw_items(path) -> list[dict]:
    """Each post's and page's fields, read with regular expressions from the raw file (a
    strict XML parser refuses it) and decoded as a browser would."""
    found = []
    for block in re.findall(r"<item>(.*?)</item>", path.read_text(), re.DOTALL):
        fields = {}
        for name in FIELDS:
            value = re.search(rf"<{name}>(.*?)</{name}>", block, re.DOTALL)
            fields[name.split(":")[-1]] = html.unescape(value.group(1)).strip() if value else ""
        if fields["post_type"] in {"post", "page"}:
            found.append(fields)
    return found


def slug_of(name: str) -> str:
    return re.sub(r"\.html$", "", name.rsplit("/", 1)[-1])


def media_for(path, folder) -> None:
    """A stand-in image for every image address in the file, named as its address names it."""
    for match in IMAGE_ADDRESS.finditer(path.read_text()):
        address = html.unescape(match.group(1) or match.group(2))
        write_image(folder, PurePosixPath(urlsplit(address).path).name)


def alt_findings(page) -> list[tuple[str, str]]:
    return [(f.level, f.rule) for f in check_page(page).findings if f.rule.startswith("alt")]


@pytest.fixture
def sample(blog, tmp_path, inbox_keys):
    media_for(SAMPLE, tmp_path)
    return run_import(SAMPLE, media_dir=tmp_path)


def test_the_squarespace_sample_imports_with_its_titles_and_slugs(sample):
    items = raw_items(SAMPLE)
    titled = {i["title"] for i in items if i["title"]}
    posts = [i for i in items if i["post_type"] == "post"]
    pages = [i for i in items if i["post_type"] == "page"]

    assert sample.total("posts", "created") == ArticlePage.objects.count() == len(posts)
    assert sample.total("pages", "created") == StandardPage.objects.count() == len(pages)
    assert "Draft & Post & More—More" in titled
    assert titled <= set(Page.objects.values_list("title", flat=True))
    assert set(ArticlePage.objects.values_list("slug", flat=True)) == {
        slug_of(i["post_name"]) for i in posts
    }
    assert set(StandardPage.objects.values_list("slug", flat=True)) == {
        slug_of(i["post_name"]) for i in pages
    }
    live = {slug_of(i["post_name"]) for i in items if i["status"] == "publish" and i["title"]}
    assert set(Page.objects.live().filter(depth__gt=2).values_list("slug", flat=True)) >= live
    assert not Page.objects.filter(slug__in=["basic-posthtml", "blog20230405my-dated-post"])


def test_a_squarespace_item_without_a_title_is_titled_from_its_first_words_as_a_draft(sample):
    untitled = [i for i in raw_items(SAMPLE) if not i["title"]]
    warned = [w for w in sample.warnings if "it has no title" in w]

    assert len(warned) == len(untitled) == 2
    for item in untitled:
        page = Page.objects.get(slug=slug_of(item["post_name"]))
        assert not page.live
        assert page.title
        assert page.title != "Untitled"
        assert f"titled “{page.title}” from its first words and imported as a draft" in " ".join(
            warned
        )
    assert ArticlePage.objects.get(slug="my-dated-post").title == "My content."
    assert StandardPage.objects.get(slug="no-title").title == "Our Services"


def test_two_squarespace_pages_sharing_a_post_id_are_both_imported_with_a_warning(sample):
    ids = [i["post_id"] for i in raw_items(SAMPLE)]
    shared = {number for number in ids if ids.count(number) > 1}

    assert shared == {"135"}
    assert StandardPage.objects.count() == len(
        [i for i in raw_items(SAMPLE) if i["post_id"] in shared]
    )
    assert sum("has the post id of an earlier item" in w for w in sample.warnings) == 1


def test_old_squarespace_addresses_redirect_with_and_without_html(sample, blog, client):
    expected = set()
    for item in raw_items(SAMPLE):
        if item["status"] != "publish":
            continue
        page = Page.objects.get(slug=slug_of(item["post_name"]))
        new = page.url.rstrip("/")
        expected |= {
            old for old in (item["link"], re.sub(r"\.html$", "", item["link"])) if old != new
        }

    redirects = Redirect.objects.exclude(redirect_page=None)
    assert set(redirects.values_list("old_path", flat=True)) == expected
    assert "/blog/basic-post.html" in expected
    assert "/blog2023/04/05/my-dated-post" in expected
    assert all(redirect.is_permanent for redirect in redirects)
    response = client.get("/blog/basic-post.html")
    assert (response.status_code, response["Location"]) == (301, "/articles/basic-post/")


def test_the_summary_says_how_many_repairs_were_made_and_where_the_first_was(sample):
    escaped, decoded = repair_counts(SAMPLE.read_text())
    text = SAMPLE.read_text()
    first = text.index(" & ") + 1
    line, column = text.count("\n", 0, first) + 1, first - text.rfind("\n", 0, first) - 1

    assert (sample.repairs.escaped, sample.repairs.decoded) == (escaped, decoded)
    assert (line, column) == (33, 19)
    assert (
        f"The file was repaired so it could be read: {escaped} bare & escaped and {decoded} "
        f"HTML entities (such as &mdash;) made characters; the first at line {line}, "
        f"column {column}."
    ) in sample.table()


def test_a_lazily_loaded_squarespace_image_keeps_its_file_name_alt_which_the_checks_flag(sample):
    page = ArticlePage.objects.get(slug="basic-post")
    images = [block.value for block in page.body if block.block_type == "image"]

    assert [image["alt_text"] for image in images] == [
        "MAKINGIT_Unfold_BeginnersGuide_Inline_2765x2081px.jpg"
    ]
    assert ("warning", "alt-text") in alt_findings(page)


def test_importing_the_squarespace_sample_again_creates_nothing(sample, tmp_path):
    counts = (Page.objects.count(), CustomImage.objects.count(), Redirect.objects.count())

    again = run_import(SAMPLE, media_dir=tmp_path)

    assert (Page.objects.count(), CustomImage.objects.count(), Redirect.objects.count()) == counts
    for kind in ("posts", "pages", "images", "redirects", "clinicians", "categories"):
        assert again.total(kind, "created") == again.total(kind, "updated") == 0, kind
    assert again.total("posts", "unchanged") == ArticlePage.objects.count()
    assert again.total("pages", "unchanged") == StandardPage.objects.count()


def test_the_command_imports_the_sample_and_reports_the_repairs(blog):
    out = StringIO()
    call_command("import_wxr", str(SAMPLE), stdout=out)

    output = out.getvalue()
    escaped, decoded = repair_counts(SAMPLE.read_text())
    assert "Imported: squarespace-sample.xml" in output
    assert f"repaired so it could be read: {escaped} bare & escaped and {decoded} HTML" in output
    assert "it has no title" in output


def test_the_command_refuses_an_undefined_entity_at_its_place_and_writes_nothing(blog):
    text = UNDEFINED.read_text()
    offset = text.index("&madeup;")
    line, column = text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset) - 1
    pages = Page.objects.count()

    with pytest.raises(CommandError, match=rf"&madeup;.* at line {line}, column {column}\."):
        call_command("import_wxr", str(UNDEFINED), stdout=StringIO())
    assert Page.objects.count() == pages
    assert not Redirect.objects.exists()


# Squarespace blocks ------------------------------------------------------------------------


@pytest.fixture
def blocks(blog, tmp_path, inbox_keys):
    media_for(BLOCKS, tmp_path)
    report = run_import(BLOCKS, media_dir=tmp_path)

    def body(title):
        page = ArticlePage.objects.get(title=title)
        return page, [(block.block_type, block.value) for block in page.body]

    body.report = report
    return body


def html_of(blocks) -> str:
    return "".join(str(value.source) for kind, value in blocks if kind == "text")


def test_squarespace_video_blocks_become_links_with_their_titles_never_frames(blocks):
    _, body = blocks("Two videos & a breath")
    text = html_of(body)

    assert '<a href="https://www.youtube.com/watch?v=quiet01&amp;t=4">Breathing out slowly</a>' in (
        text
    )
    assert '<a href="https://player.vimeo.com/video/24680">A walk by the harbour</a>' in text
    assert "(video on YouTube)" in text
    assert "iframe" not in text
    assert text.index("Before the videos") < text.index("Breathing") < text.index("After the")
    assert sum("video block became a link" in w for w in blocks.report.warnings) == 2


def test_a_squarespace_audio_block_becomes_a_link_with_its_title(blocks):
    _, body = blocks("Listen: sleep and worry")
    text = html_of(body)

    assert (
        '<a href="https://static1.squarespace.com/static/harbour/t/episode-3.mp3">'
        "Episode 3: sleep and worry — Ana Field</a> (audio)"
    ) in text
    assert "SQUARESPACE_CONTEXT" not in text
    assert not any("<script>" in w for w in blocks.report.warnings)


def test_squarespace_newsletter_and_form_blocks_are_left_out_with_a_warning(blocks):
    _, body = blocks("Staying in touch")
    text = html_of(body)

    assert "We write now and then." in text
    assert "Or call us any weekday." in text
    for gone in ("Subscribe", "Sign up with your email", "Ask for a first session", "Your name"):
        assert gone not in text
    warnings = " ".join(blocks.report.warnings)
    assert "a newsletter sign-up block was left out" in warnings
    assert "a form block was left out" in warnings


def test_a_squarespace_quote_in_a_figure_becomes_a_pull_quote_with_its_attribution(blocks):
    _, body = blocks("Words that helped")
    quotes = [value for kind, value in body if kind == "quote"]

    assert len(quotes) == 1
    assert "Be as gentle with yourself as you are with a friend." in quotes[0]["quote"]
    assert quotes[0]["attribution"] == "A client, in 2021"


def test_squarespace_image_blocks_keep_alt_text_and_caption_and_file_names_are_flagged(blocks):
    page, body = blocks("Our garden")
    images = [value for kind, value in body if kind == "image"]

    assert [(image["alt_text"], image["caption"]) for image in images] == [
        ("A wooden bench under an apple tree", "The garden behind the practice, in spring."),
        ("HARBOUR_Path_Inline_1200x800px.jpg", ""),
    ]
    assert all(image["image"] for image in images)
    assert alt_findings(page).count(("warning", "alt-text")) == 1


def test_the_squarespace_blocks_import_again_without_change(blocks, tmp_path):
    pages = Page.objects.count()

    again = run_import(BLOCKS, media_dir=tmp_path)

    assert Page.objects.count() == pages
    assert again.total("posts", "unchanged") == 5


# Shared post ids and missing titles, crafted -------------------------------------------------


def page_item(number: int, link: str, title: str, words: str) -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link>"
        f"<content:encoded><![CDATA[<p>{words}</p>]]></content:encoded>"
        f"<wp:post_id>{number}</wp:post_id><wp:post_name>{link.strip('/')}</wp:post_name>"
        "<wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>"
    )


def test_items_sharing_a_post_id_at_one_address_are_reported_not_doubled(blog, write_wxr):
    items = page_item(7, "/fees", "Fees", "Our fees.") + page_item(7, "/fees", "Fees", "Again.")
    report = run_import(write_wxr(wxr(items)))

    assert StandardPage.objects.count() == 1
    assert report.total("pages", "skipped") == 1
    assert any("its post id repeats an earlier item's" in w for w in report.warnings)


def test_items_sharing_a_post_id_at_two_addresses_are_both_imported_once(blog, write_wxr):
    items = page_item(7, "/fees", "Fees", "Our fees.") + page_item(7, "/hours", "Hours", "Open.")
    path = write_wxr(wxr(items))
    run_import(path)

    again = run_import(path)

    assert sorted(StandardPage.objects.values_list("title", flat=True)) == ["Fees", "Hours"]
    assert again.total("pages", "unchanged") == 2


def test_a_published_post_without_a_title_is_a_draft_its_old_address_already_redirects(
    blog, write_wxr
):
    item = (
        "<item><title></title><link>/blog/2024/1/2/first-steps.html</link>"
        "<content:encoded><![CDATA[<h2>First steps in therapy, and what to expect from them "
        "here</h2><p>More.</p>]]></content:encoded><wp:post_id>3</wp:post_id>"
        "<wp:post_name>blog/2024/1/2/first-steps.html</wp:post_name><wp:status>publish"
        "</wp:status><wp:post_type>post</wp:post_type></item>"
    )
    report = run_import(write_wxr(wxr(item)))

    page = ArticlePage.objects.get()
    assert (page.title, page.slug, page.live) == (
        "First steps in therapy, and what to expect…",
        "first-steps",
        False,
    )
    assert any(
        "imported as a draft; check the title, then publish it" in w for w in report.warnings
    )
    redirect = Redirect.objects.get(old_path="/blog/2024/1/2/first-steps.html")
    assert redirect.redirect_page.pk == page.pk
    assert Redirect.objects.filter(old_path="/blog/2024/1/2/first-steps").exists()
