"""The defects the page-cache issue named, each with the test that found it.

Every test here runs on both shared backends (disk and a real Redis).
"""

import tracemalloc

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, Site

from quietroom.core import generation, memo, sites
from quietroom.core.tests.factories import make_article, make_blog, sign_in_verified
from quietroom.practice.models import HomePage, PracticeSettings
from quietroom.serving import pagecache
from quietroom.serving.tests import support
from quietroom.serving.tests.support import day, settings_form, shared_entries, wsgi_get

pytestmark = pytest.mark.usefixtures("shared_backend")

SAVED_CRISIS_LINE = "Call the county crisis team at 555-0100, any hour."
REFUSED_CRISIS_LINE = "This line was never saved."


# 1. A refused settings save reaches readers.


@pytest.fixture
def practice_editor(client, django_user_model):
    editor = django_user_model.objects.create_user("settings-editor", password="pw-not-real-1")
    group = Group.objects.create(name="Practice settings editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_practicesettings"),
    )
    editor.groups.add(group)
    sign_in_verified(client, editor)
    return editor


def test_a_refused_settings_save_never_changes_a_public_page(client, practice_editor, home, blog):
    site = Site.objects.get(is_default_site=True)
    practice = PracticeSettings.for_site(site)
    practice.name, practice.crisis_line = "Linden Tree Counselling", SAVED_CRISIS_LINE
    practice.save()
    first = make_article(blog, "Read before the refused save", day(1))
    later = make_article(blog, "First read after the refused save", day(2))
    assert SAVED_CRISIS_LINE.encode() in wsgi_get(first.url)[2]
    url = reverse("wagtailsettings:edit", args=["practice", "practicesettings", site.pk])

    refused = client.post(
        url,
        settings_form(
            site,
            name="Renamed Without Saving",
            email="not an address",
            crisis_line=REFUSED_CRISIS_LINE,
        ),
    )

    assert refused.status_code == 200
    assert b"Enter a valid email address" in refused.content
    for page in (first, later, home, blog):
        body = wsgi_get(page.url)[2]
        assert b"Renamed Without Saving" not in body
        assert REFUSED_CRISIS_LINE.encode() not in body
        assert SAVED_CRISIS_LINE.encode() in body
    practice.refresh_from_db()
    assert practice.crisis_line == SAVED_CRISIS_LINE


def test_a_saved_settings_change_reaches_every_page_at_once(client, practice_editor, home, blog):
    site = Site.objects.get(is_default_site=True)
    article = make_article(blog, "Read before the save", day(1))
    wsgi_get(article.url)
    url = reverse("wagtailsettings:edit", args=["practice", "practicesettings", site.pk])

    saved = client.post(
        url, settings_form(site, name="Willow Street Therapy", crisis_line=SAVED_CRISIS_LINE)
    )

    assert saved.status_code == 302
    for page in (article, home, blog):
        body = wsgi_get(page.url)[2]
        assert b"Willow Street Therapy" in body
        assert SAVED_CRISIS_LINE.encode() in body


def test_what_readers_are_given_of_the_practice_cannot_be_changed(home):
    from dataclasses import FrozenInstanceError

    from quietroom.practice.profile import practice

    site = Site.objects.get(is_default_site=True)
    remembered = practice(site.pk)

    with pytest.raises(FrozenInstanceError):
        remembered.name = "Changed by one request"
    assert practice(site.pk) is remembered


# 2. Cached pages ignore the scheme.


