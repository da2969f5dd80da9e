"""The demo practice has nothing that blocks publishing, and one article with something to
show in the Quality panel."""

import pytest

from quietroom.blog.models import ArticlePage
from quietroom.checks.site import check_live_pages, check_page
from quietroom.demo.build import build_demo_site


@pytest.fixture
def demo(db):
    build_demo_site()


def test_the_whole_demo_site_has_no_errors(demo):
    results = check_live_pages()

    assert len(results) >= 14
    errors = {
        r.page.title: [f.message for f in r.report.errors] for r in results if r.report.errors
    }
    assert errors == {}


def test_one_demo_article_is_left_with_a_warning_for_the_panel(demo):
    page = ArticlePage.objects.get(slug="anxiety-at-night")

    warnings = [f for f in check_page(page).findings if f.level == "warning"]

    # Its clinical review is over a year old too, so the review report has one to show.
    assert [f.rule for f in warnings] == ["long-sentence", "review-due"]
    assert "39 words" in warnings[0].message


def test_the_other_demo_articles_have_no_warnings(demo):
    others = ArticlePage.objects.exclude(slug="anxiety-at-night")

    noisy = {p.slug: [f.rule for f in check_page(p).findings if f.level != "hint"] for p in others}

    assert all(not rules for rules in noisy.values()), noisy
