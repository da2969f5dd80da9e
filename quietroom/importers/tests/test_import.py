"""A crafted practice export lands as a reader and an editor would expect, and only once."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, Revision

from quietroom.blog.models import ArticlePage, BlogCategory
from quietroom.core.models import CustomImage
from quietroom.importers.models import ImportedItem
from quietroom.importers.tests.support import PRACTICE, run_import, write_image
from quietroom.pages.models import StandardPage
from quietroom.practice.models import ClinicianPage


def article(title):
    return ArticlePage.objects.get(title=title)


def snapshot():
    return {
        "pages": Page.objects.count(),
        "images": CustomImage.objects.count(),
        "redirects": Redirect.objects.count(),
        "revisions": Revision.objects.count(),
        "categories": BlogCategory.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
    }


@pytest.fixture
def imported(blog, uploads):
    report = run_import(PRACTICE, media_dir=uploads)
    return report


def test_posts_land_in_the_blog_with_their_statuses(imported, blog):
    assert set(ArticlePage.objects.child_of(blog).values_list("title", flat=True)) == {
        "Coping with worry at night",
        "Grief has no timetable",
        "An unfinished draft",
        "Coming soon",
        "Notes for colleagues",
        "For my group",
    }
    assert article("Coping with worry at night").live
    assert not article("An unfinished draft").live
    scheduled = article("Coming soon")
    assert not scheduled.live
    assert scheduled.go_live_at == datetime.datetime(2099, 1, 1, 14, 0, tzinfo=datetime.UTC)
    assert scheduled.get_latest_revision().approved_go_live_at == scheduled.go_live_at
    private = PageViewRestriction.objects.get(page=article("Notes for colleagues"))
    assert private.restriction_type == PageViewRestriction.LOGIN
    protected = PageViewRestriction.objects.get(page=article("For my group"))
    assert (protected.restriction_type, protected.password) == ("password", "tuesday")
    published = set(ArticlePage.objects.published().values_list("title", flat=True))
    assert published == {"Coping with worry at night", "Grief has no timetable"}


def test_an_article_keeps_its_metadata_hero_and_author(imported):
    page = article("Coping with worry at night")

    assert page.slug == "coping-with-worry-at-night"
    assert page.date == datetime.date(2024, 5, 2)
    assert page.summary == "Worry grows louder at night. Here are small steps that help."
    assert page.hero_image.title == "Calm room"
    assert page.hero_alt == "Two armchairs by a sunny window"
    assert page.hero_image.description == page.hero_alt
    assert page.author.title == "Jordan Doe"
    assert isinstance(page.author, ClinicianPage)
    assert not page.author.live, "an imported author waits for the owner as a draft"
    assert not page.author.accepting_new_clients
    assert [c.name for c in page.categories.all()] == ["Anxiety"]
    assert BlogCategory.objects.get(slug="anxiety").description == "Worry, panic and what helps."
    assert [t.name for t in page.tags.all()] == ["sleep"]
    assert imported.comments == 1


def test_the_body_becomes_text_quote_and_image_blocks(imported):
    page = article("Coping with worry at night")
    blocks = [(block.block_type, block.value) for block in page.body]
    kinds = [kind for kind, _ in blocks]

    assert kinds == ["text", "quote", "image", "text"]
    first = blocks[0][1].source
    assert "<h2>Why nights feel longer</h2>" in first
    assert "<h3>Small steps</h3>" in first
    assert "<h1" not in first
    assert "<h4" not in first
    assert "<ul><li>Write the worry down</li><li>Breathe out slowly</li></ul>" in first
    assert "<ol><li>Notice</li><li>Name</li></ol>" in first
    assert "<b>louder</b>" in first or "<strong>louder</strong>" in first
    assert blocks[1][1]["quote"] == "Am I too much?"
    assert blocks[1][1]["attribution"] == "an inner voice"
    image = blocks[2][1]
    assert image["image"].title == "Garden path"
    assert image["alt_text"] == "A stone path winding through a garden"
    assert image["caption"] == "The path in spring"
    last = blocks[3][1].source
    assert "Text inside a Squarespace wrapper." in last
    assert "sqs-" not in last
    assert "wp:" not in last
    assert "__xss" not in last


def test_links_to_other_imported_posts_and_pages_become_page_links(imported):
    grief = article("Grief has no timetable")
    worry = article("Coping with worry at night")
    about = StandardPage.objects.get(title="About the practice")

    assert f'<a id="{grief.pk}" linktype="page">' in worry.body[0].value.source
    text = grief.body[0].value.source
    assert f'<a id="{worry.pk}" linktype="page">' in text
    assert f'<a id="{about.pk}" linktype="page">' in text
    assert "<p>Grief comes in waves.</p>" in text
    assert "A second line" in text
    assert "<br/>" in text


def test_pages_become_standard_pages_nested_as_they_were(imported, home):
    about = StandardPage.objects.get(title="About the practice")
    fees = StandardPage.objects.get(title="Fees")

    assert about.get_parent().pk == home.pk
    assert fees.get_parent().pk == about.pk
    assert about.live
    assert fees.live
    assert fees.url == "/about/fees/"


def test_old_urls_redirect_to_the_new_pages(imported, client):
    worry = article("Coping with worry at night")

    response = client.get("/2024/05/coping-with-worry-at-night/")
    assert response.status_code == 301
    assert response["Location"] == worry.url
    assert client.get(response["Location"]).status_code == 200
    about = client.get("/about-us/")
    assert about.status_code == 301
    assert about["Location"] == "/about/"
    assert client.get("/category/anxiety/")["Location"].endswith("/category/anxiety/")
    assert not Redirect.objects.filter(old_path="/about/fees").exists()


def test_importing_again_changes_nothing(imported, uploads):
    before = snapshot()

    again = run_import(PRACTICE, media_dir=uploads)

    assert snapshot() == before
    for kind in ("posts", "pages", "images", "redirects"):
        assert again.total(kind, "created") == again.total(kind, "updated") == 0
    assert again.total("posts", "unchanged") == 6
    assert again.total("pages", "unchanged") == 2


def test_a_missing_file_is_a_warning_and_arrives_on_a_later_import(imported, uploads):
    assert any("2024/06/harbour.jpg was not found" in w for w in imported.warnings)
    record = ImportedItem.objects.get(key="id:12")
    assert record.image is None
    assert record.alt_text == "Boats resting in a harbour at dusk"
    assert "image" not in [b.block_type for b in article("Coping with worry at night").body][3:]

    write_image(uploads, "2024/06/harbour.jpg")
    later = run_import(PRACTICE, media_dir=uploads)

    harbour = CustomImage.objects.get(title="Harbour at dusk")
    assert harbour.description == "Boats resting in a harbour at dusk"
    blocks = list(article("Coping with worry at night").body)
    assert blocks[-1].block_type == "image"
    assert blocks[-1].value["image"] == harbour
    assert later.total("posts", "updated") == 1
    assert later.total("images", "created") == 1


def test_a_dry_run_writes_nothing(blog, uploads):
    before = snapshot()
    files_before = set(CustomImage.objects.values_list("file", flat=True))

    report = run_import(PRACTICE, media_dir=uploads, dry_run=True)

    assert report.total("posts", "created") == 6
    assert snapshot() == before
    assert set(CustomImage.objects.values_list("file", flat=True)) == files_before
    assert not ImportedItem.objects.exists()


def test_the_command_prints_a_summary_and_every_warning(blog, uploads):
    out = StringIO()

    call_command("import_wxr", str(PRACTICE), media_dir=str(uploads), stdout=out)

    text = out.getvalue()
    assert "Imported: practice.xml" in text
    assert "posts                 6" in text
    assert "harbour.jpg was not found" in text
    assert "1 items of type “nav_menu_item” were not imported." in text
    assert "\r" not in text  # no progress bar when the output is not a terminal
    assert ArticlePage.objects.count() == 6


def test_the_command_dry_run_says_so_and_saves_nothing(blog, uploads):
    out = StringIO()

    call_command("import_wxr", str(PRACTICE), "--dry-run", media_dir=str(uploads), stdout=out)

    assert "Dry run, nothing was saved" in out.getvalue()
    assert not ArticlePage.objects.exists()


def test_the_command_names_a_missing_file_or_site_clearly(blog, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("import_wxr", str(tmp_path / "nope.xml"))
    with pytest.raises(CommandError, match=r"no site with the hostname elsewhere\.example"):
        call_command("import_wxr", str(PRACTICE), site="elsewhere.example")
