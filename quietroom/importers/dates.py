"""Lenient reading of the dates WordPress writes: zero dates, missing fields, wrong weekdays."""

import datetime
import re

from django.utils import timezone

MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
WP_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*$")
# RFC 822 as WordPress writes it; the weekday is ignored, since exports sometimes get it wrong.
PUB_DATE = re.compile(
    r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*"
    r"([+-]\d{4}|GMT|UTC|UT|Z)?"
)


def wp_datetime(text: str) -> datetime.datetime | None:
    """A naive datetime from WordPress's 'YYYY-MM-DD hh:mm:ss'; None for zero or bad dates."""
    match = WP_DATE.match(text or "")
    if not match:
        return None
    parts = [int(part) if part else 0 for part in match.groups()]
    try:
        return datetime.datetime(*parts)
    except ValueError:
        return None


def pub_date(text: str) -> datetime.datetime | None:
    """An aware datetime from an RSS pubDate, or None when it names no real moment."""
    match = PUB_DATE.search(text or "")
    if not match:
        return None
    day, month_name, year, hour, minute, second, zone = match.groups()
    month = MONTHS.get(month_name.lower())
    if month is None:
        return None
    try:
        moment = datetime.datetime(
            int(year), month, int(day), int(hour), int(minute), int(second or 0)
        )
        return moment.replace(tzinfo=_zone(zone)).astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        return None


def as_utc(moment: datetime.datetime | None) -> datetime.datetime | None:
    """A naive UTC datetime made aware; None when it cannot be represented."""
    if moment is None:
        return None
    try:
        return moment.replace(tzinfo=datetime.UTC)
    except (ValueError, OverflowError):
        return None


def in_zone(moment: datetime.datetime | None, zone) -> datetime.datetime | None:
    """A naive local datetime made aware in `zone`, then expressed in UTC."""
    if moment is None:
        return None
    try:
        return moment.replace(tzinfo=zone).astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        return None


def _zone(text: str | None) -> datetime.tzinfo:
    if not text or text in {"GMT", "UTC", "UT", "Z"}:
        return datetime.UTC
    sign = -1 if text[0] == "-" else 1
    offset = datetime.timedelta(hours=int(text[1:3]), minutes=int(text[3:5]))
    return datetime.timezone(sign * offset)


def moment_of(item) -> datetime.datetime | None:
    """When an item was (or will be) published: GMT date, else local date, else pubDate."""
    local = in_zone(wp_datetime(item.post_date), timezone.get_default_timezone())
    return as_utc(wp_datetime(item.post_date_gmt)) or local or pub_date(item.pub_date)


def article_date(item, warn) -> datetime.date:
    """The date an article shows: the day its author saw, never shifted by a time zone."""
    local = wp_datetime(item.post_date)
    if local:
        return local.date()
    moment = moment_of(item)
    if moment:
        return timezone.localtime(moment).date()
    if item.status in {"publish", "private", "future"}:
        warn("it has no usable date; today's date was used")
    return timezone.localdate()
