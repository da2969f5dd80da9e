"""Map a post's HTML onto the article body blocks: text, quote, callout and image."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from quietroom.blog.blocks import CALLOUT_FEATURES, TEXT_FEATURES
from quietroom.importers.sanitise import autop, plain_text, sanitise, shorten
from quietroom.importers.shortcodes import expand_shortcodes
from quietroom.importers.squarespace import squarespace_blocks
from quietroom.security import sanitize

# The text block has h2 and h3: a body's h1 sits under the page title, and deeper levels
# fold into h3 so no heading is lost.
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
QUOTE_LIMIT = 300
ATTRIBUTION_LIMIT = 120
CALLOUT_HEADING_LIMIT = 120
ALT_LIMIT = 250
CAPTION_LIMIT = 250
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")


@dataclass(frozen=True)
class ImageRef:
    """An imported image a body can point at, with the alt text it was imported with."""

    id: int
    alt: str = ""


@dataclass
class Resolver:
    """How a body finds what it refers to; load.py supplies the lookups."""

    image: Callable[[str, int | None], ImageRef | None]
    page: Callable[[str], int | None]
    gallery_ids: Callable[[], list[int]] = list


@dataclass
class Body:
    blocks: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    complete: bool = True  # every image was found


def clean_rich_text(html: str) -> str:
    """What Wagtail itself stores for `html` in a text block (the project's one sanitiser)."""
    return sanitize.clean_rich_text(html, TEXT_FEATURES)


def convert_body(content: str, resolver: Resolver, classic: bool | None = None) -> Body:
    """Turn WordPress or Squarespace post HTML into article body blocks.

    Shortcodes are expanded, Squarespace's players made links and its forms removed,
    classic-editor paragraphs restored, the HTML cleaned with nh3, links to imported
    posts made page links, images resolved to imported images, and each text block
    passed through Wagtail's converter.
    """
    body = Body()
    warn = body.warnings.append
    text = expand_shortcodes(content, resolver.gallery_ids, warn)
    text = squarespace_blocks(text, warn)
    if classic if classic is not None else "<!-- wp:" not in text:
        text = autop(text)
    soup = BeautifulSoup(sanitise(text, warn), "html.parser")
    _rewrite_links(soup, resolver)
    builder = _Builder(body, resolver)
    for node in list(soup.contents):
        builder.visit(node)
    builder.flush()
    return body


def node_text(node: Tag | None) -> str:
    """The text a reader sees in `node`, whitespace collapsed.

    Never parsed again as HTML: a quoted `<blockquote>` written as text stays in the text.
    """
    return " ".join(node.get_text(" ").split()) if node is not None else ""


def _rewrite_links(soup: BeautifulSoup, resolver: Resolver) -> None:
    for link in soup.find_all("a"):
        href = (link.get("href") or "").strip()
        if not href:
            link.unwrap()
            continue
        page_id = resolver.page(href)
        link.attrs = {"linktype": "page", "id": str(page_id)} if page_id else {"href": href}


class _Builder:
    """Collects text into text blocks, breaking them where a quote or image comes."""

    def __init__(self, body: Body, resolver: Resolver):
        self.body, self.resolver = body, resolver
        self.text: list[str] = []
        self.paragraph: list[str] = []

    def visit(self, node) -> None:
        if isinstance(node, NavigableString):
            if str(node).strip():
                self.paragraph.append(escape(str(node)))
            return
        name = node.name
        if name in HEADINGS:
            node.name = HEADINGS[name]
            self.block_html(node)
        elif name in {"p", "li", "td", "th", "caption", "figcaption", "cite", "dd"}:
            self.paragraph_of(node)
        elif name == "dt":
            self.paragraph.append(f"<strong>{escape(node_text(node))}</strong>")
            self.close_paragraph()
        elif name == "dl":
            for child in list(node.children):
                self.visit(child)
        elif name in {"ul", "ol"} and _is_gallery(node):
            self.gallery(node)
        elif name in {"ul", "ol"}:
            self.block_html(node)
        elif name == "blockquote":
            self.quote(node)
        elif name == "aside":
            self.callout(node)
        elif name == "figure":
            self.figure(node)
        elif name == "table" or name in {"thead", "tbody", "tfoot", "tr"}:
            self.table(node)
        elif name == "img":
            self.image(node)
        elif name == "br":
            self.close_paragraph()
        else:
            self.inline(node)

    def inline(self, node: Tag) -> None:
        images = node.find_all("img")
        for image in images:
            image.extract()
        if node.get_text().strip():
            self.paragraph.append(str(node))
        for image in images:
            self.image(image)

    def paragraph_of(self, node: Tag) -> None:
        self.close_paragraph()
        for child in list(node.children):
            if isinstance(child, NavigableString):
                self.paragraph.append(escape(str(child)))
            elif child.name == "br":
                self.paragraph.append("<br/>")
            elif child.name == "img":
                self.image(child)
            else:
                self.inline(child)
        self.close_paragraph()

    def block_html(self, node: Tag) -> None:
        images = node.find_all("img")
        for image in images:
            image.extract()
        # A list item that held only an image would be an empty bullet.
        for item in node.find_all("li"):
            if not item.get_text().strip():
                item.decompose()
        self.close_paragraph()
        if node.get_text().strip():
            self.text.append(str(node))
        for image in images:
            self.image(image)

    def gallery(self, node: Tag) -> None:
        """A list of images (WordPress's gallery block): each an image with its caption."""
        for item in node.find_all("li", recursive=False):
            caption = node_text(item.find("figcaption"))
            for index, image in enumerate(item.find_all("img")):
                self.image(image, caption if index == 0 else "")

    def quote(self, node: Tag) -> None:
        """A short plain quotation becomes a pull quote; a long one, or one with a link,
        stays a quotation in the text, with its links and emphasis."""
        cite = node.find(["cite", "footer"])
        if cite:
            cite.extract()
        for image in node.find_all("img"):
            self.image(image.extract())
        paragraphs = node.find_all("p") or [node]
        parts = [node_text(p) for p in paragraphs]
        quote = "\n".join(part for part in parts if part)
        if not quote:
            return
        attribution = node_text(cite).lstrip("—–- ").strip()
        if len(quote) <= QUOTE_LIMIT and not node.find("a") and not (cite and cite.find("a")):
            self.add_block(
                "quote", {"quote": quote, "attribution": shorten(attribution, ATTRIBUTION_LIMIT)}
            )
            return
        self.close_paragraph()
        # The editor's quotation holds a line of text: one per paragraph of the original.
        self.text += [
            f"<blockquote>{p.decode_contents().strip()}</blockquote>"
            for p, part in zip(paragraphs, parts, strict=True)
            if part
        ]
        if source := _source_line(cite, node.get("cite")):
            self.text.append(f"<p>{source}</p>")

    def callout(self, node: Tag) -> None:
        """An aside, set apart from the text around it, becomes a callout: its first heading
        the callout's heading, the rest its text (lists, links and emphasis kept); images in
        it follow it. An aside with nothing but a heading is read as text."""
        images = [image.extract() for image in node.find_all("img")]
        heading = node.find(list(HEADINGS))
        title = node_text(heading)
        if heading is not None:
            heading.extract()
        # Later headings would be dropped by the callout's features: they stay as paragraphs.
        for other in node.find_all(list(HEADINGS)):
            other.name = "p"
        text = sanitize.clean_rich_text(_paragraphs(node), CALLOUT_FEATURES)
        if plain_text(text):
            value = {"heading": shorten(title, CALLOUT_HEADING_LIMIT), "text": text}
            self.add_block("callout", value)
        elif heading is not None:
            heading.name = HEADINGS[heading.name]
            self.block_html(heading)
        for image in images:
            self.image(image)

    def figure(self, node: Tag) -> None:
        caption_node = node.find("figcaption")
        caption = node_text(caption_node)
        if node.find("figure") or not (node.find("img") or node.find("blockquote")):
            for child in list(node.children):
                self.visit(child)
            return
        if caption_node:
            caption_node.extract()
        quote = node.find("blockquote")
        if quote and not node.find("img"):
            if caption and not quote.find(["cite", "footer"]):
                quote.append(BeautifulSoup(f"<cite>{escape(caption)}</cite>", "html.parser"))
            self.quote(quote)
            return
        for index, image in enumerate(node.find_all("img")):
            self.image(image, caption if index == 0 else "")

    def table(self, node: Tag) -> None:
        rows = node.find_all("tr") if node.name != "tr" else [node]
        lines = [
            " · ".join(text for cell in row.find_all(["td", "th"]) if (text := node_text(cell)))
            for row in rows
        ]
        lines = [line for line in lines if line]
        if lines:
            self.body.warnings.append("a table was kept as plain lines of text")
            self.close_paragraph()
            self.text += [f"<p>{escape(line)}</p>" for line in lines]

    def image(self, node: Tag, caption: str = "") -> None:
        source = node.get("src") or node.get("data-src") or node.get("data-image") or ""
        found = WP_IMAGE_CLASS.search(" ".join(node.get("class") or []))
        number = node.get("data-wp-id") or (found.group(1) if found else None)
        if not source and not number:
            # nh3 removed an address with a scheme other than http(s), or there was none.
            self.body.warnings.append("an image without a usable address was left out")
            return
        ref = self.resolver.image(source, int(number) if number else None)
        if ref is None:
            self.body.complete = False
            what = source or f"attachment {number}"
            lost = f" with its caption “{shorten(caption, 80)}”" if caption else ""
            self.body.warnings.append(f"image {what[:100]} was not found; it was left out{lost}")
            return
        alt = plain_text(node.get("alt") or "") or ref.alt
        if not alt:
            self.body.warnings.append(
                f"image {source[:100]} has no alt text; describe it in the editor"
            )
        value = {
            "image": ref.id,
            "alt_text": shorten(alt, ALT_LIMIT),
            "caption": shorten(caption, CAPTION_LIMIT),
        }
        self.add_block("image", value)

    def close_paragraph(self) -> None:
        html = "".join(self.paragraph).strip()
        self.paragraph = []
        if html and html != "<br/>":
            self.text.append(f"<p>{html}</p>")

    def add_block(self, kind: str, value) -> None:
        self.flush()
        self.body.blocks.append({"type": kind, "value": value})

    def flush(self) -> None:
        self.close_paragraph()
        html = clean_rich_text("".join(self.text)) if self.text else ""
        self.text = []
        if plain_text(html):
            self.body.blocks.append({"type": "text", "value": html})


def _is_gallery(node: Tag) -> bool:
    """True for a list whose every item is an image, perhaps captioned, and nothing else."""
    items = node.find_all("li", recursive=False)
    if not items:
        return False
    for item in items:
        if not item.find("img"):
            return False
        caption = item.find("figcaption")
        if len(node_text(item)) > len(node_text(caption)):
            return False
    return True


def _paragraphs(node: Tag) -> str:
    """The content of `node` as block HTML: loose text and inline tags made paragraphs."""
    parts, loose = [], []
    for child in [*node.children, None]:
        if child is None or (isinstance(child, Tag) and child.name in {"p", "ul", "ol"}):
            if "".join(loose).strip():
                parts.append(f"<p>{''.join(loose).strip()}</p>")
            loose = []
            if child is not None:
                parts.append(str(child))
        else:
            loose.append(str(child) if isinstance(child, Tag) else escape(str(child)))
    return "".join(parts)


def _source_line(cite: Tag | None, cite_url: str | None) -> str:
    """The attribution of a quotation kept in the text, as HTML: its cite or footer with its
    links, else the address the blockquote names as its source."""
    if cite is not None and node_text(cite):
        inner = cite.decode_contents().strip()
        return "— " + re.sub(r"^[—–-]+\s*", "", inner)
    url = sanitize.safe_url(cite_url or "")
    host = urlsplit(url).hostname if url.startswith(("http://", "https://")) else None
    if not host:
        return ""
    return f'Source: <a href="{escape(url)}">{escape(host.removeprefix("www."))}</a>'
