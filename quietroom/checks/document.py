"""A page's content in neutral form, as the rules read it: no Django, no Wagtail."""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Location:
    """Where a finding is: a field, and within a StreamField the block and its child."""

    field: str
    label: str
    block: int | None = None
    block_id: str | None = None
    child: str | None = None

    @property
    def anchor(self) -> str:
        """Wagtail's content path for this place, e.g. `body.<block id>.alt_text`."""
        return ".".join(part for part in (self.field, self.block_id, self.child) if part)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    location: Location


@dataclass(frozen=True)
class Paragraph:
    text: str
    location: Location


@dataclass(frozen=True)
class ListItem:
    text: str
    location: Location


@dataclass(frozen=True)
class Quote:
    """A quotation; `correcting` marks one the article quotes in order to challenge it."""

    text: str
    location: Location
    correcting: bool = False


@dataclass(frozen=True)
class Image:
    """An image in the body or the hero; `alt` is None when no alt text was given at all."""

    alt: str | None
    location: Location
    caption: str = ""
    filename: str = ""


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    location: Location


@dataclass(frozen=True)
class Table:
    has_header: bool
    location: Location


Part = Heading | Paragraph | ListItem | Quote | Image | Link | Table
PROSE = (Paragraph, ListItem, Quote)


@dataclass
class Document:
    """Everything the checks need to know about one page."""

    title: str
    kind: str = "page"  # "article" for blog articles, which have a summary, hero and note
    summary: str = ""
    search_title: str = ""
    hero: Image | None = None
    content_note: str = ""
    crisis_resources: bool = False  # the practice has crisis resources to show with the note
    body: list[Part] = field(default_factory=list)
    language: str = "en"
    # When the page was last read and found true, for pages that record it (policies).
    last_reviewed: date | None = None

    @property
    def is_article(self) -> bool:
        return self.kind == "article"

    def parts(self, *kinds: type) -> list:
        return [part for part in self.body if isinstance(part, kinds)]

    def prose(self) -> list:
        return self.parts(*PROSE)

    def images(self) -> list[Image]:
        hero = [self.hero] if self.hero else []
        return hero + self.parts(Image)
