"""C3: odd but real-world export defects import with a warning, or stop cleanly."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from quietroom.blog.models import ArticlePage
from quietroom.importers.dates import pub_date, wp_datetime
from quietroom.importers.tests.support import post, run_import, wxr
from quietroom.importers.wxr import WxrError


def item(number, status="publish", post_date="", gmt="", pub="", name=None, title=None):
    return (
        f"<item><title>{title or f'Post {number}'}</title>"
        f"<link>https://crafted.example/{number}/</link><pubDate>{pub}</pubDate>"
        f"<content:encoded><![CDATA[<p>Words {number}.</p>]]></content:encoded>"
        f"<wp:post_id>{number}</wp:post_id><wp:post_date>{post_date}</wp:post_date>"
        f"<wp:post_date_gmt>{gmt}</wp:post_date_gmt>"
        f"<wp:post_name>{name if name is not None else f'post-{number}'}</wp:post_name>"
        f"<wp:status>{status}</wp:status><wp:post_type>post</wp:post_type></item>"
    )


def test_wordpress_dates_are_read_leniently():
    assert wp_datetime("2024-05-02 09:30:00") == datetime.datetime(2024, 5, 2, 9, 30)
    assert wp_datetime("0000-00-00 00:00:00") is None
    assert wp_datetime("2019-02-31 10:00:00") is None
    assert wp_datetime("") is None
    wrong_weekday = pub_date("Mon, 05 Jan 2012 14:30:46 +0000")
    assert wrong_weekday == datetime.datetime(2012, 1, 5, 14, 30, 46, tzinfo=datetime.UTC)
    assert pub_date("Tue, 05 Jan 2012 09:30:46 -0500") == wrong_weekday
    assert pub_date("Mon, 31 Feb 2019 10:00:00 +0000") is None


def test_zero_missing_and_impossible_dates_import_with_a_normalised_date(blog, write_wxr):
    items = [
        item(1, "draft", "0000-00-00 00:00:00", "0000-00-00 00:00:00"),
        item(2, post_date="", gmt="", pub="Mon, 05 Jan 2012 14:30:46 +0000"),
        item(3, post_date="", gmt="", pub="Mon, 31 Feb 2019 10:00:00 +0000"),
        item(4, post_date="2018-03-04 23:30:00"),  # no time zone anywhere
        item(5, post_date="0001-01-01 00:00:00", gmt="0001-01-01 00:00:00"),
        item(6, post_date="9999-12-31 23:59:59", gmt="9999-12-31 23:59:59"),
    ]
    report = run_import(write_wxr(wxr("".join(items))))

    dates = dict(ArticlePage.objects.values_list("title", "date"))
    assert dates["Post 1"] == timezone.localdate()
    assert dates["Post 2"] == datetime.date(2012, 1, 5)
    assert dates["Post 3"] == timezone.localdate()
    assert dates["Post 4"] == datetime.date(2018, 3, 4)
    assert dates["Post 5"] == datetime.date(1, 1, 1)
    assert dates["Post 6"] == datetime.date(9999, 12, 31)
    assert "post 3 “Post 3”: it has no usable date; today's date was used" in report.warnings
    assert not any("Post 1" in w for w in report.warnings)


def test_a_repeated_post_id_is_skipped_with_its_reason(blog, write_wxr):
    report = run_import(write_wxr(wxr(item(7, title="First") + item(7, title="Second"))))

    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["First"]
    assert "post 7 “Second” was skipped: its post id repeats an earlier item's." in (
        report.warnings
    )


def test_hostile_and_overlong_names_become_safe_unique_slugs(blog, write_wxr):
    items = item(1, name="../../admin") + item(2, name="feed") + item(3, name="%E6%97%A5")
    items += item(4, name="", title="A" * 10_000) + item(5, name="post-1") + item(6, name="post-1")
    run_import(write_wxr(wxr(items)))

    slugs = dict(ArticlePage.objects.values_list("title", "slug"))
    assert slugs["Post 1"] == "admin"
    assert slugs["Post 2"] == "feed-2"  # the blog's feed route keeps its address
    assert slugs["Post 3"] == "ri"
    long_title = next(title for title in slugs if title.startswith("AAA"))
    assert len(long_title) == 255
    assert long_title.endswith("…")
    assert len(slugs[long_title]) <= 100
    assert {slugs["Post 5"], slugs["Post 6"]} == {"post-1", "post-1-2"}
    for page in ArticlePage.objects.all():
        assert "/" not in page.slug
        assert ".." not in page.slug
        assert page.url.startswith(blog.url)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"\x0b", r"not well-formed \(invalid token\) at line 6, column \d+"),
        (b"caf\xe9", r"not well-formed \(invalid token\) at line 6, column \d+"),
    ],
    ids=["control-character", "windows-1252-byte"],
)
def test_bytes_xml_forbids_stop_the_import_at_their_line_and_column(
    blog, write_wxr, document, message
):
    text = wxr(post(1, "Good", "<p>fine</p>") + post(2, "Bad", "<p>MARK</p>")).encode()
    with pytest.raises(WxrError, match=message):
        run_import(write_wxr(text.replace(b"MARK", document)))
    assert not ArticlePage.objects.exists()


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_every_wxr_version_imports(blog, write_wxr, version):
    text = wxr(post(1, "Versioned", "<p>x</p>")).replace(
        "<wp:wxr_version>1.2</wp:wxr_version>", f"<wp:wxr_version>{version}</wp:wxr_version>"
    )
    run_import(write_wxr(text))
    assert ArticlePage.objects.get().title == "Versioned"


def test_a_missing_version_imports_with_a_warning(blog, write_wxr):
    text = wxr(post(1, "No version", "<p>x</p>")).replace(
        "<wp:wxr_version>1.2</wp:wxr_version>", ""
    )
    report = run_import(write_wxr(text))

    assert "The file has no wxr_version; it was read as WXR 1.2." in report.warnings
    assert ArticlePage.objects.count() == 1


def test_unknown_post_types_are_counted_not_imported(blog, write_wxr):
    product = post(9, "A product", "<p>x</p>").replace(
        "<wp:post_type>post</wp:post_type>", "<wp:post_type>product</wp:post_type>"
    )
    report = run_import(write_wxr(wxr(product)))

    assert report.skipped_types == {"product": 1}
    assert not ArticlePage.objects.exists()


def test_squarespace_style_export_without_the_wp_namespace_is_refused_clearly(blog, write_wxr):
    text = wxr(post(1, "Undeclared", "<p>x</p>")).replace(
        'xmlns:wp="http://wordpress.org/export/1.2/"', ""
    )
    with pytest.raises(WxrError, match="unbound prefix at line"):
        run_import(write_wxr(text))


def test_the_odd_export_imports_the_same_the_second_time(blog, write_wxr):
    path = write_wxr(wxr(item(1, "draft", "0000-00-00 00:00:00") + item(2, name="../x")))
    run_import(path)
    pages = Page.objects.count()

    again = run_import(path)

    assert Page.objects.count() == pages
    assert again.total("posts", "unchanged") == 2


def test_a_page_rule_the_importer_does_not_know_stops_cleanly_and_writes_nothing(
    blog, write_wxr, monkeypatch
):
    from django.core.exceptions import ValidationError

    def a_rule_added_later(page):
        if page.title == "Post 2":
            raise ValidationError("Titles may not end in a digit.")

    monkeypatch.setattr(ArticlePage, "clean", a_rule_added_later)
    pages_before = Page.objects.count()

    with pytest.raises(WxrError) as refused:
        run_import(write_wxr(wxr(item(1) + item(2) + item(3))))

    assert "Post 2" in str(refused.value)
    assert "Titles may not end in a digit." in str(refused.value)
    assert "nothing was imported" in str(refused.value)
    assert Page.objects.count() == pages_before
