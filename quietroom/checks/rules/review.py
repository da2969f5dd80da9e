"""Pages that promise something true (a policy, a clinically reviewed article), read again
before the promise goes stale."""

from datetime import date

from quietroom.checks.document import Document, Location
from quietroom.checks.findings import WARNING
from quietroom.checks.registry import Issue, rule

FAMILY = "review"


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from `earlier` to `later`."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (later.day < earlier.day)


@rule("review-due", family=FAMILY, level=WARNING, title="Page due for review")
def review_due(document: Document, config, today: date | None = None):
    """Yields a warning when a page that records its last review is older than the interval."""
    if document.last_reviewed is None:
        return
    age = months_between(document.last_reviewed, today or date.today())
    if age >= config.review_months:
        yield Issue(
            Location("last_reviewed", "Last reviewed"),
            f"This page was last reviewed {age} months ago, on "
            f"{document.last_reviewed:%-d %B %Y}; the practice reviews its pages every "
            f"{config.review_months} months. Read it again, correct what has changed, and set "
            "today's date.",
        )
