"""Squarespace's content blocks as plain HTML: players become links, sign-up and form blocks go."""

import json
import re
from collections.abc import Callable
from html import escape

from bs4 import BeautifulSoup, Tag

# The classes that mark each kind of block: the block's own (its outermost element carries
# "sqs-block" and e.g. "sqs-block-video"), then the part inside it that holds what counts.
VIDEO = ("sqs-block-video", "sqs-video-wrapper")
AUDIO = ("sqs-block-audio", "sqs-audio-embed")
NEWSLETTER = ("sqs-block-newsletter", "newsletter-form-wrapper")
FORM = ("sqs-block-form",)
KINDS = (VIDEO, AUDIO, NEWSLETTER, FORM)
LEFT_OUT = {
    NEWSLETTER: "a newsletter sign-up block was left out (Quietroom keeps no mailing list; "
    "link to your newsletter service if you still use one)",
    FORM: "a form block was left out (forms are not imported; readers can reach you "
    "through the contact page)",
}
# Every class looked for is Squarespace's own: WordPress content is never touched here.
SQUARESPACE = re.compile(r"sqs-|newsletter-form-wrapper")
TITLE_LIMIT = 200


def squarespace_blocks(text: str, warn: Callable[[str], None]) -> str:
    """`text` with Squarespace's video and audio blocks replaced by links to their media,
    titled as they were, and its newsletter and form blocks removed; each change is
    reported through `warn`. Anything else is left for the cleaner (sanitise.py), which
    would otherwise drop the players without a trace and keep the forms' labels."""
    if not SQUARESPACE.search(text):
        return text
    soup = BeautifulSoup(text, "html.parser")
    blocks = list(_outermost_blocks(soup))
    for kind, block in blocks:
        if kind in LEFT_OUT:
            block.decompose()
            warn(LEFT_OUT[kind])
            continue
        inner = block.find(class_=kind[1]) or block  # the player, or the block when it has none
        found = _video(block, inner) if kind is VIDEO else _audio(inner)
        _replace(block, *found, warn)
    return str(soup) if blocks else text


def _outermost_blocks(soup: BeautifulSoup):
    """(kind, element) for each block, outermost first and never one inside another: the
    tree is walked once, without going into a block, so a hostile body of blocks nested
    thousands deep costs no more than its length."""
    waiting = list(reversed(soup.contents))
    while waiting:
        node = waiting.pop()
        if not isinstance(node, Tag):
            continue
        names = set(node.get("class") or ())
        kind = next((kind for kind in KINDS if names.intersection(kind)), None)
        if kind:
            yield kind, node
        else:
            waiting.extend(reversed(node.contents))


def _video(block: Tag, wrapper: Tag) -> tuple[str, str, str]:
    """(address, title, what it is) of a video block's player."""
    config = _json(block.get("data-block-json"))
    player = BeautifulSoup(wrapper.get("data-html") or "", "html.parser")
    frame = player.find(["iframe", "video", "source"])
    frame_source = frame.get("src", "") if frame else ""
    address = _web_address(config.get("url")) or _web_address(frame_source)
    provider = wrapper.get("data-provider-name") or config.get("providerName") or ""
    caption = block.find(class_=re.compile(r"caption"))
    title = (
        _plain(config.get("title"))
        or _plain(frame.get("title") if frame else "")
        or _plain(caption.get_text(" ") if caption else "")
        or address
    )
    kind = f"video on {_plain(provider)}" if _plain(provider) else "video"
    return address, title, kind


def _audio(embed: Tag) -> tuple[str, str, str]:
    address = _web_address(embed.get("data-url"))
    title = _plain(embed.get("data-title")) or address
    author = _plain(embed.get("data-author"))
    return address, f"{title} — {author}" if author and title != address else title, "audio"


def _replace(block: Tag, address: str, title: str, kind: str, warn) -> None:
    if not address:
        block.decompose()
        warn(f"a Squarespace {kind} block without a web address was left out")
        return
    title = title[:TITLE_LIMIT]
    link = f'<p><a href="{escape(address)}">{escape(title)}</a> ({escape(kind)})</p>'
    block.replace_with(BeautifulSoup(link, "html.parser"))
    warn(f"a Squarespace {kind.split(' ')[0]} block became a link to it: {address[:80]}")


def _json(text) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _web_address(value) -> str:
    """`value` as an http(s) address ("//host/..." players are served over https), or ''."""
    text = value.strip() if isinstance(value, str) else ""
    if text.startswith("//"):
        text = "https:" + text
    return text if re.match(r"^https?://[^\s<>\"']+$", text) else ""


def _plain(value) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""
