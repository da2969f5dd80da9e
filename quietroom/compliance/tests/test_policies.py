"""Policy pages: the practice's words, then what the website does, stated from its settings;
one of each kind per practice, linked from every footer, and warned about once stale."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageViewRestriction

from quietroom.checks.config import Config
from quietroom.checks.document import Document
from quietroom.checks.engine import check_document
from quietroom.checks.from_page import document_for_page
from quietroom.checks.rules.review import review_due
from quietroom.compliance.models import PolicyPage
from quietroom.core import generation
from quietroom.core.models import ReaderCounting
from quietroom.core.tests.factories import publish, sign_in_verified
from quietroom.practice.models import PracticeSettings
from quietroom.serving import pagecache


def policy(home, kind, title, reviewed=date(2026, 10, 1), **fields) -> PolicyPage:
    return publish(
        home,
        PolicyPage(
            title=title,
            slug=kind.replace("_", "-"),
            kind=kind,
            last_reviewed=reviewed,
            body=[{"type": "text", "value": "<p>Our own words about this.</p>"}],
            **fields,
        ),
    )


def read(client, page) -> BeautifulSoup:
    return BeautifulSoup(client.get(page.url).content, "html.parser")


def facts_text(soup) -> str:
    return " ".join(soup.select_one("section.policy-facts").get_text().split())


def test_the_privacy_notice_states_the_retention_the_inbox_uses(client, home, settings):
    settings.QUIETROOM_INBOX_RETENTION_DAYS = 180
    page = policy(home, "privacy", "Privacy notice")

    soup = read(client, page)

    assert "Our own words about this." in soup.select_one(".prose").get_text()
    assert "Requests are deleted for good 180 days after they arrive." in facts_text(soup)
    assert "sets no cookie" in facts_text(soup)
    assert soup.select_one(".policy-reviewed time")["datetime"] == "2026-10-01"


def test_a_changed_setting_changes_the_page_without_an_edit(client, home, settings):
    settings.QUIETROOM_INBOX_RETENTION_DAYS = 180
    page = policy(home, "privacy", "Privacy notice")
    assert "180 days" in facts_text(read(client, page))  # now in the page cache

    settings.QUIETROOM_INBOX_RETENTION_DAYS = 90
    # As a restart with the new setting does: this process's pages go, the epoch is new, and
    # the pages other processes stored under the old epoch are never read.
    generation.epoch.cache_clear()
    pagecache.clear_local()
    try:
        shown = facts_text(read(client, page))
    finally:
        generation.epoch.cache_clear()

    assert "deleted for good 90 days after" in shown
    assert "180" not in shown


def test_the_stated_settings_are_part_of_the_cache_epoch(settings):
    before = generation.epoch()
    settings.QUIETROOM_SUBSCRIBE_CONFIRM_HOURS = 12
    generation.epoch.cache_clear()
    try:
        after = generation.epoch()
    finally:
        generation.epoch.cache_clear()
    assert after != before


def test_the_accessibility_statement_names_the_standard(client, home):
    shown = facts_text(read(client, policy(home, "accessibility", "Accessibility statement")))

    assert "WCAG 2.2 level AA" in shown
    assert "axe-core" in shown


def test_the_telehealth_policy_lists_the_practices_crisis_services(client, home):
    row = PracticeSettings.objects.get(site=home.get_site())
    row.crisis_line = "If you are in danger, call 911 now."
    row.crisis_services = [
        {"type": "service", "value": {"name": "Emergency services", "phone": "911"}},
        {"type": "service", "value": {"name": "988 Lifeline", "phone": "988", "text": "988"}},
    ]
    row.phone = "(312) 555-0142"
    row.save()

    shown = facts_text(read(client, policy(home, "telehealth", "Telehealth")))

    assert "If you are in danger, call 911 now." in shown
    assert "Emergency services and 988 Lifeline: their numbers are under" in shown
    assert "Please call (312) 555-0142" in shown


def test_the_good_faith_estimate_notice_gives_the_dispute_threshold(client, home):
    shown = facts_text(read(client, policy(home, "good_faith_estimate", "Good Faith Estimate")))

    assert "at least $400 more than the estimate" in shown
    assert "1-800-985-3059" in shown


def test_every_footer_links_the_public_policies_in_order(client, home):
    policy(home, "telehealth", "Telehealth and emergencies")
    policy(home, "privacy", "Privacy notice")
    hidden = policy(home, "accessibility", "Accessibility statement")
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    draft = policy(home, "good_faith_estimate", "Good Faith Estimate")
    draft.unpublish()

    footer = read(client, home).select_one("footer.site-footer")

    links = [(a.get_text(), a["href"]) for a in footer.select(".footer-links a")]
    assert links[:2] == [
        ("Privacy notice", "/privacy/"),
        ("Telehealth and emergencies", "/telehealth/"),
    ]
    assert "Accessibility statement" not in footer.get_text()
    assert "Good Faith Estimate" not in footer.get_text()


def test_a_practice_has_one_page_of_each_kind(client, django_user_model, home):
    policy(home, "privacy", "Privacy notice")
    admin = django_user_model.objects.create_superuser("owner", "owner@example.org", "pw")
    sign_in_verified(client, admin)
    url = reverse("wagtailadmin_pages:add", args=["compliance", "policypage", home.pk])

    response = client.post(
        url,
        {
            "title": "Second privacy notice",
            "slug": "privacy-again",
            "kind": "privacy",
            "last_reviewed": "2026-11-01",
            "body-count": "0",
            "action-publish": "publish",
        },
    )

    assert response.status_code == 200  # the form again, with the error
    assert "This practice already has a privacy notice: Privacy notice." in response.text
    assert PolicyPage.objects.count() == 1


@pytest.mark.parametrize(
    ("reviewed", "due"),
    [(date(2025, 12, 2), True), (date(2025, 12, 3), False), (date(2024, 1, 1), True)],
)
def test_review_due_warns_once_the_interval_has_passed(reviewed, due):
    document = Document(title="Privacy notice", last_reviewed=reviewed)

    issues = list(review_due(document, Config(review_months=12), today=date(2026, 12, 2)))

    assert bool(issues) is due
    if due:
        assert issues[0].location.field == "last_reviewed"
        assert "every 12 months" in issues[0].message


def test_review_due_leaves_pages_without_a_review_date_alone():
    document = Document(title="An article")

    assert not list(review_due(document, Config(), today=date(2026, 12, 2)))


def test_the_checks_engine_reports_a_stale_policy(home):
    stale = policy(home, "privacy", "Privacy notice", reviewed=date(2020, 1, 1))
    fresh = policy(home, "telehealth", "Telehealth", reviewed=date.today())

    def rules(page):
        return {finding.rule for finding in check_document(document_for_page(page)).findings}

    assert "review-due" in rules(stale)
    assert "review-due" not in rules(fresh)


def test_the_privacy_notice_says_what_is_counted_and_follows_the_switch(client, home, settings):
    settings.QUIETROOM_STATS_RETENTION_DAYS = 400
    page = policy(home, "privacy", "Privacy notice")

    counted = " ".join(read(client, page).select_one("section.reader-counting").get_text().split())
    switch = ReaderCounting.for_site(home.get_site())
    switch.count_readers = False
    switch.save()
    silent = " ".join(read(client, page).select_one("section.reader-counting").get_text().split())

    assert "counts how often each of its pages is viewed" in counted
    assert "deleted after 400 days" in counted
    assert "This site does not count its readers" in silent
