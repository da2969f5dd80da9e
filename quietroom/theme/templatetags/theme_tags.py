"""Template tags for reader pages: inline CSS, structured data, canonical URLs, navigation."""

import datetime
import json
from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from PIL import features
from wagtail.models import Page, Site

from quietroom.blog.models import ArticlePage
from quietroom.blog.structured_data import blog_posting
from quietroom.compliance.links import policy_links
from quietroom.core import generation, memo, sites
from quietroom.core.models import image_described
from quietroom.core.sites import site_table
from quietroom.practice.booking import booking_for
from quietroom.practice.models import ContactPage
from quietroom.practice.profile import practice
from quietroom.practice.structured_data import clinician_person, faq_page, practice_business
from quietroom.security.policy import allow_inline_style
from quietroom.theme.brand import default_brand, image_data

register = template.Library()

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def brand_styles(context):
    """The site's colours, then its style's sheet, each in a <style> the policy allows: the
    style's by the hashes every reader policy lists, the colours' by this response's own."""
    # Django's own error views render without context processors: the defaults then.
    brand = context.get("brand") or default_brand()
    allow_inline_style(context.get("request"), brand.colours)
    # Safe: our own compacted files, and colours parsed as #rrggbb.
    return format_html(
        "<style>{}</style>\n<style>{}</style>",
        mark_safe(brand.colours),  # noqa: S308
        mark_safe(brand.stylesheet),  # noqa: S308
    )


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


@register.simple_tag(takes_context=True)
def clinician_booking(context, clinician):
    """`{% clinician_booking page as booking %}`: the link and the site it is on, or None."""
    return booking_for(clinician, context.get("practice"))


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
def menu_items(site_id: int) -> tuple[tuple[str, str, str, bool], ...]:
    """(title, url, tree path, is the contact page) of the root's live public children shown
    in menus; the contact page is the header's button, last."""
    record = site_table().get(site_id)
    if record is None:
        return ()
    root = Page.objects.get(pk=record.root_page_id)
    pages = root.get_children().live().public().in_menu().specific(defer=True)
    items = [(p.title, p.get_url(), p.path, isinstance(p, ContactPage)) for p in pages]
    return tuple(sorted(items, key=lambda item: item[3]))


@register.inclusion_tag("components/site_nav.html", takes_context=True)
def site_nav(context):
    record = sites.record_for(context["request"].META)
    items = menu_items(record.id) if record else ()
    current = getattr(context.get("page"), "path", "")
    return {
        "items": [
            (title, url, current.startswith(path), contact) for title, url, path, contact in items
        ]
    }


FOOTER = "components/site_footer.html"


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer, the same on every page of a site: rendered once per generation (and year)
    for a reader's request, which is pinned to its site; afresh for anything else (a
    preview, a page rendered outside a reader's request)."""
    year = timezone.localdate().year if settings.USE_TZ else datetime.date.today().year
    site_id = generation.pinned_site()
    if site_id is None:
        with context.push(year=year):
            return get_template(FOOTER).template.render(context)
    return mark_safe(remembered_footer(site_id, year))  # noqa: S308 (rendered, escaped)


@memo.per_site
def remembered_footer(site_id: int, year: int) -> str:
    # What a reader's page context gives the footer: the practice and policy links of the
    # request's site, both remembered for that site.
    context = {"practice": practice(site_id), "policy_links": policy_links(site_id), "year": year}
    return str(render_to_string(FOOTER, context))


CARD = "components/article_card.html"


@register.simple_tag(takes_context=True)
def article_card(context, article, level=2):
    """An article's card in a listing: rendered once per generation for a reader's request
    (its content changes only with a publish, which starts a new one), afresh otherwise."""
    site_id = generation.pinned_site()
    if site_id is None:
        with context.push(
            article=article, level=level, url=article.get_url(context.get("request"))
        ):
            return get_template(CARD).template.render(context)
    return mark_safe(remembered_card(site_id, article.pk, level, article=article))  # noqa: S308


