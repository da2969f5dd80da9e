"""Filters for reader templates: rich text cleaned at render time, and only safe link URLs."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.rich_text import RichText, expand_db_html

from quietroom.security import sanitize

register = template.Library()


@register.filter
def clean_richtext(value):
    """Like Wagtail's `richtext` filter, but cleans first: stored HTML is never trusted.

    Wagtail renders whatever the database holds; content written around the editor (an
    import, a script, an old revision) is cleaned here (nh3) as well as on save.
    """
    source = value.source if isinstance(value, RichText) else value
    return mark_safe(expand_db_html(sanitize.clean_for_render(source or "")))  # noqa: S308 (cleaned by nh3 just now)


@register.filter
def safe_url(value):
    return sanitize.safe_url(str(value or ""))
