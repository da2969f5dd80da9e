"""Checking pages of a Wagtail site with the practice's own settings."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from wagtail import hooks
from wagtail.models import Page, Site

from quietroom.checks.config import Config
from quietroom.checks.engine import Report, check_document
from quietroom.checks.from_page import document_for_page
from quietroom.checks.models import ChecksSettings


class UnknownPaths(ValueError):
    """Some of the paths asked for are not live pages."""

    def __init__(self, paths: list[str]):
        self.paths = paths
        listed = ", ".join(paths)
        super().__init__(
            f"No live page at {listed}. Give paths as they appear in the address bar, "
            "such as /articles/my-article/."
        )


@dataclass(frozen=True)
class SiteContext:
    """What the checks need from a site: the practice's tuning and its crisis resources."""

    config: Config
    crisis_resources: bool

    @classmethod
    def for_site(cls, site: Site | None) -> "SiteContext":
        if site is None:
            return cls(Config(), crisis_resources=False)
        # The practice app answers this (a hook): the checks do not import it.
        has_resources = any(ask(site) for ask in hooks.get_hooks("quietroom_crisis_resources"))
        return cls(ChecksSettings.for_site(site).config(), has_resources)


def language() -> str:
    """The site's language code without its region: `en` for `en-gb`."""
    return settings.LANGUAGE_CODE.split("-")[0]


def check_page(page: Page, site: Site | None = None, context: SiteContext | None = None) -> Report:
    """The report for `page` as it is in memory, with its site's settings (or `site`'s)."""
    context = context or SiteContext.for_site(site or page.get_site())
    document = document_for_page(
        page, crisis_resources=context.crisis_resources, language=language()
    )
    return check_document(document, context.config)


@dataclass(frozen=True)
class PageCheck:
    page: Page
    url: str | None
    edit_url: str
    report: Report


def path_of(url: str) -> str:
    """The path of a URL or path, with one slash at each end: "/articles/x/"."""
    path = urlsplit(url.strip()).path.strip("/")
    return f"/{path}/" if path else "/"


def live_pages(paths=()) -> list[Page]:
    """Every live page (the tree's root aside), or those at `paths`; raises UnknownPaths."""
    pages = list(Page.objects.live().filter(depth__gt=1).order_by("path").specific())
    if not paths:
        return pages
    by_path: dict[str, list[Page]] = {}
    for page in pages:
        url = page.get_url()
        if url:
            by_path.setdefault(path_of(url), []).append(page)
    missing = [path for path in paths if path_of(path) not in by_path]
    if missing:
        raise UnknownPaths(missing)
    wanted = dict.fromkeys(path_of(path) for path in paths)
    return [page for path in wanted for page in by_path[path]]


def edit_url(page: Page) -> str:
    """The absolute address of the page's editor."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailadmin_pages:edit", args=[page.pk]
    )


def check_live_pages(paths=()) -> list[PageCheck]:
    """Check every live page, or those at the given URL paths, each with its site's settings."""
    contexts: dict[int | None, SiteContext] = {}
    results = []
    for page in live_pages(paths):
        site = page.get_site()
        key = site.pk if site else None
        if key not in contexts:
            contexts[key] = SiteContext.for_site(site)
        report = check_page(page, context=contexts[key])
        results.append(PageCheck(page, page.get_full_url(), edit_url(page), report))
    return results
