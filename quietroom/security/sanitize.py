"""Rich text and link sanitising: nh3 (ammonia) first, then Wagtail's own feature filter."""

import re
from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from wagtail.admin.rich_text.converters.db_html import DbHTMLConverter

# Everything Wagtail's rich text database format can hold, with the attributes its link
# and embed handlers need; the second pass then narrows this to the field's own features.
TAGS = {
    "a", "b", "blockquote", "br", "code", "embed", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "li", "ol", "p", "s", "strong", "sub", "sup", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "linktype", "id"},
    "embed": {"embedtype", "id", "format", "alt", "url"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# A stray </p> parses as an empty paragraph, so 200,000 of them would be stored, rendered,
# indexed and parsed again on every read; a run of empty paragraphs is kept as one.
EMPTY_PARAGRAPHS = re.compile(r"<p>\s*</p>(?:\s*<p>\s*</p>)+")


def nh3_clean(html: str) -> str:
    cleaned = nh3.clean(
        html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None
    )
    return EMPTY_PARAGRAPHS.sub("<p></p>", cleaned)


@lru_cache(maxsize=2048)
def _clean(html: str, features: tuple[str, ...] | None) -> str:
    cleaned, _removals = DbHTMLConverter(features=features).clean(nh3_clean(html))
    return cleaned


def clean_rich_text(html: str, features=None) -> str:
    """Rich text in Wagtail's database format, safe to store and to render.

    nh3 drops scripts with their content, event handlers and unsafe URLs, which Wagtail's
    DbHTMLConverter alone would only unwrap; DbHTMLConverter then keeps only what the
    field's `features` allow (Wagtail's defaults when None). Cleaning clean HTML returns
    it unchanged, so it is safe to run on every save and every render.
    """
    if not html:
        return html
    return _clean(html, tuple(features) if features is not None else None)


@lru_cache(maxsize=2048)
def clean_for_render(html: str) -> str:
    """Stored rich text made safe to render: nh3 alone.

    What the editor's features allow was settled when the text was saved (clean_rich_text
    runs on every save); at render only safety matters, and Wagtail's converter, a parser
    written in Python, was most of an uncached article's rich text time.
    """
    return nh3_clean(html) if html else html


def safe_url(url: str) -> str:
    """`url` when it is http(s), mailto, tel or relative; otherwise an empty string."""
    url = (url or "").strip()
    # Browsers skip control characters and whitespace inside a scheme ("jav\tascript:").
    scheme = urlsplit("".join(ch for ch in url if ord(ch) > 0x20)).scheme.lower()
    if scheme and scheme not in URL_SCHEMES:
        return ""
    return url
