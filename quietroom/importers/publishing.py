"""WordPress statuses as Wagtail states, view restrictions, and redirects from old addresses."""

import datetime

from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction, Site

from quietroom.importers.links import old_path

LIVE_STATUSES = {"publish", "private", "future"}
IMPORTED_STATUSES = LIVE_STATUSES | {"draft", "pending"}


def save_with_status(page: Page, status: str, moment: datetime.datetime | None) -> str:
    """Save `page` and publish, schedule or keep it as a draft as `status` says.

    'future' with a date still ahead is scheduled (go_live_at); one whose date has
    passed is published, as WordPress would have done. Returns a note for the report,
    or ''.
    """
    note = ""
    page.go_live_at = None
    if status == "future":
        if moment and moment > timezone.now():
            page.go_live_at = moment
        else:
            note = "it was scheduled for a date that has passed, so it was published"
    if status in {"publish", "private"} and moment and page.first_published_at is None:
        page.first_published_at = moment
    page.save()
    revision = page.save_revision(changed=True)
    if status in LIVE_STATUSES:
        revision.publish()
    elif page.live:
        page.unpublish()
    return note


def restrict(page: Page, status: str, password: str) -> None:
    """Private posts need a login, password-protected ones their password; others none."""
    wanted = None
    if status == "private":
        wanted = (PageViewRestriction.LOGIN, "")
    elif password:
        wanted = (PageViewRestriction.PASSWORD, password[:255])
    existing = PageViewRestriction.objects.filter(page=page)
    current = [(r.restriction_type, r.password) for r in existing]
    if current == ([wanted] if wanted else []):
        return
    existing.delete()
    if wanted:
        PageViewRestriction.objects.create(
            page=page, restriction_type=wanted[0], password=wanted[1]
        )


def redirect(site: Site, old_url: str, page: Page | None = None, link: str = "") -> str | None:
    """A permanent redirect from `old_url`'s path to `page` (or `link`).

    Returns 'created', 'updated' or 'unchanged', or None when no redirect is needed:
    no path, too long, or the new address is the old one.
    """
    path = old_path(old_url)
    if not path:
        return None
    normalised = Redirect.normalise_path(path)
    target = page.relative_url(site) if page else link
    if len(normalised) > 255 or not target or Redirect.normalise_path(target) == normalised:
        return None
    wanted = {"redirect_page": page, "redirect_link": "" if page else link, "is_permanent": True}
    existing = Redirect.objects.filter(site=site, old_path=normalised).first()
    if existing is None:
        Redirect.objects.create(site=site, old_path=normalised, **wanted)
        return "created"
    if (existing.redirect_page_id, existing.redirect_link) == (
        page and page.pk,
        wanted["redirect_link"],
    ):
        return "unchanged"
    for name, value in wanted.items():
        setattr(existing, name, value)
    existing.save()
    return "updated"
