"""Search: one practice's public pages, found without a cookie, a record or a trace."""

import logging

import pytest
from django.apps import apps
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from quietroom.core.backends import backend
from quietroom.core.models import RateCount
from quietroom.core.tests.factories import make_article, make_blog, make_contact_page, make_draft
from quietroom.practice.models import HomePage
from quietroom.search import query, views
from quietroom.serving import pagecache
from quietroom.serving.tests.support import shared_entries, stored_entry, wsgi_get

# A word no page has, so that finding it anywhere afterwards can only mean it was kept.
SECRET = "xylophonicworry"


def body(text: str) -> list[dict]:
    return [{"type": "text", "value": f"<p>{text}</p>"}]


@pytest.fixture
def pages(home, blog):
    make_contact_page(home)
    return {
        "body only": make_article(
            blog,
            "Evenings",
            summary="About the end of the day.",
            body=body("When the house is quiet, a racing heart can feel like panic."),
        ),
        "draft": make_draft(blog, "Draft on panic", body=body("Unfinished notes on panic.")),
        "other": make_article(blog, "Gardening", body=body("Soil, seeds and patience.")),
    }


def results_of(client, text: str, **extra):
    response = client.get("/search/", {"q": text, **extra})
    assert response.status_code == 200
    return response


def urls(response) -> list[str]:
    return [hit.url for hit in response.context["results"].hits]


def test_an_article_is_found_by_a_word_only_in_its_body_and_the_word_is_marked(client, pages):
    response = results_of(client, "panic")

    assert urls(response) == [pages["body only"].url]
    hit = response.context["results"].hits[0]
    assert "<mark>panic.</mark>" in hit.excerpt
    assert hit.summary == "About the end of the day."


def test_drafts_private_pages_and_other_practices_pages_are_never_found(client, home, pages):
    private = make_article(
        make_blog(home, "Members", slug="members"), "Members on panic", body=body("panic")
    )
    PageViewRestriction.objects.create(page=private.get_parent(), password="secret-words")
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Birch Lane", slug="birch")
    )
    Site.objects.create(hostname="birch.example", port=80, root_page=other_home)
    theirs = make_article(make_blog(other_home, "Notes", slug="notes"), "Birch on panic")
    theirs.body = body("panic in the other practice")
    theirs.save_revision().publish()

    found = urls(results_of(client, "panic"))

    assert found == [pages["body only"].get_url(None, Site.objects.get(is_default_site=True))]
    assert Page.objects.filter(title__contains="panic").count() == 3  # all exist, none found


def test_every_word_first_then_any_word(client, pages):
    assert urls(results_of(client, "quiet heart")) == [pages["body only"].url]
    # No page has both words: the pages with either are offered.
    either = urls(results_of(client, "heart soil"))
    assert sorted(either) == sorted([pages["body only"].url, pages["other"].url])


def test_a_huge_query_is_cut_to_its_first_words_and_answers_in_a_few_queries(client, pages):
    long_text = "panic " + "a" * 10_000
    many_terms = " ".join(f"word{n}" for n in range(500)) + " panic"

    results_of(client, "warm")  # the site's settings, remembered from the first request on
    with CaptureQueriesContext(connection) as queries:
        first = results_of(client, long_text)
    assert urls(first) == [pages["body only"].url]
    assert first.context["results"].query == "panic " + "a" * (query.MAX_CHARACTERS - 6)
    # The throttle's own queries vary with the clock (a new minute adds a row and drops the old
    # one) and are counted in its tests; these are the search's.
    searching = [q for q in queries.captured_queries if not throttle_query(q["sql"])]
    assert len(searching) <= 8
    assert len(query.terms_of(many_terms)) == query.MAX_TERMS
    assert results_of(client, many_terms).context["results"].hits == ()  # "panic" was cut off


def throttle_query(sql: str) -> bool:
    return "core_ratecount" in sql or sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))


