"""Documents from Wagtail pages: a page type that knows its fields builds its own
(`quality_document`, as articles do), any other page is read from its rich text."""

from pathlib import PurePosixPath

from wagtail.blocks import StreamValue, StructValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText

from quietroom.checks.document import Document, Image, Location, Paragraph, Part, Quote
from quietroom.checks.html import parts_from_html


def document_for_page(page: Page, *, crisis_resources=False, language="en") -> Document:
    """The Document for `page` as it is in memory (a revision or an unsaved preview counts).

    `crisis_resources` says whether the practice has crisis resources to show with a content
    note; `language` picks the term lists.
    """
    if type(page) is Page:
        page = page.specific
    if hasattr(page, "quality_document"):
        return page.quality_document(crisis_resources=crisis_resources, language=language)
    return Document(
        title=page.title,
        summary=page.search_description,
        search_title=page.seo_title,
        body=page_parts(page),
        language=language,
        last_reviewed=getattr(page, "last_reviewed", None),
    )


def file_name(image) -> str:
    """The file name of a Wagtail image, or an empty string without one."""
    return PurePosixPath(image.file.name).name if image and image.file else ""


def image_field(image, alt: str, caption: str, field: str, label: str) -> Image | None:
    """An image chosen in a page field (a hero), located at its alt text field, or None."""
    if image is None:
        return None
    return Image(
        alt=alt, location=Location(field, label), caption=caption, filename=file_name(image)
    )


def page_parts(page: Page) -> list[Part]:
    """Parts of every rich text and StreamField field of a page that is not an article."""
    parts = []
    for field in page._meta.concrete_fields:
        label = str(field.verbose_name).capitalize()
        if isinstance(field, RichTextField):
            parts += parts_from_html(getattr(page, field.name), Location(field.name, label))
        elif isinstance(field, StreamField):
            parts += stream_parts(getattr(page, field.name), field.name, label)
    return parts


def stream_parts(stream: StreamValue, field: str, label: str) -> list[Part]:
    """Parts of each block of a StreamField, located by the block's position and id."""
    parts = []
    for index, block in enumerate(stream, start=1):
        kind = str(block.block.label or block.block_type).lower()
        location = Location(field, f"{label}, block {index} ({kind})", index, block.id)
        parts += value_parts(block.value, location)
    return parts


def _child(location: Location, name: str) -> Location:
    return Location(location.field, location.label, location.block, location.block_id, name)


def value_parts(value, location: Location) -> list[Part]:
    """Parts of one block value: a pull quote, an image with alt text, rich text or plain text."""
    if isinstance(value, RichText):
        return parts_from_html(value.source, location)
    if isinstance(value, str):
        return [Paragraph(value, location)] if value.strip() else []
    if isinstance(value, StructValue | dict):
        if "quote" in value:
            correcting = bool(value.get("correcting"))
            return [Quote(value["quote"], _child(location, "quote"), correcting=correcting)]
        if "alt_text" in value:
            return [
                Image(
                    alt=value.get("alt_text"),
                    location=_child(location, "alt_text"),
                    caption=value.get("caption") or "",
                    filename=file_name(value.get("image")),
                )
            ]
        return [
            part
            for name, child in value.items()
            for part in value_parts(child, _child(location, name))
        ]
    if isinstance(value, StreamValue | list | tuple):
        return [
            part for item in value for part in value_parts(getattr(item, "value", item), location)
        ]
    return []
