"""WordPress shortcodes turned into plain HTML the body mapper understands, or removed."""

import re
from collections.abc import Callable
from html import escape

ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))""")
# Openings are read only up to the next bracket, and a closing tag is looked for only when
# one follows (see _enclosed): a lazy `(.*?)\[/name\]` rescans to the end for every opening
# that is never closed, which made a run of "[caption]" quadratic.
CAPTION = re.compile(r"\[(caption|wp_caption)\b([^\[\]]*+)\]", re.IGNORECASE)
EMBED = re.compile(r"\[(embed)\b([^\[\]]*+)\]", re.IGNORECASE)
CLOSING = re.compile(r"\[/([a-zA-Z][\w-]*+)\]")
MEDIA = re.compile(r"\[(gallery|video|audio|playlist)\b([^\[\]]*?)/?\]", re.IGNORECASE)
MEDIA_CLOSE = re.compile(r"\[/(video|audio)\]", re.IGNORECASE)
ENCLOSING = re.compile(r"\[([a-zA-Z][\w-]*+)([^\[\]]*+)\]")
# Unknown self-closing shortcodes are recognised by a dash or underscore in the name or by
# attributes (decided in _remove_unknown), so bracketed words in prose ("[sic]", "[1]") stay.
SELF_CLOSING = ENCLOSING
SHORTCODE_NAME = re.compile(r"[a-zA-Z]\w*[-_]")
STARTS_WITH_ATTRIBUTE = re.compile(r"\s+[\w-]+\s*=")
# Real shortcodes nest a few deep; each level costs one more pass over the text.
MAX_NESTING = 20
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
    text = _enclosed(text, CAPTION, _caption, ignore_case=True)
    text = _enclosed(text, EMBED, lambda name, attrs, inner: _link(inner.strip()), ignore_case=True)
    text = MEDIA.sub(lambda m: _media(m, gallery_ids, warn), text)
    text = MEDIA_CLOSE.sub("", text)
    text = _remove_unknown(text, warn)
    return re.sub(r"\x00(\d+)\x00", lambda m: placeholders[int(m.group(1))], text)


def _enclosed(text: str, opening: re.Pattern, replace, ignore_case=False) -> str:
    """`text` with each shortcode found by `opening` and closed by a later [/name] (the first
    one) replaced by replace(name, attributes, inner text); in time linear in `text`."""
    folded = text.lower() if ignore_case else text
    last_closing = {found.group(1): found.start() for found in CLOSING.finditer(folded)}
    pieces, done, at = [], 0, 0
    while found := opening.search(text, at):
        name = found.group(1).lower() if ignore_case else found.group(1)
        at = found.end()
        if last_closing.get(name, -1) < at:
            continue
        closing = folded.find(f"[/{name}]", at)
        pieces += [
            text[done : found.start()],
            replace(found.group(1), found.group(2), text[at:closing]),
        ]
        done = at = closing + len(name) + 3
    return "".join([*pieces, text[done:]])


def _caption(name: str, attrs: str, inner: str) -> str:
    caption = attributes(attrs).get("caption", "")
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
    def unwrap(name, attrs, inner):
        warn(f"the [{name}] shortcode was removed; its text was kept")
        return inner

    def drop(match):
        name, attrs = match.groups()
        if not (SHORTCODE_NAME.match(name) or STARTS_WITH_ATTRIBUTE.match(attrs)):
            return match.group(0)
        warn(f"the [{name}] shortcode was removed")
        return ""

    previous = None
    for _ in range(MAX_NESTING):
        if previous == text:
            break
        previous, text = text, _enclosed(text, ENCLOSING, unwrap)
    return SELF_CLOSING.sub(drop, text)
