"""Searching one practice's public pages, with bounds that keep hostile input cheap.

Nothing here keeps the query: it is not logged, stored, cached or sent anywhere. A reader's
search ("panic at night", "leaving an abusive partner") can say more about them than anything
else they do on the site.
"""

import re
from dataclasses import dataclass

from django.core.paginator import EmptyPage, Paginator
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.safestring import SafeString
from wagtail.models import Page
from wagtail.search import index

MAX_CHARACTERS = 200
MAX_TERMS = 8
PER_PAGE = 10
MAX_PAGES = 10  # deeper than anyone reads; bounds the work a crawler can ask for
EXCERPT_WORDS = 28
_WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)
# Words nearly every page has: searched for only when a query has nothing else.
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "do",
        "for",
        "from",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "so",
        "that",
        "the",
        "this",
        "to",
        "was",
        "what",
        "when",
        "why",
        "with",
        "you",
        "your",
    ]
)


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    summary: str
    excerpt: SafeString


@dataclass(frozen=True)
class Results:
    query: str
    hits: tuple[Hit, ...]
    number: int
    pages: int
    total: int

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.pages else None


def terms_of(text: str) -> tuple[str, ...]:
    """The words searched for: from the first MAX_CHARACTERS characters, at most MAX_TERMS
    distinct words, in the order typed, without the words nearly every page has (unless
    there is nothing else)."""
    words = []
    for word in _WORD.findall(text[:MAX_CHARACTERS].lower()):
        if word not in words:
            words.append(word)
    telling = [word for word in words if word not in STOP_WORDS] or words
    return tuple(telling[:MAX_TERMS])


def searchable_pages(site):
    """The live pages of `site` anyone may read."""
    return Page.objects.live().public().descendant_of(site.root_page, inclusive=True)


def search(site, text: str, page_number: int = 1) -> Results:
    terms = terms_of(text)
    query = " ".join(terms)
    if not terms:
        return Results(query, (), 1, 0, 0)
    pages = searchable_pages(site)
    # Pages with every word first; if none has them all, pages with any of them.
    found = pages.search(query, operator="and", order_by_relevance=True)
    if len(terms) > 1 and not found.count():
        found = pages.search(query, operator="or", order_by_relevance=True)
    paginator = Paginator(found, PER_PAGE)
    number = min(max(page_number, 1), MAX_PAGES)
    try:
        shown = paginator.page(number)
    except EmptyPage:
        return Results(query, (), number, min(paginator.num_pages, MAX_PAGES), paginator.count)
    hits = tuple(_hit(page.specific, site, terms) for page in shown.object_list)
    return Results(query, hits, number, min(paginator.num_pages, MAX_PAGES), paginator.count)


def _hit(page, site, terms) -> Hit:
    text = plain_text(page)
    summary = getattr(page, "summary", "") or page.search_description or ""
    return Hit(page.title, page.get_url(None, site) or "", summary, excerpt(text, terms))


def plain_text(page) -> str:
    """The words of `page`'s searchable fields, as a reader would read them."""
    parts = []
    for field in type(page).get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name not in ("title", "summary"):
            value = field.get_value(page)
            if isinstance(value, list | tuple):
                parts.extend(str(item) for item in value)
            elif value:
                parts.append(str(value))
    return " ".join(strip_tags(" ".join(parts)).split())


def excerpt(text: str, terms) -> SafeString:
    """About EXCERPT_WORDS words of `text` around the first word searched for, escaped, with
    each word searched for marked."""
    words = text.split()
    wanted = set(terms)
    first = next((i for i, word in enumerate(words) if _matches(word, wanted)), 0)
    start = max(first - EXCERPT_WORDS // 3, 0)
    shown = words[start : start + EXCERPT_WORDS]
    marked = format_html_join(
        " ",
        "{}",
        ((format_html("<mark>{}</mark>", w) if _matches(w, wanted) else w,) for w in shown),
    )
    lead = "… " if start else ""
    tail = " …" if start + EXCERPT_WORDS < len(words) else ""
    return format_html("{}{}{}", lead, marked, tail)


def _matches(word: str, wanted) -> bool:
    # "panic" finds "panicked" and "panics"; a word of three letters or fewer must match whole.
    bare = _bare(word)
    return bare in wanted or any(len(term) > 3 and bare.startswith(term) for term in wanted)


def _bare(word: str) -> str:
    found = _WORD.search(word.lower())
    return found.group(0) if found else ""
