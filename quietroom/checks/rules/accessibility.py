"""Accessibility: alt text, heading structure, link text and table headers."""

import re
from pathlib import PurePosixPath

from quietroom.checks.document import Document, Heading, Image, Link, Table
from quietroom.checks.findings import ERROR, WARNING
from quietroom.checks.registry import Issue, rule
from quietroom.checks.terms import term_list
from quietroom.checks.text import excerpt, normalise

FAMILY = "accessibility"
MAX_ALT_LENGTH = 250
_FILE_EXTENSION = re.compile(r"\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$", re.IGNORECASE)
_CAMERA_NAME = re.compile(r"^(img|dsc|dscn|pxl|photo|screenshot)[\s_-]*\d", re.IGNORECASE)
_DIMENSIONS = re.compile(r"\b\d{2,5}\s*[x\u00d7]\s*\d{2,5}\b")  # "580x300", also with a times sign
_SEPARATORS = re.compile(r"[\s_\-.]+")
_EDGE_PUNCTUATION = " .,:;!?\"'()[]«»“”‘’…-–—"


def _image_name(image: Image) -> str:
    return "The hero image" if image.location.field.startswith("hero") else "This image"


@rule("alt-missing", family=FAMILY, level=ERROR, title="Image without alt text", adjustable=False)
def alt_missing(document: Document, config):
    """Yields an error for each image, hero included, without alt text."""
    for image in document.images():
        if not (image.alt or "").strip():
            named = f" ({image.filename})" if image.filename else ""
            yield Issue(
                image.location,
                f"{_image_name(image)}{named} has no alt text. Someone using a screen reader "
                "will not know what it shows. Describe it in a short sentence.",
            )


def _squash(text: str) -> str:
    return _SEPARATORS.sub(" ", text).strip().lower()


def looks_like_file_name(alt: str, filename: str) -> bool:
    """True when alt text is a file name, a camera's name for a photo, or its pixel size."""
    alt = alt.strip()
    stem = PurePosixPath(filename).stem if filename else ""
    return bool(
        _FILE_EXTENSION.search(alt)
        or _CAMERA_NAME.match(alt)
        or _DIMENSIONS.search(alt)
        or (stem and _squash(alt) == _squash(stem))
    )


def _alt_problem(image: Image, generic: set[str]) -> str | None:
    alt = image.alt.strip()
    quoted = f"“{excerpt(alt, 12)}”"
    if looks_like_file_name(alt, image.filename):
        return (
            f"The alt text {quoted} looks like a file name, and a screen reader will read it "
            "out as it is. Describe what the image shows instead."
        )
    if normalise(alt).strip(_EDGE_PUNCTUATION) in generic:
        return (
            f"The alt text {quoted} does not say what the image shows. Describe it in a short "
            "sentence, as you would to someone on the phone."
        )
    caption = normalise(image.caption).strip(_EDGE_PUNCTUATION)
    if caption and normalise(alt).strip(_EDGE_PUNCTUATION) == caption:
        return (
            "The alt text repeats the caption, so a screen reader user hears the same words "
            "twice. Use the alt text to say what the image shows, and the caption for the rest."
        )
    if len(alt) > MAX_ALT_LENGTH:
        return (
            f"The alt text is {len(alt)} characters long. Screen readers read it in one go, "
            f"so keep it under {MAX_ALT_LENGTH} and move the detail into the caption or the text."
        )
    return None


@rule("alt-text", family=FAMILY, level=WARNING, title="Alt text that does not describe the image")
def alt_text(document: Document, config):
    """Yields a warning for alt text that will not tell a listener what the image shows."""
    generic = set(term_list(document.language, "accessibility")["generic_alt_text"])
    for image in document.images():
        if (image.alt or "").strip():
            problem = _alt_problem(image, generic)
            if problem:
                yield Issue(image.location, problem)


@rule("heading-h1", family=FAMILY, level=WARNING, title="Main heading used inside the text")
def heading_h1(document: Document, config):
    """Yields a warning for each level-1 heading in the body."""
    for heading in document.parts(Heading):
        if heading.level == 1:
            yield Issue(
                heading.location,
                f"The heading “{excerpt(heading.text)}” is a main heading (level 1), but the "
                "title is already the page’s main heading. Make it a level-2 heading so screen "
                "reader users find one title and the sections under it.",
            )


@rule("heading-skipped", family=FAMILY, level=WARNING, title="Skipped heading level")
def heading_skipped(document: Document, config):
    """Yields a warning where a heading is more than one level below the one before."""
    previous = 1  # the page title is the level-1 heading
    for heading in document.parts(Heading):
        if heading.level > previous + 1:
            yield Issue(
                heading.location,
                f"The heading “{excerpt(heading.text)}” jumps from level {previous} to level "
                f"{heading.level}. Screen reader users move through an article by its headings, "
                f"and a skipped level makes them wonder what they missed. Use a level-"
                f"{previous + 1} heading here.",
            )
        previous = heading.level


def _is_address(text: str, href: str) -> bool:
    plain = text.strip().lower()
    return plain.startswith(("http://", "https://", "www.")) or (
        bool(href) and plain == href.strip().lower()
    )


@rule("link-text", family=FAMILY, level=WARNING, title="Link text that does not say where it goes")
def link_text(document: Document, config):
    """Yields a warning for links whose text does not say where they go."""
    vague = set(term_list(document.language, "accessibility")["vague_link_text"])
    for link in document.parts(Link):
        text = link.text.strip()
        if not text:
            message = (
                "A link has no text, so a screen reader can only read out its address. Give it "
                "words that say where it goes."
            )
        elif _is_address(text, link.href):
            message = (
                f"The link text is a web address (“{excerpt(text, 4)}”). Screen readers read "
                "addresses out character by character. Use words that name the place, such as "
                "“the Samaritans’ website”."
            )
        elif normalise(text).strip(_EDGE_PUNCTUATION) in vague:
            message = (
                f"The link text “{text}” does not say where the link goes. Many screen reader "
                "users jump from link to link, so each needs to make sense on its own; name the "
                "destination, such as “what to expect in a first session”."
            )
        else:
            continue
        yield Issue(link.location, message)


@rule("table-headers", family=FAMILY, level=WARNING, title="Table without headers")
def table_headers(document: Document, config):
    """Yields a warning for each table without header cells."""
    for table in document.parts(Table):
        if not table.has_header:
            yield Issue(
                table.location,
                "This table has no header cells. Without them a screen reader cannot say which "
                "column or row a value belongs to. Mark the first row (or column) as headers.",
            )
