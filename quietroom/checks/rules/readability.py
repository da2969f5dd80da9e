"""Readability: reading grade of the article and its sections, long sentences and paragraphs."""

from dataclasses import dataclass

import textstat

from quietroom.checks.document import PROSE, Document, Heading, Location, Paragraph
from quietroom.checks.findings import HINT, WARNING
from quietroom.checks.registry import Issue, rule
from quietroom.checks.text import as_sentence, excerpt, reading_minutes, sentences, word_count

FAMILY = "readability"
# Below this many words a reading grade says more about chance than about the writing.
MIN_WORDS_FOR_GRADE = 100
LONG_READ_MINUTES = 10
WHOLE_ARTICLE = Location("body", "The whole text")


@dataclass(frozen=True)
class Section:
    heading: Heading | None
    location: Location
    text: str


def prose_text(parts) -> str:
    """The reading text of `parts`, each closed as a sentence so lists do not run together."""
    return " ".join(as_sentence(part.text) for part in parts if part.text.strip())


def grade(text: str, language: str) -> float | None:
    """The Flesch–Kincaid grade of `text`, or None when it is too short or not English."""
    if language.split("-")[0] != "en" or word_count(text) < MIN_WORDS_FOR_GRADE:
        return None
    return round(textstat.flesch_kincaid_grade(text), 1)


def sections(document: Document) -> list[Section]:
    """The text under each top-level heading, and the introduction before the first one."""
    top = min((heading.level for heading in document.parts(Heading)), default=0)
    found, heading, parts = [], None, []
    for part in [*document.body, None]:
        if part is None or (isinstance(part, Heading) and part.level == top):
            if parts:
                found.append(Section(heading, (heading or parts[0]).location, prose_text(parts)))
            heading, parts = part, []
        elif isinstance(part, PROSE):
            parts.append(part)
    return found


def statistics(document: Document) -> dict:
    """Words, reading minutes and reading grade of the whole text."""
    text = prose_text(document.prose())
    words = word_count(text)
    return {
        "words": words,
        "reading_minutes": reading_minutes(words),
        "grade": grade(text, document.language),
    }


def _grade_advice(found: float, limit: float) -> str:
    return (
        f"reads at about US school grade {found:g}. Readers who are anxious or tired take text "
        f"in more easily at grade {limit:g} or below; shorter sentences and everyday words "
        "bring the grade down."
    )


@rule("reading-grade", family=FAMILY, level=WARNING, title="Reading grade of the whole text")
def reading_grade(document: Document, config):
    """Yields a warning when the whole text reads above the practice's grade."""
    found = statistics(document)["grade"]
    if found is not None and found > config.reading_grade:
        yield Issue(WHOLE_ARTICLE, "The text " + _grade_advice(found, config.reading_grade))


@rule("section-grade", family=FAMILY, level=WARNING, title="Reading grade of a section")
def section_grade(document: Document, config):
    """Yields a warning for each section that reads above the practice's grade."""
    found_sections = sections(document)
    if len(found_sections) < 2:
        return
    for section in found_sections:
        found = grade(section.text, document.language)
        if found is not None and found > config.reading_grade:
            name = (
                f"section “{excerpt(section.heading.text)}”" if section.heading else "introduction"
            )
            yield Issue(
                section.location, f"The {name} " + _grade_advice(found, config.reading_grade)
            )


@rule("long-sentence", family=FAMILY, level=WARNING, title="Long sentence")
def long_sentence(document: Document, config):
    """Yields a warning for each sentence longer than the practice's limit."""
    for part in document.prose():
        for sentence in sentences(part.text):
            count = word_count(sentence)
            if count > config.long_sentence_words:
                yield Issue(
                    part.location,
                    f"This sentence has {count} words: “{excerpt(sentence)}” Long sentences "
                    "are hard to follow for a reader who is anxious or tired. Could it be two?",
                )


@rule("long-paragraph", family=FAMILY, level=WARNING, title="Long paragraph")
def long_paragraph(document: Document, config):
    """Yields a warning for each paragraph longer than the practice's limit."""
    for part in document.parts(Paragraph):
        count = word_count(part.text)
        if count > config.long_paragraph_words:
            yield Issue(
                part.location,
                f"The paragraph starting “{excerpt(part.text)}” has {count} words. Long blocks "
                "of text are hard going on a phone; try breaking it into two or three.",
            )


@rule("reading-time", family=FAMILY, level=HINT, title="Long reading time")
def reading_time(document: Document, config):
    """Yields a hint when the article takes more than ten minutes to read."""
    minutes = statistics(document)["reading_minutes"]
    if minutes > LONG_READ_MINUTES:
        yield Issue(
            WHOLE_ARTICLE,
            f"This takes about {minutes} minutes to read. A reader in a hard moment may not "
            "have that much attention to spare; could it be two shorter articles?",
        )
