"""The promise the privacy notice prints follows the site's switch; the demo's counts are
made up, the same on every build, and say so."""

from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import Site

from quietroom.core.models import ReaderCounting
from quietroom.demo.readers import ensure_reader_counts
from quietroom.stats.models import PageDay, ReferrerDay

PROMISE = Template("{% load reader_counting %}{% reader_counting_promise %}")


def promise(host="localhost") -> str:
    request = RequestFactory().get("/privacy/", HTTP_HOST=host)
    return PROMISE.render(Context({"request": request}))


def test_the_promise_says_what_is_counted_and_what_never_is(home):
    text = promise()

    assert "counts how often each of its pages is viewed on each day" in text
    assert "no IP address" in text
    assert "deleted after 800 days" in text


def test_the_promise_follows_the_site_switch(home):
    setting = ReaderCounting.for_site(Site.objects.get(is_default_site=True))
    setting.count_readers = False
    setting.save()

    text = promise()

    assert "does not count its readers" in text
    assert "counts how often" not in text


def test_the_demo_seeds_made_up_counts_once_and_the_same_each_time(blog, article):
    site = Site.objects.get(is_default_site=True)

    made = ensure_reader_counts(site)
    first = sorted(PageDay.objects.values_list("path", "day", "views", "automated"))
    assert made == len(first) > 0
    assert ensure_reader_counts(site) == 0  # a second build adds nothing
    assert ReaderCounting.for_site(site).made_up_figures
    assert ReferrerDay.objects.filter(host="www.google.com").exists()
    assert {path for path, *_ in first} >= {"/", "/articles/", article.url}

    PageDay.objects.all().delete()
    assert ensure_reader_counts(site) == 0  # referrers remain: counts of its own, not seeded
    ReferrerDay.objects.all().delete()
    ensure_reader_counts(site)
    assert sorted(PageDay.objects.values_list("path", "day", "views", "automated")) == first
