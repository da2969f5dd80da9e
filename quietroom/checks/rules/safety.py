"""Safety: content notes for sensitive topics, stigmatising phrasings, promises of a cure."""

import re
from collections.abc import Iterator

from quietroom.checks.document import PROSE, Document, Heading, Location, Quote
from quietroom.checks.findings import HINT, WARNING
from quietroom.checks.registry import Issue, rule
from quietroom.checks.terms import entries, find, term_list
from quietroom.checks.text import normalise

FAMILY = "safety"
CONTENT_NOTE = Location("content_note", "Content note")
TITLE = Location("title", "Title")
SUMMARY = Location("summary", "Summary")
NEGATION_WINDOW = 5  # words before a promise that can turn it around ("none of these is a cure")
_SENTENCE_BREAK = re.compile(r"[.!?;:]")
CORRECTING_HINT = (
    " If you are quoting these words in order to challenge them, tick “This quote shows "
    "language we are correcting” on the quote."
)


def texts(document: Document, *, include_correcting: bool) -> Iterator[tuple[Location, str, bool]]:
    """(where, text, is a quote) for the title, summary, headings and prose of `document`."""
    yield TITLE, document.title, False
    if document.summary:
        yield SUMMARY, document.summary, False
    for part in document.parts(Heading, *PROSE):
        quote = isinstance(part, Quote)
        if include_correcting or not (quote and part.correcting):
            yield part.location, part.text, quote


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@rule("content-note", family=FAMILY, level=WARNING, title="Sensitive topic without a content note")
def content_note(document: Document, config):
    """Yields a warning when an article discusses a sensitive topic without a note."""
    if not document.is_article:
        return
    found = []
    for entry in entries(document.language, "sensitive_topics"):
        mentions = sum(
            len(find(entry, text)) for _, text, _ in texts(document, include_correcting=True)
        )
        if mentions >= entry.min_mentions:
            found.append(entry)
    if not found:
        return
    names = _join([entry.name for entry in found])
    if not document.content_note.strip():
        example = found[0].suggestion if len(found) == 1 else f"This article talks about {names}."
        yield Issue(
            CONTENT_NOTE,
            f"This article talks about {names}. Someone may read it in a crisis. Add a content "
            f"note, for example “{example}”; the practice’s crisis resources then show with it "
            "at the top of the article.",
        )
    elif not document.crisis_resources:
        yield Issue(
            CONTENT_NOTE,
            f"This article talks about {names} and has a content note, but the practice has no "
            "crisis resources to show with it. Add them in Settings → Practice settings.",
        )


@rule("stigmatising-language", family=FAMILY, level=WARNING, title="Stigmatising language")
def stigmatising_language(document: Document, config):
    """Yields a warning for each stigmatising phrasing, with a kinder one."""
    for location, text, quote in texts(document, include_correcting=False):
        for entry in entries(document.language, "stigmatising_language"):
            matches = find(entry, text)
            if matches:
                hint = CORRECTING_HINT if quote else ""
                yield Issue(
                    location,
                    f"“{matches[0].group(0)}”: {entry.why} Try {entry.suggestion}.{hint}",
                )


def negated(text: str, match: re.Match, negations: set[str]) -> bool:
    """True when a negation comes just before `match` in the same sentence."""
    before = _SENTENCE_BREAK.split(text[: match.start()])[-1].split()
    return any(word.strip(",") in negations for word in before[-NEGATION_WINDOW:])


@rule("promises", family=FAMILY, level=HINT, title="Promise of a result")
def promises(document: Document, config):
    """Yields a hint for each promise of a result that is not negated."""
    negations = set(term_list(document.language, "promises").get("negations", []))
    for location, text, _ in texts(document, include_correcting=False):
        for entry in entries(document.language, "promises"):
            plain = normalise(text)
            matches = [m for m in find(entry, text) if not negated(plain, m, negations)]
            if matches:
                yield Issue(
                    location,
                    f"“{matches[0].group(0)}” can read as a promise. {entry.why} You could "
                    f"say {entry.suggestion} instead.",
                )


@rule("testimonial-wording", family=FAMILY, level=WARNING, title="Wording of a client testimonial")
def testimonial_wording(document: Document, config):
    """Yields a warning for each passage that reads as a client's testimonial."""
    about = term_list(document.language, "testimonials")["about"]
    for location, text, _ in texts(document, include_correcting=False):
        for entry in entries(document.language, "testimonials"):
            match = next(iter(find(entry, text)), None)
            if match:
                yield Issue(
                    location,
                    f"“{match.group(0)}”: {entry.why} {about} You could use {entry.suggestion}.",
                )
                break
