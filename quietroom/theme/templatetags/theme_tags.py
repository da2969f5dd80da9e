"""Template tags for reader pages: inline CSS, structured data, canonical URLs, navigation."""

import json
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from quietroom.blog.structured_data import blog_posting
from quietroom.core import memo, sites
from quietroom.core.sites import site_table
from quietroom.practice.structured_data import clinician_person, faq_page, practice_business

register = template.Library()

THEME_STATIC = Path(__file__).resolve().parent.parent / "static" / "theme"
# Every stylesheet a page may inline; the Content-Security-Policy allows exactly these.
INLINE_STYLESHEETS = ("quietroom.css",)
_PATHS = {name: THEME_STATIC / name for name in INLINE_STYLESHEETS}
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@cache
def stylesheet(name: str = "quietroom.css") -> str:
    """A theme stylesheet (the reader one by default), read once per process."""
    if name not in _PATHS:
        raise ValueError(f"{name} is not one of the inline stylesheets {INLINE_STYLESHEETS}")
    return _PATHS[name].read_text()


def inline_stylesheets() -> list[str]:
    return [stylesheet(name) for name in INLINE_STYLESHEETS]


@register.simple_tag
def inline_css(name: str = "quietroom.css"):
    return format_html("<style>{}</style>", mark_safe(stylesheet(name)))  # noqa: S308 (our own file)


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    return json_ld(
        blog_posting(
            article,
            context["request"],
            context["practice"].name,
            tags=context.get("tags", ()),
            categories=context.get("categories", ()),
        )
    )


@register.simple_tag(takes_context=True)
def practice_json_ld(context):
    practice = context["practice"]
    return json_ld(practice_business(practice, site_root(context["request"]) + "/"))


@register.simple_tag(takes_context=True)
def clinician_json_ld(context, clinician):
    practice = context["practice"]
    root = site_root(context["request"]) + "/"
    return json_ld(
        clinician_person(clinician, practice, root, clinician.get_url(context["request"]))
    )


@register.simple_tag
def faq_json_ld(page):
    return json_ld(faq_page(page))


def json_ld(data):
    """A JSON-LD data block; `<`, `>` and `&` are escaped so text cannot close the script."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    # Safe: json.dumps output with <, > and & escaped above.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


def site_root(request) -> str:
    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL of this page on the site's own host, keeping only a real page number."""
    request = context["request"]
    url = site_root(request) + request.path
    articles = context.get("articles")
    if articles is not None and getattr(articles, "number", 1) > 1:
        url += f"?page={articles.number}"
    return url


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return urljoin(site_root(context["request"]) + "/", url)


@memo.per_site
def menu_items(site_id: int) -> tuple[tuple[str, str, str], ...]:
    """(title, url, tree path) of the root's live public children shown in menus."""
    record = site_table().get(site_id)
    if record is None:
        return ()
    root = Page.objects.get(pk=record.root_page_id)
    pages = root.get_children().live().public().in_menu()
    return tuple((page.title, page.get_url(), page.path) for page in pages)


@register.inclusion_tag("components/site_nav.html", takes_context=True)
def site_nav(context):
    record = sites.record_for(context["request"].META)
    items = menu_items(record.id) if record else ()
    current = getattr(context.get("page"), "path", "")
    return {"items": [(title, url, current.startswith(path)) for title, url, path in items]}


@register.filter
def dial(number: str) -> str:
    """A phone number as a tel:/sms: link wants it: digits, with a leading + kept."""
    digits = "".join(ch for ch in str(number) if ch.isdigit())
    return ("+" + digits) if str(number).strip().startswith("+") else digits