@memo.per_site
def remembered_card(site_id: int, page_id: int, level: int, *, article=None) -> str:
    """Without `article` (a rebuild), the published article is read again by its id."""
    if article is None:
        article = (
            ArticlePage.objects.published()
            .filter(pk=page_id)
            .select_related("author", "hero_image")
            .first()
        )
        if article is None:
            raise memo.Gone(f"article {page_id}")
    record = site_table().get(site_id)
    # The link as `{% pageurl %}` gives it on a request for this site: relative on its own.
    url = article.get_url(current_site=record.instance() if record else None)
    return str(render_to_string(CARD, {"article": article, "level": level, "url": url}))


# Pillow built without libavif cannot write AVIF: the hero then offers WebP first.
_AVIF = features.check("avif")


@register.simple_tag
def writes_avif() -> bool:
    return _AVIF and settings.QUIETROOM_HERO_AVIF


HERO = "components/hero_picture.html"


@register.simple_tag(takes_context=True)
def hero_picture(context, image, alt):
    """An article's hero: a <picture> naming a dozen renditions, looked up once per generation
    for a reader's request (the same image and words give the same tag), afresh otherwise."""
    site_id = generation.pinned_site()
    if site_id is None:
        with context.push(img=image, alt=alt):
            return get_template(HERO).template.render(context)
    keys = (image.pk, image.file.name, image.focal_point_key_parts, alt, writes_avif())
    return mark_safe(remembered_hero(site_id, *keys, image=image))  # noqa: S308 (rendered)


@memo.per_site
def remembered_hero(site_id, image_id, file_name, focal_point, alt, avif, *, image=None) -> str:
    """Keyed like the avatar, by the image row's fields; `avif` since the tag depends on it."""
    if image is None:
        image = image_described(image_id, file_name, focal_point)
    return str(render_to_string(HERO, {"img": image, "alt": alt}))


@register.filter
def dial(number: str) -> str:
    """A phone number as a tel:/sms: link wants it: digits, with a leading + kept."""
    digits = "".join(ch for ch in str(number) if ch.isdigit())
    return ("+" + digits) if str(number).strip().startswith("+") else digits


AVATAR_SPEC = "fill-96x96-c100|format-webp|webpquality-70"


@register.filter
def avatar_uri(image) -> str:
    """A person's small round portrait (a byline) as a data: URI: it is on the first screen,
    and inline it costs no request of its own."""
    if not image:
        return ""
    site_id = generation.pinned_site()
    if site_id is None:
        return image_data(image.get_rendition(AVATAR_SPEC), "WEBP")
    return remembered_avatar(
        site_id, image.pk, image.file.name, image.focal_point_key_parts, image=image
    )


@memo.per_site
def remembered_avatar(site_id, image_id, file_name, focal_point, *, image=None) -> str:
    """Keys come from the image row (an edit changes them), never from a request; without
    `image` (a rebuild), the row is read again and must still be the one they describe."""
    if image is None:
        image = image_described(image_id, file_name, focal_point)
    return image_data(image.get_rendition(AVATAR_SPEC), "WEBP")


def _phone_link(number: str):
    return format_html('<a href="tel:{}">{}</a>', dial(number), number)


@register.simple_tag(takes_context=True)
def reach_us(context):
    """“by phone at … or by email at …” from the practice (empty when it has neither)."""
    practice = context["practice"]
    ways = []
    if practice.phone:
        ways.append(format_html("by phone at {}", _phone_link(practice.phone)))
    if practice.email:
        link = format_html('<a href="mailto:{0}">{0}</a>', practice.email)
        ways.append(format_html("by email at {}", link))
    return format_html(" or ".join(["{}"] * len(ways)), *ways)


@register.simple_tag(takes_context=True)
def or_call_us(context, words=", or call us at "):
    """`words` and the practice's phone as a link, or nothing when it has no phone."""
    practice = context.get("practice")
    if not practice or not practice.phone:
        return ""
    return format_html("{}{}", words, _phone_link(practice.phone))


@register.simple_tag
def crisis_ways(service):
    """“: call …, text …” for a crisis service (nothing when it has neither number)."""
    ways = []
    if service.phone:
        ways.append(format_html('call <a href="tel:{}">{}</a>', dial(service.phone), service.phone))
    if service.text:
        ways.append(format_html('text <a href="sms:{}">{}</a>', dial(service.text), service.text))
    if not ways:
        return ""
    return format_html(": " + ", ".join(["{}"] * len(ways)), *ways)
