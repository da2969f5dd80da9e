"""Publishing is refused while an error stands: which pages are held back, and what to say."""

from wagtail.models import Page

from quietroom.checks.findings import Finding
from quietroom.checks.site import check_page


def blocking_findings(page: Page) -> list[Finding]:
    """The errors that stop `page`, as it is in memory, from being published."""
    return check_page(page).errors


def refusal_message(page: Page, errors: list[Finding]) -> str:
    """What the writer reads when publishing is refused: the first problem, and how many."""
    first = errors[0]
    where = f"{first.location.label}: " if first.location else ""
    more = len(errors) - 1
    also = f" There {'is' if more == 1 else 'are'} {more} more in the list." if more else ""
    return (
        f"“{page.title}” was not published yet: {where}{first.message}{also} Your changes are "
        "saved as a draft, and the Quality panel at the top of the editor shows each problem."
    )


def keep_as_draft(page: Page) -> None:
    """Undo the `live` flag the create view sets on a new page before it publishes."""
    if page.live and page.first_published_at is None:
        page.live = False
        page.has_unpublished_changes = True
        Page.objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)


def held_back(pages) -> list[Page]:
    """The pages among `pages` whose latest draft has an error that blocks publishing."""
    held = []
    for page in pages:
        latest = page.specific.get_latest_revision_as_object()
        if blocking_findings(latest):
            held.append(latest)
    return held


def bulk_refusal_message(pages: list[Page]) -> str:
    """What the writer reads when a bulk publish is refused."""
    titles = ", ".join(f"“{page.title}”" for page in pages)
    return (
        f"Nothing was published: {titles} must be fixed first. Open each one and look at the "
        "Quality panel at the top of the editor."
    )
