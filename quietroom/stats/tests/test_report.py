"""The report's figures, `quietroom stats` and its JSON agree with what was counted; retention
deletes exactly the days older than the retention period."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from quietroom.stats import report
from quietroom.stats.models import PageDay, ReferrerDay

LAST = datetime.date(2026, 11, 30)


def days_ago(n):
    return LAST - datetime.timedelta(days=n)


@pytest.fixture
def counted(article):
    site = Site.objects.get(is_default_site=True)
    PageDay.objects.create(site=site, path=article.url, day=days_ago(0), views=40, automated=10)
    PageDay.objects.create(site=site, path=article.url, day=days_ago(6), views=2)
    PageDay.objects.create(site=site, path="/", day=days_ago(1), views=7, automated=30)
    PageDay.objects.create(site=site, path="/", day=days_ago(7), views=1000)  # outside 7 days
    ReferrerDay.objects.create(site=site, host="search.example", day=days_ago(0), views=5)
    ReferrerDay.objects.create(site=site, host="friend.example", day=days_ago(3), views=9)
    ReferrerDay.objects.create(site=site, host="old.example", day=days_ago(8), views=99)
    return site


def test_the_report_sums_the_period_and_nothing_outside_it(counted, article):
    figures = report.report(counted, days=7, last=LAST)

    assert (figures.first, figures.last) == (days_ago(6), LAST)
    assert [(d.day, d.views, d.automated) for d in figures.daily][-2:] == [
        (days_ago(1), 7, 30),
        (LAST, 40, 10),
    ]
    assert len(figures.daily) == 7
    assert (figures.views, figures.automated) == (49, 40)
    assert figures.automated_share == round(40 / 89, 4)
    assert [(p.path, p.title, p.views) for p in figures.top_pages] == [
        (article.url, "Counted article", 42),
        ("/", "Test Practice", 7),
    ]
    assert [(r.host, r.views) for r in figures.referrers] == [
        ("friend.example", 9),
        ("search.example", 5),
    ]


def test_a_report_with_nothing_counted_is_zeros(home):
    figures = report.report(Site.objects.get(is_default_site=True), days=7, last=LAST)

    assert (figures.views, figures.automated, figures.automated_share) == (0, 0, 0.0)
    assert [d.views for d in figures.daily] == [0] * 7


def test_stats_json_agrees_with_the_report(counted, capsys, monkeypatch):
    monkeypatch.setattr(report, "today", lambda: LAST)

    call_command("stats", "--site", "localhost", "--days", "30", "--json")

    printed = json.loads(capsys.readouterr().out)
    expected = report.report(counted, days=30, last=LAST)
    assert printed == {"sites": [expected.as_json()]}
    only = printed["sites"][0]
    assert (only["views"], only["automated"], only["first"]) == (1049, 40, "2026-11-01")
    assert only["daily"][-1] == {"day": "2026-11-30", "views": 40, "automated": 10}
    assert only["top_pages"][0] == {"path": "/", "title": "Test Practice", "views": 1007}


def test_stats_prints_every_site_as_text(counted, capsys, monkeypatch):
    monkeypatch.setattr(report, "today", lambda: LAST)

    call_command("stats", "--days", "7")

    out = capsys.readouterr().out
    assert "views: 49; automated: 40 (45%)" in out
    assert "friend.example" in out
    assert "old.example" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--site", "nowhere.example"], "No site is called 'nowhere.example'"),
        (["--days", "0"], "--days must be between 1 and 800"),
        (["--days", "801"], "--days must be between 1 and 800"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(home, args, message):
    with pytest.raises(CommandError, match=message) as refused:
        call_command("stats", *args)

    assert refused.value.returncode == 2


def test_retention_deletes_exactly_the_expired_days(counted, settings):
    settings.QUIETROOM_STATS_RETENTION_DAYS = 7  # keeps LAST and the six days before it

    assert report.forget_expired(now=LAST) == 2

    assert sorted(PageDay.objects.values_list("day", flat=True)) == [
        days_ago(6),
        days_ago(1),
        days_ago(0),
    ]
    assert sorted(ReferrerDay.objects.values_list("host", flat=True)) == [
        "friend.example",
        "search.example",
    ]


def test_the_retention_job_is_registered():
    from quietroom.jobs.periodic import registered

    assert "forget-old-statistics" in {job.name for job in registered()}
