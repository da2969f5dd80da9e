"""Body parts from HTML (rich text, imported posts), read with BeautifulSoup."""

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from quietroom.checks.document import (
    Heading,
    Image,
    Link,
    ListItem,
    Location,
    Paragraph,
    Part,
    Quote,
    Table,
)

HEADINGS = {f"h{level}": level for level in range(1, 7)}
CONTAINERS = {
    "div", "section", "article", "aside", "main", "header", "footer", "nav", "details",
    "summary", "dl", "dt", "dd", "center", "body", "html", "form", "fieldset",
}  # fmt: skip
BLOCKS = {*HEADINGS, "p", "ul", "ol", "blockquote", "table", "figure", "hr", "pre"}
SKIPPED = {"script", "style", "template", "noscript", "iframe", "object", "svg", "head"}
CORRECTING_MARK = "correcting"  # class or data attribute on a blockquote quoted to challenge it
_BLANK_LINE = re.compile(r"\n\s*\n")


def clean_text(text: str) -> str:
    """`text` with runs of white space made single spaces."""
    return " ".join(text.split())


def text_of(node: Tag) -> str:
    """The visible text of `node`: inline markup joins up, line breaks and blocks part words."""
    pieces = []
    for item in node.descendants:
        if isinstance(item, Comment):
            continue
        if isinstance(item, NavigableString):
            if item.parent.name not in SKIPPED:
                pieces.append(str(item))
        elif item.name == "br" or item.name in BLOCKS or item.name in CONTAINERS:
            pieces.append(" ")
    return clean_text("".join(pieces))


def filename(src: str) -> str:
    """The last part of an image address, without its query: `rain.jpg`."""
    return PurePosixPath(urlsplit(src or "").path).name


def _image(tag: Tag, location: Location) -> Image:
    figure = tag.find_parent("figure")
    caption = figure.find("figcaption") if figure else None
    return Image(
        alt=tag.get("alt"),
        location=location,
        caption=text_of(caption) if caption else "",
        filename=filename(tag.get("src", "")),
    )


def _link_text(tag: Tag) -> str:
    alts = [img.get("alt", "") for img in tag.find_all("img")]
    return clean_text(" ".join([text_of(tag), *alts]))


def _inline_parts(tag: Tag, location: Location) -> list[Part]:
    """Links and images inside `tag` (and `tag` itself), in document order."""
    found = []
    for node in [tag, *tag.find_all(True)]:
        if node.name == "a" and (node.has_attr("href") or node.has_attr("linktype")):
            href = node.get("href") or f"{node.get('linktype')}:{node.get('id', '')}"
            found.append(Link(_link_text(node), href, location))
        elif node.name == "img":
            found.append(_image(node, location))
        elif node.name == "embed" and node.get("embedtype") == "image":
            found.append(Image(node.get("alt"), location))
    return found


def _is_correcting(tag: Tag) -> bool:
    return CORRECTING_MARK in (tag.get("class") or []) or tag.has_attr(f"data-{CORRECTING_MARK}")


def _list_items(tag: Tag, location: Location) -> list[Part]:
    found = []
    for item in tag.find_all("li", recursive=False):
        own = [child for child in item.children if getattr(child, "name", None) not in {"ul", "ol"}]
        text = clean_text(" ".join(text_of(c) if isinstance(c, Tag) else str(c) for c in own))
        if text:
            found.append(ListItem(text, location))
        for child in own:
            if isinstance(child, Tag):
                found += _inline_parts(child, location)
        for nested in item.find_all(["ul", "ol"], recursive=False):
            found += _list_items(nested, location)
    return found


def _block(tag: Tag, location: Location) -> list[Part]:
    """The parts of one block-level element."""
    name = tag.name
    text = text_of(tag)
    if name in HEADINGS:
        return [Heading(HEADINGS[name], text, location), *_inline_parts(tag, location)]
    if name == "p":
        return ([Paragraph(text, location)] if text else []) + _inline_parts(tag, location)
    if name in {"ul", "ol"}:
        return _list_items(tag, location)
    if name == "blockquote":
        quote = [Quote(text, location, correcting=_is_correcting(tag))] if text else []
        return quote + _inline_parts(tag, location)
    if name == "table":
        has_header = tag.find("th") is not None or tag.find("thead") is not None
        return [Table(has_header, location), *_inline_parts(tag, location)]
    if name == "figure":
        return _inline_parts(tag, location)
    return walk(tag, location)


def _loose_paragraphs(buffer: list, location: Location) -> list[Part]:
    text = "".join(
        text_of(n) if isinstance(n, Tag) else "" if isinstance(n, Comment) else str(n)
        for n in buffer
    )
    found = [Paragraph(clean_text(chunk), location) for chunk in _BLANK_LINE.split(text)]
    for node in buffer:
        if isinstance(node, Tag):
            found += _inline_parts(node, location)
    return [part for part in found if not isinstance(part, Paragraph) or part.text]


def walk(parent: Tag, location: Location) -> list[Part]:
    """Parts of `parent`'s children; text outside any block becomes paragraphs (WordPress)."""
    found, buffer = [], []
    for child in parent.children:
        name = getattr(child, "name", None)
        if name in SKIPPED:
            continue
        if isinstance(child, Tag) and (name in CONTAINERS or name in BLOCKS):
            found += _loose_paragraphs(buffer, location)
            buffer = []
            found += _block(child, location)
        elif isinstance(child, NavigableString | Tag):
            buffer.append(child)
    return found + _loose_paragraphs(buffer, location)


def parts_from_html(html: str, location: Location) -> list[Part]:
    """The headings, prose, images, links and tables of an HTML fragment, in reading order."""
    return walk(BeautifulSoup(html or "", "html.parser"), location)
