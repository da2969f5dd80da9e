"""Page links in rich text come from remembered URLs, and follow a page that moves."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import expand_db_html
from wagtail.rich_text.pages import PageLinkHandler

from quietroom.core.tests.factories import make_article, make_draft
from quietroom.serving.tests.support import as_reader


def link_to(page) -> str:
    return f'<p><a linktype="page" id="{page.pk}">read this</a></p>'


def test_a_link_to_a_live_page_renders_as_wagtail_would_without_a_query(blog):
    target = make_article(blog, "Where the link goes")
    with as_reader():
        expand_db_html(link_to(blog))  # the URLs are read once per generation

    with as_reader(), CaptureQueriesContext(connection) as queries:
        html = expand_db_html(link_to(target))

    assert len(queries) == 0
    assert html == f'<p><a href="{target.url}">read this</a></p>'
    assert html.startswith("<p>" + PageLinkHandler.expand_db_attributes({"id": target.pk}))


def test_a_moved_page_is_linked_at_its_new_address(blog):
    target = make_article(blog, "Moving soon")
    with as_reader():
        before = expand_db_html(link_to(target))
    target.slug = "moved-here"
    target.save_revision().publish()
    target.refresh_from_db()

    with as_reader():
        after = expand_db_html(link_to(target))

    assert target.url.endswith("/moved-here/")
    assert before != after
    assert f'href="{target.url}"' in after


def test_links_to_drafts_and_deleted_pages_are_left_to_wagtail(blog):
    draft = make_draft(blog, "Not yet published")
    gone = make_article(blog, "Soon deleted")
    gone_id = gone.pk
    gone.delete()

    with as_reader():
        assert expand_db_html(link_to(draft)) == (
            "<p>" + PageLinkHandler.expand_db_attributes({"id": draft.pk}) + "read this</a></p>"
        )
        assert expand_db_html(f'<a linktype="page" id="{gone_id}">x</a>') == "<a>x</a>"


def test_outside_a_readers_request_links_are_wagtails_own(blog):
    target = make_article(blog, "Linked from an editor's preview")

    with CaptureQueriesContext(connection) as queries:
        html = expand_db_html(link_to(target))

    assert len(queries) > 0
    assert html == f'<p><a href="{target.url}">read this</a></p>'


def test_a_link_to_another_practices_page_is_left_to_wagtail(blog):
    from wagtail.models import Page, Site

    from quietroom.practice.models import HomePage

    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Another practice", slug="another-practice")
    )
    Site.objects.create(hostname="another.example", port=80, root_page=other_home)
    with as_reader():
        html = expand_db_html(link_to(other_home))

    assert html == f'<p><a href="{other_home.url}">read this</a></p>'
    assert other_home.url == "http://another.example/"
