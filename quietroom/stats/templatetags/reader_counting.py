"""`{% reader_counting_promise %}`: what the site counts about its readers, for the privacy
notice, from the site's switch as the page cache's table of sites holds it (no query)."""

from django import template
from django.conf import settings

from quietroom.core import sites

register = template.Library()


@register.inclusion_tag("stats/promise.html", takes_context=True)
def reader_counting_promise(context):
    request = context.get("request")
    record = sites.record_for(request.META) if request is not None else None
    return {
        "counting": record.count_readers if record is not None else True,
        "retention_days": settings.QUIETROOM_STATS_RETENTION_DAYS,
    }
