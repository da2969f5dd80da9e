"""Clean untrusted post HTML with nh3: paragraphs restored, embeds made links, the rest dropped."""

import html
import re
from collections import Counter
from collections.abc import Callable

import nh3

ALLOWED_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "a",
    "ul", "ol", "li", "blockquote", "cite", "figure", "figcaption", "img", "aside",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dl", "dt", "dd",
}  # fmt: skip
# These go with everything inside them: their content is code, chrome or a fallback.
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "noscript", "object", "embed", "template", "svg", "math",
    "form", "select", "textarea", "button", "video", "audio", "canvas", "title", "head",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    # The source of a quotation, shown as a link when the quotation names no other.
    "blockquote": {"cite"},
    # Only used to find the imported image; never written out as they are.
    "img": {"src", "alt", "class", "data-src", "data-image", "data-wp-id"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
REPORTED = re.compile(
    r"<(script|iframe|object|embed|form|video|audio|svg|math|style|canvas)\b", re.IGNORECASE
)
# Tags are read only up to the next < or >, so each match is bounded by its own tag and
# the scans never overlap: linear time on any input (a long run of "<iframe " included).
IFRAME_OPEN = re.compile(r"<iframe\b([^<>]*)>", re.IGNORECASE)
IFRAME_SOURCE = re.compile(r"\bsrc\s*=\s*[\"']?(https?://[^\"'\s<>]+)", re.IGNORECASE)
IFRAME_CLOSE = re.compile(r"</iframe\s*>", re.IGNORECASE)
# Block-level tags that always start or end a paragraph in WordPress's classic editor.
SPLIT_TAGS = (
    "p|div|h[1-6]|ul|ol|dl|blockquote|figure|figcaption|table|pre|hr|section|article|aside"
    "|header|footer|iframe|script|style|noscript|form|video|audio|address|details"
)
TAG = re.compile(r"<[A-Za-z/!][^<>]*>")
# Where one stretch of text ends and another begins, for first_words; a tag is read only up
# to the next bracket, so the split is linear.
TEXT_BREAK = re.compile(
    r"<(?:/?(?:p|div|h[1-6]|[uo]l|li|d[ltd]|blockquote|figure|figcaption|table|t[rdh]|pre"
    r"|section|article|aside|header|footer)\b|br\b)[^<>]*>",
    re.IGNORECASE,
)
FIRST_WORDS_SCAN = 20_000
BLOCK_START = re.compile(
    rf"^</?(?:{SPLIT_TAGS}|li|tr|td|th|thead|tbody|tfoot|caption|dt|dd|summary)\b",
    re.IGNORECASE,
)


def autop(text: str) -> str:
    """Wrap the classic editor's blank-line paragraphs in <p>, as WordPress does on display."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A tag written over several lines (Squarespace's images) is one tag, not lines to break,
    # as in WordPress; a tag is read up to the next bracket, so this stays linear.
    text = TAG.sub(lambda tag: tag.group().replace("\n", " "), text)
    # Breaks go before the tag's start: no need to find its end, which made this quadratic.
    text = re.sub(rf"(<(?:{SPLIT_TAGS})\b)", r"\n\n\1", text, flags=re.IGNORECASE)
    text = re.sub(rf"(</(?:{SPLIT_TAGS})>)", r"\1\n\n", text, flags=re.IGNORECASE)
    paragraphs = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_START.match(chunk):
            paragraphs.append(chunk)
        elif re.fullmatch(r"https?://\S+", chunk):
            # A URL alone on a line is an oEmbed in WordPress; here it becomes a plain link.
            paragraphs.append(f'<p><a href="{html.escape(chunk)}">{html.escape(chunk)}</a></p>')
        else:
            paragraphs.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(paragraphs)


def sanitise(text: str, warn: Callable[[str], None]) -> str:
    """Return `text` with only the tags and attributes the body mapper uses.

    Scripts, styles, frames, forms, media players and their content are removed
    (reported through `warn`); embedded frames become links to what they showed;
    `javascript:` and `data:` URLs are dropped; comments (WordPress block markers)
    go; wrappers such as Squarespace's `sqs-` divs are unwrapped.
    """
    text = _frames_as_links(text, warn)
    for name, count in sorted(Counter(m.lower() for m in REPORTED.findall(text)).items()):
        warn(f"{count} <{name}> element{'s' if count > 1 else ''} removed")
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def plain_text(text: str) -> str:
    """`text` with every tag removed and entities decoded, whitespace collapsed."""
    cleaned = nh3.clean(text, tags=set(), clean_content_tags={"script", "style"})
    return " ".join(html.unescape(cleaned).split())


def first_words(text: str, count: int = 8) -> str:
    """The first `count` words of the first heading, paragraph or other stretch of text in
    the HTML `text`, with an ellipsis when there are more: a title for a post without one."""
    for stretch in TEXT_BREAK.split(text[:FIRST_WORDS_SCAN]):
        words = plain_text(stretch).split()
        if words:
            return " ".join(words[:count]) + ("…" if len(words) > count else "")
    return ""


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:.") + "…"


def _frames_as_links(text: str, warn) -> str:
    """`text` with each frame that shows an http(s) address replaced by a link to it."""
    pieces, done = [], 0
    while opening := IFRAME_OPEN.search(text, done):
        source = IFRAME_SOURCE.search(opening.group(1))
        if source is None:  # left for nh3, which drops it with its content
            pieces.append(text[done : opening.end()])
            done = opening.end()
            continue
        closing = IFRAME_CLOSE.search(text, opening.end())
        pieces += [text[done : opening.start()], _embed_link(source.group(1), warn)]
        done = closing.end() if closing else len(text)
    return "".join([*pieces, text[done:]])


def _embed_link(url: str, warn) -> str:
    warn(f"an embedded frame became a link: {url[:80]}")
    safe = html.escape(url)
    return f'<p><a href="{safe}">{safe}</a></p>'
