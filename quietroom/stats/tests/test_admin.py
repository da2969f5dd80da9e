"""The Readers report, its CSV and the dashboard panel show a practice's figures to its own
people only, as an SVG drawn on the server with its figures in text beside it."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import Page, Site

from quietroom.core.models import ReaderCounting
from quietroom.core.tests.factories import make_home, sign_in_verified
from quietroom.inbox.models import InboxGroupSite
from quietroom.stats import chart, report
from quietroom.stats.models import PageDay, ReferrerDay


@pytest.fixture
def figures(article):
    site = Site.objects.get(is_default_site=True)
    today = report.today()
    PageDay.objects.create(site=site, path=article.url, day=today, views=12, automated=4)
    PageDay.objects.create(site=site, path="/", day=today - datetime.timedelta(days=2), views=5)
    ReferrerDay.objects.create(site=site, host="friend.example", day=today, views=3)
    return site


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", password="pw")
    sign_in_verified(client, admin)
    return client


def test_the_report_shows_the_figures_and_the_chart(admin_client, figures):
    response = admin_client.get(f"/admin/readers/{figures.pk}/?days=7")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>")[0]
    assert '<desc id="readers-chart-desc">17 views from' in html
    assert "Counted article" in html
    assert "friend.example" in html
    assert "What we count about our readers" in html
    assert html.count('class="qr-stats-chart__bar"') == 7


def test_the_report_page_and_stats_json_agree(admin_client, figures, capsys):
    html = admin_client.get(f"/admin/readers/{figures.pk}/?days=30").content.decode()
    call_command("stats", "--site", figures.hostname, "--days", "30", "--json")

    printed = json.loads(capsys.readouterr().out)["sites"][0]
    assert f"<dd>{printed['views']}</dd>" in html
    assert f"<dd>{printed['automated']} (" in html
    for page in printed["top_pages"]:
        assert f"<td>{page['views']}</td>" in html


def test_the_csv_holds_the_same_figures(admin_client, figures):
    response = admin_client.get(f"/admin/readers/{figures.pk}/csv/?days=7")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["day", "views", "automated"]
    assert rows[7] == [report.today().isoformat(), "12", "4"]
    assert ["friend.example", "3"] in rows


def test_a_formula_in_a_title_is_not_run_by_a_spreadsheet(admin_client, figures, article):
    article.title = '=HYPERLINK("http://evil.example")'
    article.save_revision().publish()

    body = admin_client.get(f"/admin/readers/{figures.pk}/csv/").content.decode()

    assert "'=HYPERLINK" in body


def test_an_unknown_period_falls_back_to_thirty_days(admin_client, figures):
    html = admin_client.get(f"/admin/readers/{figures.pk}/?days=abc").content.decode()

    assert html.count('class="qr-stats-chart__bar"') == 30


def test_the_dashboard_has_a_readers_panel(admin_client, figures):
    html = admin_client.get("/admin/").content.decode()

    assert 'id="readers-summary' in html or "readers-summary" in html
    assert "17 views in the last 30 days" in html


def test_the_demo_says_its_figures_are_made_up(admin_client, figures):
    ReaderCounting.objects.filter(site=figures).update(made_up_figures=True)

    assert "made up" in admin_client.get("/admin/").content.decode()
    assert "made up" in admin_client.get(f"/admin/readers/{figures.pk}/").content.decode()


def test_a_practice_sees_only_its_own_figures(client, figures, django_user_model):
    other_home = make_home("Other Practice")
    other = Site.objects.create(hostname="other.example", root_page=other_home, site_name="Other")
    PageDay.objects.create(site=other, path="/", day=report.today(), views=999)
    group = Group.objects.create(name="Other practice")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    InboxGroupSite.objects.create(group=group, site=other)
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.groups.add(group)
    sign_in_verified(client, editor)

    assert client.get(f"/admin/readers/{figures.pk}/").status_code == 404
    assert client.get(f"/admin/readers/{figures.pk}/csv/").status_code == 404
    assert client.get(f"/admin/readers/{other.pk}/").status_code == 200
    dashboard = client.get("/admin/").content.decode()
    assert "999 views" in dashboard
    assert "17 views" not in dashboard


def test_the_chart_scales_to_the_busiest_day():
    days = tuple(
        report.Day(datetime.date(2026, 1, n), views, 0) for n, views in ((1, 0), (2, 37), (3, 100))
    )

    drawn = chart.bar_chart(days)

    assert [bar.height for bar in drawn.bars] == [0, 37.0, 100.0]
    assert [tick.value for tick in drawn.ticks] == [100, 50, 0]
    assert drawn.description == (
        "137 views from 1 January 2026 to 3 January 2026; the busiest day was 3 January 2026 "
        "with 100."
    )


@pytest.mark.parametrize(
    ("value", "top"), [(0, 4), (5, 5), (7, 10), (101, 200), (215, 250), (450, 500)]
)
def test_the_scale_ends_on_a_round_number(value, top):
    assert chart.nice_top(value) == top


def test_an_editor_without_admin_access_sees_nothing(client, figures, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw")
    client.force_login(user)

    assert client.get(f"/admin/readers/{figures.pk}/").status_code in (302, 403)
    assert Page.objects.exists()


def test_the_article_editor_shows_its_own_views(admin_client, figures, article):
    html = admin_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()

    assert "12 views in the last 30 days" in html
    assert '<desc id="page-readers-chart-desc">12 views from' in html
