"""Read a WordPress eXtended RSS (WXR) export into plain dataclasses, streaming and defused."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from quietroom.importers.repair import RepairingReader, Repairs, original_column

# WXR 1.0–1.2 each use their own namespace, over http or https.
WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/$")
EXCERPT_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/excerpt/$")
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
SUPPORTED_VERSION = re.compile(r"^1\.[0-2]$")

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_CONTENT_CHARS = 5 * 1024 * 1024
# rss/channel/item/postmeta/meta_value is five deep; nothing legitimate goes far past it.
MAX_DEPTH = 32


class WxrError(Exception):
    """The file cannot be read as a WordPress export; the message says why."""


@dataclass
class Channel:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        """The exported site's address: what import keys are scoped to."""
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


@dataclass
class Author:
    login: str
    display_name: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""

    @property
    def name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return self.display_name or full or self.login


@dataclass
class Term:
    """A category or tag declared in the export's header."""

    kind: str  # "category" or "tag"
    slug: str
    name: str
    description: str = ""


@dataclass
class ItemTerm:
    domain: str  # "category", "post_tag", "post_format", ...
    slug: str
    name: str


@dataclass
class Item:
    """One post, page, attachment or other entry of the export, as written in the file."""

    title: str = ""
    link: str = ""
    guid: str = ""
    post_id: int | None = None
    post_type: str = ""
    status: str = ""
    slug: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    pub_date: str = ""
    parent_id: int | None = None
    menu_order: int = 0
    password: str = ""
    attachment_url: str = ""
    terms: list[ItemTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0
    skip_reason: str = ""

    @property
    def key(self) -> str:
        """What identifies this item across imports: its post id, else its guid or link."""
        if self.post_id is not None:
            return f"id:{self.post_id}"
        return f"guid:{self.guid or self.link}"[:255]

    @property
    def label(self) -> str:
        """How warnings name the item."""
        title = self.title if len(self.title) <= 60 else self.title[:57] + "…"
        number = f" {self.post_id}" if self.post_id is not None else ""
        if not title and self.link:
            return f"{self.post_type or 'item'}{number} at {self.link[:80]}"
        return f"{self.post_type or 'item'}{number} “{title}”"


Entry = Channel | Author | Term | Item | Repairs


def check_size(path: Path, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse a file larger than `limit` before reading any of it."""
    size = path.stat().st_size
    if size > limit:
        raise WxrError(
            f"{path.name} is {size / 1024**2:.0f} MB; the limit is {limit / 1024**2:.0f} MB. "
            "Split the export in WordPress (Tools → Export, by date range) and import each part."
        )


def read_wxr(source: Path | BinaryIO) -> Iterator[Entry]:
    """Yield the channel, then its authors, terms and items in file order, and last the
    repairs made on the way (see repair.py).

    `source` is a path or a binary file. Streams the file: each top-level element is
    dropped once read, so memory follows the largest item, not the file. Bare ampersands
    and HTML named entities, which Squarespace writes, are repaired as the file is read;
    DTDs and entity declarations are refused (defused parser). Raises WxrError for
    anything that is not a well-formed WordPress export, with the line and column of the
    original file.
    """
    if not isinstance(source, Path):
        yield from _read(source)
        return
    with open(source, "rb") as handle:
        yield from _read(handle)


def _read(handle) -> Iterator[Entry]:
    channel_info = Channel()
    announced = False
    repaired = RepairingReader(handle)
    try:
        stack: list[Element] = []
        for event, element in iterparse(repaired, events=("start", "end"), forbid_dtd=True):
            if event == "start":
                stack.append(element)
                _check_start(stack)
                continue
            stack.pop()
            if len(stack) != 2:
                continue
            entry = _top_level(element, channel_info)
            stack[1].remove(element)
            if entry is None:
                continue
            if not announced:
                announced = True
                yield _finish_channel(channel_info)
            yield entry
    except DefusedXmlException as error:
        raise WxrError(
            "The file contains a DTD/entities; not a WordPress export "
            f"(WordPress never writes them, and they are refused for safety: {error})."
        ) from error
    except ParseError as error:
        raise WxrError(_not_well_formed(error, handle, repaired.repairs)) from error
    if not announced:
        yield _finish_channel(channel_info)
    yield repaired.repairs


def _not_well_formed(error: ParseError, handle, repairs: Repairs) -> str:
    line, column = error.position
    if repairs.total and handle.seekable():
        column = original_column(handle, line, column)
    reason = str(error).split(":")[0]
    if reason == "undefined entity" and repairs.unknown:
        reason = f"undefined entity {repairs.unknown[:40]} (HTML does not define it either)"
    return (
        f"The file is not well-formed XML: {reason} at line {line}, column {column}. "
        "Nothing was imported."
    )


def _check_start(stack: list[Element]) -> None:
    depth = len(stack)
    if depth > MAX_DEPTH:
        raise WxrError(f"Elements are nested more than {MAX_DEPTH} deep; not a WordPress export.")
    if depth == 1 and stack[0].tag != "rss":
        raise WxrError(
            f"The file's root element is <{_local(stack[0].tag)}>, not <rss>; "
            "not a WordPress export."
        )
    if depth == 2 and stack[1].tag != "channel":
        raise WxrError("The <rss> element has no <channel>; not a WordPress export.")


def _finish_channel(channel: Channel) -> Channel:
    version = channel.wxr_version
    if not version:
        channel.warnings.append("The file has no wxr_version; it was read as WXR 1.2.")
    elif not SUPPORTED_VERSION.match(version):
        raise WxrError(
            f"The file declares WXR version “{version[:20]}”; this importer reads versions "
            "1.0 to 1.2. Export the site again from WordPress or Squarespace."
        )
    return channel


def _top_level(element: Element, channel: Channel) -> Entry | None:
    """Turn one child of <channel> into an entry, or note it on the channel."""
    namespace, name = _split(element.tag)
    wp = bool(WP_NAMESPACE.match(namespace))
    if namespace == "" and name == "item":
        return read_item(element)
    if wp and name in {"author", "wp_author"}:
        return _author(element)
    if wp and name in {"category", "tag"}:
        return _term(element, name)
    channel_field = (namespace == "" and name in {"title", "link"}) or (
        wp and name in {"wxr_version", "base_site_url", "base_blog_url"}
    )
    if channel_field:
        setattr(channel, name, _text(element))
    return None


def _author(element: Element) -> Author | None:
    fields = _wp_fields(element)
    login = fields.get("author_login", "")
    if not login:
        return None
    return Author(
        login=login,
        display_name=fields.get("author_display_name", ""),
        email=fields.get("author_email", ""),
        first_name=fields.get("author_first_name", ""),
        last_name=fields.get("author_last_name", ""),
    )


def _term(element: Element, name: str) -> Term | None:
    fields = _wp_fields(element)
    if name == "category":
        slug, label = fields.get("category_nicename", ""), fields.get("cat_name", "")
        description = fields.get("category_description", "")
    else:
        slug, label = fields.get("tag_slug", ""), fields.get("tag_name", "")
        description = fields.get("tag_description", "")
    if not (slug or label):
        return None
    return Term(
        kind="category" if name == "category" else "tag",
        slug=slug,
        name=label or slug,
        description=description,
    )


def read_item(element: Element) -> Item:
    """Read one <item> element."""
    item = Item()
    for child in element:
        namespace, name = _split(child.tag)
        if WP_NAMESPACE.match(namespace):
            _read_wp_field(item, name, child)
        elif namespace == CONTENT_NAMESPACE and name == "encoded":
            _read_content(item, child)
        elif EXCERPT_NAMESPACE.match(namespace) and name == "encoded":
            item.excerpt = _text(child)
        elif namespace == DC_NAMESPACE and name == "creator":
            item.creator = _text(child)
        elif namespace == "" and name == "category":
            item.terms.append(
                ItemTerm(child.get("domain", ""), child.get("nicename", ""), _text(child))
            )
        elif namespace == "" and name in {"title", "link", "guid"}:
            setattr(item, name, _text(child))
        elif namespace == "" and name == "pubDate":
            item.pub_date = _text(child)
    return item


WP_TEXT_FIELDS = {
    "post_type": "post_type",
    "status": "status",
    "post_name": "slug",
    "post_date": "post_date",
    "post_date_gmt": "post_date_gmt",
    "post_password": "password",
    "attachment_url": "attachment_url",
}


def _read_wp_field(item: Item, name: str, child: Element) -> None:
    if name in WP_TEXT_FIELDS:
        # The first occurrence wins, as when two namespaces alias one another.
        if not getattr(item, WP_TEXT_FIELDS[name]):
            setattr(item, WP_TEXT_FIELDS[name], _text(child))
    elif name == "post_id" and item.post_id is None:
        item.post_id = _number(_text(child))
    elif name == "post_parent":
        item.parent_id = _number(_text(child)) or None
    elif name == "menu_order":
        item.menu_order = _number(_text(child)) or 0
    elif name == "postmeta":
        fields = _wp_fields(child)
        if fields.get("meta_key"):
            item.meta.setdefault(fields["meta_key"], fields.get("meta_value", ""))
    elif name == "comment":
        item.comments += 1


def _read_content(item: Item, child: Element) -> None:
    content = _inner(child)
    if len(content) > MAX_CONTENT_CHARS:
        item.skip_reason = (
            f"its content is {len(content) / 1024**2:.0f} MB, over the "
            f"{MAX_CONTENT_CHARS / 1024**2:.0f} MB limit for one post"
        )
        return
    item.content = content


def _wp_fields(element: Element) -> dict[str, str]:
    """Text of the WordPress-namespaced children of `element`, by local name (first wins)."""
    fields: dict[str, str] = {}
    if not WP_NAMESPACE.match(_split(element.tag)[0]):
        return fields
    for child in element:
        namespace, name = _split(child.tag)
        if WP_NAMESPACE.match(namespace):
            fields.setdefault(name, _text(child))
    return fields


def _inner(element: Element) -> str:
    """Everything inside `element`: its text, and any markup left unescaped in the file."""
    parts = [element.text or ""]
    parts += [tostring(child, encoding="unicode") for child in element]
    return "".join(parts)


def _text(element: Element) -> str:
    return "".join(element.itertext()).strip()


def _number(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and len(text) < 19 else None


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return "", tag


def _local(tag: str) -> str:
    return _split(tag)[1][:40]
