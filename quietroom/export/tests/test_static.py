"""The static export: complete, self-contained, rewritten to its base URL, swapped atomically."""

import gzip
import hashlib
import json
from io import StringIO
from xml.etree import ElementTree

import brotli
import feedparser
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from quietroom.blog.models import ArticlePage, BlogIndexPage
from quietroom.core.tests.factories import make_article, make_draft
from quietroom.export.reader import Answer, has_post_form
from quietroom.export.static import ExportError, ExportReport, export_static
from quietroom.export.tests.crawl import broken_links, served_file
from quietroom.serving import pagecache
from quietroom.serving.tests.support import shared_entries

BASE = "https://linden.example"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def exported(demo_site, tmp_path):
    outdir = tmp_path / "site"
    report = export_static(outdir, base_url=BASE + "/")
    return outdir, report


def text_files(root):
    return [p for p in root.rglob("*") if p.suffix in {".html", ".xml", ".txt", ".css"}]


def tree(root):
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*")
        if p.is_file()
    }


def test_every_live_page_is_a_folder_with_an_index(exported):
    outdir, report = exported
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        assert served_file(outdir, page.url) is not None, page.url
    blog = BlogIndexPage.objects.get()
    article = ArticlePage.objects.published().first()
    for category in article.categories.all():
        assert served_file(outdir, f"{blog.url}category/{category.slug}/")
    for tag in article.tags.all():
        assert served_file(outdir, f"{blog.url}tag/{tag.slug}/")
    assert (outdir / "404.html").is_file()
    assert "<title>Page not found" in (outdir / "404.html").read_text()
    assert report.pages >= Page.objects.live().public().count()


def test_every_internal_link_and_image_resolves_inside_the_export(exported):
    outdir, _ = exported
    assert broken_links(outdir, BASE) == []


def test_images_used_by_pages_are_copied_with_every_rendition(exported):
    outdir, _ = exported
    home = (outdir / "index.html").read_text()
    article = outdir / ArticlePage.objects.published().first().url.lstrip("/") / "index.html"
    html = home + article.read_text()
    assert "/media/images/" in html
    renditions = list((outdir / "media" / "images").glob("*.webp"))
    assert renditions
    assert (outdir / "static" / "theme" / "quietroom.css").is_file()


def test_feeds_sitemap_and_robots_use_the_base_url(exported):
    outdir, _ = exported
    blog = BlogIndexPage.objects.get()
    for route in ("feed/index.xml", "feed/atom/index.xml"):
        feed = feedparser.parse((outdir / blog.url.lstrip("/") / route).read_bytes())
        assert not feed.bozo
        assert feed.entries
        for entry in feed.entries:
            assert entry.link.startswith(BASE + "/")
            assert f'src="{BASE}/media/' in entry.content[0].value
    sitemap = ElementTree.parse(outdir / "sitemap.xml").getroot()
    locations = [loc.text for loc in sitemap.findall(".//s:loc", SITEMAP)]
    assert locations
    assert all(location.startswith(BASE + "/") for location in locations)
    assert f"Sitemap: {BASE}/sitemap.xml" in (outdir / "robots.txt").read_text()
    for file in text_files(outdir):
        assert "127.0.0.1:8000" not in file.read_text(), file


def test_pages_link_to_the_feed_files_and_canonical_addresses(exported):
    outdir, _ = exported
    blog = BlogIndexPage.objects.get()
    html = (outdir / blog.url.lstrip("/") / "index.html").read_text()
    assert f'href="{blog.url}feed/index.xml"' in html
    assert f'<link rel="canonical" href="{BASE}{blog.url}">' in html


def test_blog_pagination_becomes_page_folders(demo_site, tmp_path):
    blog = BlogIndexPage.objects.get()
    for number in range(6):
        make_article(blog, f"Extra article {number}")
    outdir = tmp_path / "site"

    export_static(outdir, base_url=BASE)

    second = served_file(outdir, f"{blog.url}page/2/")
    assert second is not None
    first = (outdir / blog.url.lstrip("/") / "index.html").read_text()
    assert f'href="{blog.url}page/2/"' in first
    assert f'href="{blog.url}"' in second.read_text() or f'href="{blog.url}page/1/"' not in (
        second.read_text()
    )
    assert broken_links(outdir, BASE) == []


def test_every_text_file_has_gzip_and_brotli_copies(exported):
    outdir, _ = exported
    for file in text_files(outdir):
        data = file.read_bytes()
        assert gzip.decompress((file.parent / (file.name + ".gz")).read_bytes()) == data
        assert brotli.decompress((file.parent / (file.name + ".br")).read_bytes()) == data


def test_drafts_and_private_pages_never_reach_the_export(demo_site, tmp_path):
    blog = BlogIndexPage.objects.get()
    make_draft(blog, "Draft CANARY-7f3a", body=[{"type": "text", "value": "<p>CANARY-7f3a</p>"}])
    private = make_article(blog, "Private CANARY-9b1c")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    outdir = tmp_path / "site"

    export_static(outdir, base_url=BASE)

    for file in outdir.rglob("*"):
        if file.is_file() and file.suffix not in {".gz", ".br", ".jpg", ".webp", ".avif", ".png"}:
            text = file.read_text()
            assert "CANARY" not in text, file
            assert "/admin/" not in text.replace("Disallow: /admin/", ""), file
    assert not [p for p in outdir.rglob("*") if p.is_symlink()]
    assert not [p for p in outdir.rglob("*") if p.suffix in {".py", ".sqlite3", ".env"}]