@pytest.fixture
def https_only(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.QUIETROOM_TRUSTED_PROXIES = ["10.0.0.5"]
    support.reload()
    yield
    support.reload()


def test_plain_http_is_redirected_whether_or_not_the_page_is_cached(https_only, blog):
    article = make_article(blog, "Served over HTTPS only", day(1))

    assert wsgi_get(article.url)[0] == 301  # nothing cached yet
    first = wsgi_get(article.url, scheme="https")
    assert first[0] == 200
    assert wsgi_get(article.url, scheme="https")[1]["ETag"] == first[1]["ETag"]  # cached

    status, headers, body = wsgi_get(article.url)

    assert status == 301
    assert headers["Location"] == f"https://localhost{article.url}"
    assert b"Served over HTTPS only" not in body


def test_a_forwarded_https_header_counts_only_from_a_trusted_proxy(https_only, blog):
    article = make_article(blog, "Behind a proxy", day(1))
    assert wsgi_get(article.url, scheme="https")[0] == 200  # cached

    spoofed = wsgi_get(article.url, x_forwarded_proto="https")  # from 127.0.0.1
    assert spoofed[0] == 301

    from quietroom.serving.tests.support import environ_for

    proxied = environ_for(article.url, x_forwarded_proto="https")
    proxied["REMOTE_ADDR"] = "10.0.0.5"
    key = pagecache.key_for(proxied, sites.record_for(proxied))
    assert key is not None
    assert key.text.startswith("https://")


# 4. Remembered values keyed by anything a client sends.


@pytest.mark.once
def test_ten_thousand_bogus_ports_leave_memory_flat_and_store_no_page(settings, blog):
    settings.ALLOWED_HOSTS = ["localhost"]
    article = make_article(blog, "Asked with many ports", day(1))
    assert wsgi_get(article.url)[0] == 200
    stored_before = shared_entries_now()
    tracemalloc.start()
    try:
        for port in range(100):  # warm every code path first
            wsgi_get(article.url, host=f"localhost:{port}")
        before = tracemalloc.take_snapshot()
        statuses = {
            wsgi_get(article.url, host=f"localhost:{port}")[0] for port in range(10_000, 20_000)
        }
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    grown = sum(
        stat.size_diff
        for stat in without_the_harness(after).compare_to(without_the_harness(before), "filename")
    )

    assert statuses == {200}
    assert shared_entries_now() == stored_before
    assert len(pagecache._local) == 1
    assert memo.remembered_sites() == 1
    assert grown < 256 * 1024, f"grew by {grown} bytes"


@pytest.mark.once
def test_a_thousand_hosts_django_refuses_are_refused_and_store_nothing(settings, blog):
    # Refused before the page cache is asked (each answer goes through Django's 400, about
    # 10 ms here); the memory bound is the bogus ports' test above.
    settings.ALLOWED_HOSTS = ["localhost"]
    article = make_article(blog, "Asked with many hosts", day(1))
    assert wsgi_get(article.url)[0] == 200
    stored_before = shared_entries_now()

    statuses = {wsgi_get(article.url, host=f"h{n}.example")[0] for n in range(1_000)}

    assert statuses == {400}
    assert shared_entries_now() == stored_before
    assert len(pagecache._local) == 1


def test_made_up_hostnames_that_reach_the_default_site_share_one_entry(settings, blog):
    settings.ALLOWED_HOSTS = ["*"]
    article = make_article(blog, "Asked by any name", day(1))
    assert wsgi_get(article.url)[0] == 200  # by the site's own name: "localhost"
    assert wsgi_get(article.url, host="first.example")[0] == 200  # as the default site
    stored_before = shared_entries_now()

    with CaptureQueriesContext(connection) as queries:
        statuses = {wsgi_get(article.url, host=f"n{n}.example")[0] for n in range(2_000)}

    assert statuses == {200}
    assert len(queries) == 0, "no page is rendered again for another made-up name"
    assert shared_entries_now() == stored_before == 2
    assert len(pagecache._local) == 2


def without_the_harness(snapshot):
    """Leave out what calling the handler from a test allocates: reconnecting Django's
    signal receivers (as the test client does) keeps a weak reference per call."""
    return snapshot.filter_traces(
        [
            tracemalloc.Filter(False, "*/django/dispatch/dispatcher.py"),
            tracemalloc.Filter(False, "*/weakref.py"),
            tracemalloc.Filter(False, tracemalloc.__file__),
        ]
    )


def shared_entries_now() -> int:
    from quietroom.core.backends import backend

    return shared_entries(backend())


# Per practice: a change on one site leaves the other's pages and memos alone.


@pytest.fixture
def two_sites(home, blog):
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Birch Lane Therapy", slug="birch-lane")
    )
    other_site = Site.objects.create(hostname="birch.example", port=80, root_page=other_home)
    other_blog = make_blog(other_home, "Notes", slug="notes")
    return (
        (Site.objects.get(is_default_site=True), blog),
        (other_site, other_blog),
    )


