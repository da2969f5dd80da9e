"""Clinical review of articles: who reviewed and when, on the page and in its JSON-LD; the
review report; and marking a page reviewed, which records a revision."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from quietroom.blog.models import ArticlePage
from quietroom.checks.engine import check_document
from quietroom.checks.from_page import document_for_page
from quietroom.compliance import reviews
from quietroom.compliance.models import PolicyPage
from quietroom.core.tests.factories import make_article, make_clinician, publish, sign_in_verified

TODAY = datetime.date.today()
LONG_AGO = datetime.date(2024, 3, 1)


@pytest.fixture
def reviewer(home):
    person = make_clinician(home, "Maya Okafor")
    person.credentials = "PhD, clinical psychologist"
    person.save_revision().publish()
    return person


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("owner", "owner@example.org", "pw")
    sign_in_verified(client, user)
    return user


def reviewed(blog, reviewer, title="On tears", when=datetime.date(2026, 9, 18)) -> ArticlePage:
    return make_article(blog, title, reviewed_by=reviewer, last_reviewed=when)


def test_the_article_names_its_reviewer_and_the_date(client, blog, reviewer):
    page = reviewed(blog, reviewer)

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    byline = " ".join(soup.select_one(".byline").get_text().split())
    assert "Reviewed by Maya Okafor, PhD, clinical psychologist on 18 September 2026" in byline
    assert soup.select_one(f".byline a[href='{reviewer.url}']")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    posting = data if data.get("@type") == "BlogPosting" else None
    if posting is None:  # a graph of several nodes
        posting = next(node for node in data["@graph"] if node["@type"] == "BlogPosting")
    page_node = posting["mainEntityOfPage"]
    assert page_node["lastReviewed"] == "2026-09-18"
    assert page_node["reviewedBy"]["name"] == "Maya Okafor"
    assert page_node["reviewedBy"]["url"].endswith(reviewer.url)


def test_an_unreviewed_article_says_nothing_of_a_review(client, blog):
    page = make_article(blog, "On rest")

    response = client.get(page.url).content.decode()

    assert "Reviewed by" not in response
    assert "lastReviewed" not in response


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"last_reviewed": datetime.date(2026, 1, 1)}, "reviewed_by"),
        ({"reviewer": True}, "last_reviewed"),
        ({"reviewer": True, "last_reviewed": TODAY + datetime.timedelta(days=2)}, "last_reviewed"),
    ],
)
def test_a_review_needs_a_reviewer_and_a_past_date(blog, reviewer, fields, field):
    fields = dict(fields)
    if fields.pop("reviewer", False):
        fields["reviewed_by"] = reviewer
    page = ArticlePage(title="On rest", slug="on-rest", body=[], **fields)

    with pytest.raises(ValidationError) as refused:
        page.clean()

    assert field in refused.value.message_dict


def test_a_stale_review_is_a_warning_in_the_checks(blog, reviewer):
    stale = reviewed(blog, reviewer, "Old", LONG_AGO)
    fresh = reviewed(blog, reviewer, "New", TODAY)

    def rules(page):
        return {finding.rule for finding in check_document(document_for_page(page)).findings}

    assert "review-due" in rules(stale)
    assert "review-due" not in rules(fresh)


def test_the_report_lists_what_is_due_and_what_was_never_reviewed(
    client, admin, home, blog, reviewer
):
    reviewed(blog, reviewer, "Old review", LONG_AGO)
    reviewed(blog, reviewer, "Recent review", TODAY)
    make_article(blog, "Never reviewed")
    publish(
        home,
        PolicyPage(title="Privacy notice", slug="privacy", kind="privacy", last_reviewed=LONG_AGO),
    )

    soup = BeautifulSoup(client.get(reverse("compliance:reviews")).content, "html.parser")

    due = [
        row.find("a").get_text() for row in soup.select("table.listing tbody tr") if row.find("a")
    ]
    assert due == ["Old review", "Privacy notice"]  # oldest first, then by title
    assert "Recent review" not in [a.get_text() for a in soup.select("table.listing a")]
    assert [li.get_text(strip=True) for li in soup.select("ul.never-reviewed li")] == [
        "Never reviewed"
    ]


def test_marking_reviewed_records_a_revision_and_publishes_it(client, admin, blog, reviewer):
    page = reviewed(blog, reviewer, "Old review", LONG_AGO)
    revisions = page.revisions.count()

    response = client.post(reverse("compliance:mark_reviewed", args=[page.pk]), follow=True)

    page.refresh_from_db()
    assert page.last_reviewed == TODAY
    assert page.revisions.count() == revisions + 1
    assert page.live_revision == page.latest_revision
    assert page.latest_revision.user == admin
    assert "is marked reviewed today and published" in response.content.decode()
    assert reviews.due_for_review(page.get_site()) == []


def test_a_waiting_draft_is_not_published_by_marking_reviewed(client, admin, blog, reviewer):
    page = reviewed(blog, reviewer, "Old review", LONG_AGO)
    draft = page.get_latest_revision_as_object()
    draft.title = "Old review, half rewritten"
    draft.save_revision()

    client.post(reverse("compliance:mark_reviewed", args=[page.pk]))

    page.refresh_from_db()
    assert page.title == "Old review"  # the live page is untouched
    assert page.last_reviewed == LONG_AGO
    latest = page.get_latest_revision_as_object()
    assert (latest.title, latest.last_reviewed) == ("Old review, half rewritten", TODAY)


def test_marking_reviewed_needs_a_post_and_a_reviewer(client, admin, blog):
    page = make_article(blog, "Never reviewed")
    url = reverse("compliance:mark_reviewed", args=[page.pk])

    assert client.get(url).status_code == 405
    refused = client.post(url, follow=True).content.decode()

    page.refresh_from_db()
    assert "Choose who reviewed" in refused
    assert page.last_reviewed is None


def test_an_editor_who_may_not_edit_the_page_cannot_mark_it(
    client, django_user_model, blog, reviewer
):
    page = reviewed(blog, reviewer, "Old review", LONG_AGO)
    editor = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_verified(client, editor)

    refused = client.post(reverse("compliance:mark_reviewed", args=[page.pk]), follow=True)
    listed = BeautifulSoup(client.get(reverse("compliance:reviews")).content, "html.parser")

    page.refresh_from_db()
    assert page.last_reviewed == LONG_AGO
    assert "You may not edit “Old review”." in refused.content.decode()
    assert "Old review" not in [a.get_text() for a in listed.select("main a")]