def test_old_addresses_become_redirect_pages(demo_site, tmp_path):
    article = ArticlePage.objects.published().first()
    Redirect.objects.create(old_path="/2019/05/old-post", redirect_page=article)
    outdir = tmp_path / "site"

    export_static(outdir, base_url=BASE)

    stub = (outdir / "2019/05/old-post/index.html").read_text()
    assert f'url={BASE}{article.url}"' in stub
    assert gzip.decompress((outdir / "2019/05/old-post/index.html.gz").read_bytes()) == (
        stub.encode()
    )
    assert f"/2019/05/old-post {BASE}{article.url} 301" in (outdir / "_redirects").read_text()


def test_a_base_url_with_a_path_prefixes_every_internal_link(demo_site, tmp_path):
    outdir = tmp_path / "site"

    export_static(outdir, base_url="https://example.org/practice/")

    home = (outdir / "index.html").read_text()
    assert 'href="/practice/articles/"' in home
    assert broken_links(outdir, "https://example.org/practice") == []


def test_an_export_interrupted_by_an_error_leaves_the_previous_export_intact(exported):
    outdir, _ = exported
    before = tree(outdir)
    name = next((outdir / "media" / "images").glob("*.webp")).relative_to(outdir / "media")
    kept = default_storage.open(name.as_posix()).read()
    default_storage.delete(name.as_posix())
    try:
        with pytest.raises(ExportError, match=f"media file {name.as_posix()} is missing"):
            export_static(outdir, base_url=BASE)
    finally:
        default_storage.save(name.as_posix(), ContentFile(kept))

    assert tree(outdir) == before
    assert sorted(p.name for p in outdir.parent.iterdir()) == ["site"]


def test_a_folder_that_is_not_an_export_is_never_replaced(demo_site, tmp_path):
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")

    with pytest.raises(ExportError, match="not a Quietroom export"):
        export_static(precious)

    assert (precious / "thesis.txt").read_text() == "years of work"


def test_a_page_with_a_form_that_posts_is_noticed():
    form = Answer("/contact/", 200, "text/html", b'<form method="post" action="/contact/">')
    assert has_post_form(form)
    assert not has_post_form(Answer("/", 200, "text/html", b"<p>no form</p>"))


def test_the_command_exports_and_reports(demo_site, tmp_path):
    out = StringIO()

    call_command("export_static", str(tmp_path / "site"), base_url=BASE, stdout=out)

    assert "Exported" in out.getvalue()
    assert json.loads((tmp_path / "site" / ".quietroom-export").read_text())["base_url"] == BASE
    with pytest.raises(CommandError, match="base URL must look like"):
        call_command("export_static", str(tmp_path / "site"), base_url="ftp://x")


# Workers are separate processes: they see only committed data. Serialized rollback puts
# the database back as the other transactional tests (the browser tests) expect it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_write_the_same_export_as_one(demo_site, tmp_path):
    export_static(tmp_path / "one", base_url=BASE)

    report = export_static(tmp_path / "two", base_url=BASE, jobs=2)

    assert tree(tmp_path / "two") == tree(tmp_path / "one")
    assert report.pages > 20


def test_the_static_contact_page_offers_phone_and_email_not_a_form(exported):
    outdir, _ = exported
    html = (outdir / "contact" / "index.html").read_text()

    assert "<form" not in html
    assert "csrfmiddlewaretoken" not in html
    assert 'href="tel:3125550142"' in html
    assert "mailto:hello@lindentree.example" in html
    assert "not for emergencies" in html
    assert not any("csrftoken" in p.read_text(errors="ignore") for p in text_files(outdir))


def test_the_static_contact_page_can_send_people_to_the_live_form(demo_site, tmp_path):
    outdir = tmp_path / "site"
    export_static(outdir, base_url=BASE + "/", contact_url="https://practice.example/contact/")

    html = (outdir / "contact" / "index.html").read_text()
    assert "<form" not in html
    assert 'href="https://practice.example/contact/"' in html


def test_the_export_leaves_the_live_page_cache_alone(demo_site, shared_backend, tmp_path):
    export_static(tmp_path / "site", base_url=BASE + "/")

    assert shared_entries(shared_backend) == 0
    assert not pagecache._local


def test_without_a_base_url_a_site_on_this_computers_address_is_warned_of(demo_site, tmp_path):
    out = StringIO()
    call_command("export_static", str(tmp_path / "site"), stdout=out)

    output = out.getvalue()
    assert "no --base-url was given" in output
    assert "http://127.0.0.1:8000" in output
    assert "python3 -m http.server --directory" in output


def test_with_a_base_url_there_is_no_such_warning(exported):
    _, report = exported
    assert not [w for w in report.warnings if "--base-url" in w]


def test_the_summary_says_how_to_preview_a_copy_under_a_path(tmp_path):
    report = ExportReport(outdir=tmp_path / "site", base_url="https://example.org/practice")

    hint = report.how_to_preview(8001)

    assert f"ln -sfn {tmp_path / 'site'} {tmp_path / 'site-preview'}/practice" in hint
    assert hint.endswith("then open http://127.0.0.1:8001/practice/")