def on_site(page, site) -> str:
    """The path of `page` on its own site."""
    return page.url_path[len(site.root_page.url_path) - 1 :]


def test_a_publish_on_one_practice_leaves_the_others_cached_pages_and_memos(two_sites):
    (_site, blog), (other_site, other_blog) = two_sites
    theirs = make_article(other_blog, "Birch Lane on sleep", day(3))
    unread = make_article(other_blog, "Birch Lane on rest", day(2))
    first = wsgi_get(on_site(theirs, other_site), host="birch.example")
    assert first[0] == 200
    other_generation = generation.site(other_site.pk)

    make_article(blog, "Linden Tree on worry", day(4))  # published on the first site

    assert generation.site(other_site.pk) == other_generation
    again = wsgi_get(on_site(theirs, other_site), host="birch.example")
    assert again[1]["ETag"] == first[1]["ETag"]
    assert again[1]["Last-Modified"] == first[1]["Last-Modified"]
    assert again[2] == first[2]
    # The other practice's remembered values are intact: its next page needs only itself.
    with CaptureQueriesContext(connection) as queries:
        assert wsgi_get(on_site(unread, other_site), host="birch.example")[0] == 200
    assert len(queries) == 1, [q["sql"][:100] for q in queries]
    assert b"Linden Tree on worry" in wsgi_get(on_site(blog, _site))[2]


def test_a_settings_save_on_one_practice_leaves_the_others_pages(two_sites):
    (site, blog), (other_site, other_blog) = two_sites
    theirs = make_article(other_blog, "Birch Lane on mornings", day(3))
    first = wsgi_get(on_site(theirs, other_site), host="birch.example")

    practice = PracticeSettings.for_site(site)
    practice.name = "Linden Tree Counselling"
    practice.save()

    again = wsgi_get(on_site(theirs, other_site), host="birch.example")
    assert again[1]["ETag"] == first[1]["ETag"]
    assert b"Linden Tree Counselling" in wsgi_get(on_site(blog, site))[2]
    assert b"Linden Tree Counselling" not in again[2]


def test_a_new_site_has_its_settings_rows_before_anyone_reads_it(two_sites):
    (_, _), (other_site, _) = two_sites

    assert PracticeSettings.objects.filter(site=other_site).exists()
    from quietroom.checks.models import ChecksSettings

    assert ChecksSettings.objects.filter(site=other_site).exists()


def test_a_readers_first_view_of_a_new_site_writes_nothing(two_sites):
    (_, _), (other_site, other_blog) = two_sites
    theirs = make_article(other_blog, "Birch Lane on evenings", day(3))
    before = generation.site(other_site.pk)

    with CaptureQueriesContext(connection) as queries:
        assert wsgi_get(on_site(theirs, other_site), host="birch.example")[0] == 200

    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert generation.site(other_site.pk) == before


# Remembered values: immutable, bounded.


def test_every_value_remembered_while_serving_the_demo_is_immutable(demo_site, client):
    """The test settings check each remembered value as it is stored (a mutable one raises)."""
    from quietroom.blog.models import ArticlePage

    pages = [*ArticlePage.objects.live(), *Page.objects.live().filter(depth__gt=1)[:20]]
    for page in pages:
        assert client.get(page.url).status_code in (200, 302)
    assert len(memo.registered()) >= 8


def test_a_mutable_value_is_refused():
    with pytest.raises(memo.Mutable):
        memo.check_immutable((1, ["a list"]))
    with pytest.raises(memo.Mutable):
        memo.check_immutable({"a": 1})
    memo.check_immutable((1, "two", frozenset({3})))


def test_remembered_values_are_kept_for_a_bounded_number_of_sites(settings, home):
    from quietroom.practice.profile import practice

    settings.QUIETROOM_REMEMBERED_SITES = 3
    roots = Page.get_first_root_node()
    created = []
    for number in range(8):
        page = roots.add_child(instance=HomePage(title=f"Practice {number}", slug=f"p-{number}"))
        created.append(Site.objects.create(hostname=f"p{number}.example", port=80, root_page=page))
    memo.clear()

    for site in created:
        practice(site.pk)

    assert memo.remembered_sites() == 3
    assert memo.last_known(practice, created[-1].pk) is not None
    assert memo.last_known(practice, created[0].pk) is None