def test_the_query_is_cut_to_the_first_characters_and_terms():
    assert query.terms_of("x" * 10_000) == ("x" * query.MAX_CHARACTERS,)
    assert query.terms_of("The panic, THE night; panic!") == ("panic", "night")
    assert query.terms_of("the and of") == ("the", "and", "of")  # nothing else to search for
    assert query.terms_of("<script>alert(1)</script>") == ("script", "alert", "1")


def test_an_excerpt_is_escaped_and_marks_only_the_words_searched_for():
    text = "Before <b>bold</b> & after; panicked readers find panic here."
    shown = query.excerpt(text, ("panic",))

    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in shown
    assert "<mark>panicked</mark>" in shown
    assert "<mark>panic</mark>" in shown
    assert "<b>" not in shown


def test_nothing_found_offers_the_contact_page_and_the_crisis_lines_calmly(client, pages):
    response = results_of(client, "zzzqqq")
    html = response.content.decode()

    assert response.context["results"].hits == ()
    assert "Nothing on this site matches" in html
    assert 'href="/contact/"' in html
    assert 'href="#crisis-heading"' in html
    assert 'id="crisis-heading"' in html


def test_results_set_no_cookie_and_are_kept_by_no_cache(client, pages):
    response = results_of(client, "panic")

    assert not response.cookies
    assert response["Cache-Control"] == "private, no-store"
    assert "noindex" in response.content.decode()


def test_the_query_is_found_nowhere_afterwards(client, pages, caplog, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.REDIS_URL = ""
    settings.QUIETROOM_CACHE_DIR = ""
    pagecache.clear()
    caplog.set_level(logging.DEBUG)

    for number in ("1", "2"):
        results_of(client, f"panic {SECRET}", page=number)
    backend().flush()

    assert SECRET not in caplog.text
    assert not stored_anywhere(SECRET)
    assert all(SECRET not in key for key in pagecache._local)
    assert not any(SECRET.encode() in path.read_bytes() for path in files_under(tmp_path))
    # The rate count keeps a keyed hash of the address, and nothing of the query.
    assert RateCount.objects.filter(scope="search").count() == 1


def stored_anywhere(text: str) -> list[str]:
    """Every model field of text that holds `text` now."""
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            textual = isinstance(field, models.CharField | models.TextField) and field.concrete
            lookup = {f"{field.name}__contains": text}
            if textual and model._default_manager.filter(**lookup).exists():
                found.append(f"{model.__name__}.{field.name}")
    return found


def files_under(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


def test_an_address_searching_too_often_is_asked_calmly_to_wait(client, pages, monkeypatch):
    monkeypatch.setattr(views, "LIMIT", 3)
    for _ in range(3):
        results_of(client, "panic")

    refused = client.get("/search/", {"q": "panic"})

    assert refused.status_code == 429
    assert refused["Retry-After"] == str(views.WINDOW)
    assert "Please wait a minute" in refused.content.decode()
    # An empty search box costs nothing and is never refused.
    assert client.get("/search/").status_code == 200


def test_every_page_has_the_search_box_in_its_header(client, pages):
    html = client.get(pages["body only"].url).content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]

    assert header.count('role="search" action="/search/" method="get"') == 2  # wide, phone
    assert 'name="q"' in header


def test_a_deep_page_number_is_bounded_and_nonsense_reads_as_the_first(client, pages):
    assert results_of(client, "panic", page="abc").context["results"].number == 1
    assert results_of(client, "panic", page="99999").context["results"].number == 1
    deep = results_of(client, "panic", page="500").context["results"]
    assert deep.number == query.MAX_PAGES
    assert deep.hits == ()


def test_the_search_page_is_never_stored_by_the_page_cache(pages, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.REDIS_URL = ""
    settings.QUIETROOM_CACHE_DIR = ""
    pagecache.clear()
    for path in ("/search/", "/search/?page=2", "/search/?q=panic"):
        assert wsgi_get(path)[0] == 200, path
    backend().flush()

    assert stored_entry("/search/") is None
    assert stored_entry("/search/?page=2") is None
    assert shared_entries(backend()) == 0
