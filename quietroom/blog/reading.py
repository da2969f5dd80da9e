"""Plain text and reading time from a StreamField body."""

import math
import re

from bs4 import BeautifulSoup
from wagtail.blocks import StreamValue, StructValue
from wagtail.rich_text import RichText

WORDS_PER_MINUTE = 220
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def html_to_text(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text(" ")


def value_text(value) -> str:
    """The reader-visible text of one block value, whatever its shape."""
    if isinstance(value, RichText):
        return html_to_text(value.source)
    if isinstance(value, str):
        return value
    if isinstance(value, StructValue | dict):
        return " ".join(value_text(item) for item in value.values())
    if isinstance(value, StreamValue | list | tuple):
        return " ".join(value_text(getattr(item, "value", item)) for item in value)
    return ""


def opening_text(value, limit: int) -> str:
    """About the first `limit` characters of value_text(value), without reading the rest.

    Rich text is cut to `limit` characters of HTML before it is parsed, so the cost does not
    grow with the size of the body.
    """
    if isinstance(value, RichText):
        return html_to_text(value.source[:limit])
    if isinstance(value, str):
        return value[:limit]
    if isinstance(value, StructValue | dict):
        items = value.values()
    elif isinstance(value, StreamValue | list | tuple):
        items = (getattr(item, "value", item) for item in value)
    else:
        return ""
    parts, size = [], 0
    for item in items:
        if size >= limit:
            break
        parts.append(opening_text(item, limit - size))
        size += len(parts[-1]) + 1
    return " ".join(parts)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def reading_minutes(words: int) -> int:
    """Minutes to read `words` at an unhurried pace; never less than one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
