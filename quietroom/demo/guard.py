"""Whether `quietroom demo` may build here: not over a site it did not make, not in production."""

from django.conf import settings
from django.db import connection
from wagtail.models import Page, Site

from quietroom.demo import sources

# The hosts the demo's own site is served on; a default site named otherwise is someone's.
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# The practice's sections under its home page: slug, and the page type the demo makes there.
SECTIONS = {
    "articles": "blogindexpage",
    "clinicians": "clinicianindexpage",
    "services": "serviceindexpage",
    "questions": "faqpage",
    "contact": "contactpage",
}
# What the demo makes under three of them, named by the data each page comes from.
CHILDREN = {"articles": "articlepage", "clinicians": "clinicianpage", "services": "servicepage"}
SHOWN = 3  # pages named in the message; the rest are counted


def refusals() -> list[str]:
    """Why the demo must not build into this database, one sentence each; empty when it may.

    The demo writes into the default site: over an owner's site it would add a practice
    that is not theirs, replace the site's root and hostname, and add sample requests to
    their inbox. Asked before the demo migrates the database, so a refusal changes nothing;
    a database without Wagtail's tables has no site to protect.
    """
    problems = []
    if in_production():
        problems.append(
            f"These are production settings ({settings.SETTINGS_MODULE}); the demo is for "
            "a local copy only."
        )
    if Site._meta.db_table not in connection.introspection.table_names():
        return problems
    site = Site.objects.filter(is_default_site=True).first()
    if site and site.hostname not in LOCAL_HOSTS:
        problems.append(
            f"The default site “{site.site_name or site.hostname}” is served at "
            f"{site.hostname}:{site.port}, not on this computer: it is not the demo's."
        )
    foreign = foreign_pages()
    if foreign:
        named = ", ".join(f"“{page.title}” ({page.url_path})" for page in foreign[:SHOWN])
        more = f" and {len(foreign) - SHOWN} more" if len(foreign) > SHOWN else ""
        problems.append(f"The site has pages the demo did not make: {named}{more}.")
    return problems


def in_production() -> bool:
    """True under the production settings (or settings that import them)."""
    return bool(getattr(settings, "QUIETROOM_PRODUCTION", False))


def foreign_pages() -> list[Page]:
    """Every page but the demo's own and Wagtail's placeholder welcome page, in tree order."""
    expected = demo_pages()
    foreign = []
    for page in Page.objects.filter(depth__gt=1).select_related("content_type").order_by("path"):
        kind = page.content_type.model
        if expected.get(page.url_path) == kind or _placeholder(page, kind):
            continue
        foreign.append(page)
    return foreign


def demo_pages() -> dict[str, str]:
    """The address of each page the demo makes, and its page type (a content type's model)."""
    data = sources.practice()
    children = {
        "articles": sources.article_slugs(),
        "clinicians": [person["slug"] for person in data["clinicians"]],
        "services": [service["slug"] for service in data["services"]],
    }
    pages = {"/home/": "homepage"}
    for section, kind in SECTIONS.items():
        pages[f"/home/{section}/"] = kind
        for slug in children.get(section, ()):
            pages[f"/home/{section}/{slug}/"] = CHILDREN[section]
    for policy in data["policies"]:
        pages[f"/home/{policy['slug']}/"] = "policypage"
    return pages


def _placeholder(page: Page, kind: str) -> bool:
    # Wagtail's first migration makes a plain page under the root; the demo replaces it.
    return kind == "page" and page.depth == 2 and page.numchild == 0
