"""WordPress shortcodes turned into plain HTML the body mapper understands, or removed."""

import re
from collections.abc import Callable
from html import escape

ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))""")
CAPTION = re.compile(r"\[(caption|wp_caption)\b([^\]]*)\](.*?)\[/\1\]", re.DOTALL | re.IGNORECASE)
EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.DOTALL | re.IGNORECASE)
MEDIA = re.compile(r"\[(gallery|video|audio|playlist)\b([^\]]*?)/?\]", re.IGNORECASE)
MEDIA_CLOSE = re.compile(r"\[/(video|audio)\]", re.IGNORECASE)
ENCLOSING = re.compile(r"\[([a-zA-Z][\w-]*)\b([^\]]*)\](.*?)\[/\1\]", re.DOTALL)
# Unknown self-closing shortcodes are recognised by a dash or underscore in the name or by
# attributes, so bracketed words in prose ("[sic]", "[1]") are left alone.
SELF_CLOSING = re.compile(r"\[([a-zA-Z][\w]*[-_][\w-]*|[a-zA-Z][\w-]*(?=\s+[\w-]+\s*=))([^\]]*)\]")
ESCAPED = re.compile(r"\[(\[[^\[\]]*\])\]")
LEADING_IMAGE = re.compile(
    r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL | re.IGNORECASE
)
MEDIA_SOURCE_KEYS = ("src", "mp4", "m4v", "webm", "ogv", "mp3", "ogg", "wav", "m4a")


def attributes(text: str) -> dict[str, str]:
    """The name="value" pairs of a shortcode's opening tag."""
    return {
        match.group(1).lower(): next(g for g in match.groups()[1:] if g is not None)
        for match in ATTRIBUTE.finditer(text)
    }


def expand_shortcodes(
    text: str, gallery_ids: Callable[[], list[int]], warn: Callable[[str], None]
) -> str:
    """Replace shortcodes in `text` with HTML.

    Captions become figures, galleries become images of the named (or attached)
    attachments, embeds, videos and audio become links; any other shortcode is
    removed (keeping the text it wraps) and reported through `warn`.
    """
    if "[" not in text:
        return text
    placeholders: list[str] = []

    def protect(match):
        placeholders.append(match.group(1))
        return f"\x00{len(placeholders) - 1}\x00"

    text = ESCAPED.sub(protect, text)
    text = CAPTION.sub(_caption, text)
    text = EMBED.sub(lambda m: _link(m.group(1).strip()), text)
    text = MEDIA.sub(lambda m: _media(m, gallery_ids, warn), text)
    text = MEDIA_CLOSE.sub("", text)
    text = _remove_unknown(text, warn)
    return re.sub(r"\x00(\d+)\x00", lambda m: placeholders[int(m.group(1))], text)


def _caption(match: re.Match) -> str:
    inner = match.group(3)
    caption = attributes(match.group(2)).get("caption", "")
    found = LEADING_IMAGE.match(inner)
    image, rest = (found.group(1), found.group(2)) if found else (inner, "")
    caption = (rest.strip() or caption).strip()
    return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"


def _link(url: str) -> str:
    if not re.match(r"^https?://\S+$", url):
        return ""
    return f'<p><a href="{escape(url)}">{escape(url)}</a></p>'


def _media(match: re.Match, gallery_ids, warn) -> str:
    name, attrs = match.group(1).lower(), attributes(match.group(2))
    if name == "gallery":
        ids = [int(n) for n in re.findall(r"\d+", attrs.get("ids", attrs.get("include", "")))]
        ids = ids or gallery_ids()
        if not ids:
            warn("a [gallery] with no images was left out")
        return "".join(f'<p><img data-wp-id="{number}"></p>' for number in ids)
    source = next((attrs[key] for key in MEDIA_SOURCE_KEYS if attrs.get(key)), "")
    if not source:
        warn(f"a [{name}] shortcode without a file was left out")
        return ""
    warn(f"a [{name}] player became a link to its file: {source[:80]}")
    return _link(source)


def _remove_unknown(text: str, warn) -> str:
    def unwrap(match):
        warn(f"the [{match.group(1)}] shortcode was removed; its text was kept")
        return match.group(3)

    def drop(match):
        warn(f"the [{match.group(1)}] shortcode was removed")
        return ""

    previous = None
    while previous != text:
        previous, text = text, ENCLOSING.sub(unwrap, text)
    return SELF_CLOSING.sub(drop, text)
