"""Pages that carry a review date: which are due, and marking one reviewed today.

Articles reviewed by a clinician and policy pages both record when someone last read them
and found them true; the practice's review interval (Settings → Editorial checks) says how
old that may grow.
"""

import datetime
from dataclasses import dataclass

from wagtail.models import Page, Site

from quietroom.blog.models import ArticlePage
from quietroom.checks.models import ChecksSettings
from quietroom.checks.rules.review import months_between
from quietroom.compliance.models import PolicyPage
from quietroom.practice.models import PracticeSettings

REVIEWED_MODELS = (ArticlePage, PolicyPage)


@dataclass(frozen=True)
class Due:
    page: Page
    last_reviewed: datetime.date
    months: int


def due_for_review(site: Site, today: datetime.date | None = None) -> list[Due]:
    """The site's live pages whose last review is at least the interval old, oldest first."""
    today = today or datetime.date.today()
    interval = ChecksSettings.for_site(site).review_months
    found = []
    for model in REVIEWED_MODELS:
        pages = model.objects.live().descendant_of(site.root_page, inclusive=True)
        for page in pages.filter(last_reviewed__isnull=False):
            months = months_between(page.last_reviewed, today)
            if months >= interval:
                found.append(Due(page, page.last_reviewed, months))
    return sorted(found, key=lambda due: (due.last_reviewed, due.page.title))


def never_reviewed(site: Site):
    """The site's live articles that no clinician has reviewed yet."""
    return (
        ArticlePage.objects.live()
        .descendant_of(site.root_page)
        .filter(last_reviewed__isnull=True)
        .order_by("title", "pk")
    )


@dataclass(frozen=True)
class CrisisCheck:
    name: str
    source: str
    verified_on: datetime.date | None
    months: int | None


def crisis_services_due(site: Site, today: datetime.date | None = None) -> list[CrisisCheck]:
    """The site's crisis services nobody has checked, or checked longer ago than the review
    interval: every page shows them, so a number that has changed fails a reader in crisis."""
    today = today or datetime.date.today()
    interval = ChecksSettings.for_site(site).review_months
    row = PracticeSettings.objects.filter(site=site).first()
    found = []
    for block in row.crisis_services if row else ():
        checked = block.value.get("verified_on")
        months = months_between(checked, today) if checked else None
        if checked is None or months >= interval:
            found.append(
                CrisisCheck(block.value["name"], block.value.get("source") or "", checked, months)
            )
    return found


class NotReviewable(Exception):
    """The page has no review date to set, or the user may not edit it."""


def mark_reviewed(page: Page, user, today: datetime.date | None = None) -> bool:
    """Set today's date as the page's last review, as a new revision by `user`; publish it
    when the page is live with nothing else waiting (so no unrelated draft goes out with it).
    Returns whether it was published."""
    page = page.specific
    if not isinstance(page, REVIEWED_MODELS):
        raise NotReviewable(f"“{page.title}” has no review date.")
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit():
        raise NotReviewable(f"You may not edit “{page.title}”.")
    if isinstance(page, ArticlePage) and page.reviewed_by_id is None:
        raise NotReviewable(f"Choose who reviewed “{page.title}” in its editor first.")
    publish = page.live and not page.has_unpublished_changes and permissions.can_publish()
    latest = page.get_latest_revision_as_object()
    latest.last_reviewed = today or datetime.date.today()
    revision = latest.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return publish
