"""Term lists: JSON files under data/<language>/, read once and matched as whole phrases."""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from quietroom.checks.text import normalise

DATA_DIR = Path(__file__).resolve().parent / "data"
FALLBACK_LANGUAGE = "en"


class TermListError(ValueError):
    """A term list is missing or malformed."""


@cache
def term_list(language: str, name: str) -> dict:
    """The list `name` for `language` (e.g. "en-gb" reads data/en/), falling back to English."""
    for folder in (language.lower(), language.split("-")[0].lower(), FALLBACK_LANGUAGE):
        path = DATA_DIR / folder / f"{name}.json"
        if path.is_file():
            try:
                return json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as error:
                raise TermListError(f"{path} is not valid JSON: {error}") from error
    raise TermListError(f"No term list called {name!r} in {DATA_DIR}.")


def phrase_pattern(phrases) -> re.Pattern:
    """One pattern matching any of `phrases` as whole words, whatever the case or spacing."""
    alternatives = sorted({normalise(p) for p in phrases if p.strip()}, key=len, reverse=True)
    if not alternatives:
        return re.compile(r"(?!)")
    body = "|".join(r"\s+".join(map(re.escape, a.split())) for a in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@dataclass(frozen=True)
class Entry:
    """One entry of a term list: the phrases that match it, and what to say about them."""

    name: str
    pattern: re.Pattern
    suggestion: str
    why: str
    min_mentions: int
    exceptions: re.Pattern


@cache
def entries(language: str, name: str) -> tuple[Entry, ...]:
    """The entries of a term list, each with its phrases compiled into one pattern."""
    compiled = []
    for item in term_list(language, name)["entries"]:
        try:
            compiled.append(
                Entry(
                    name=item["name"],
                    pattern=phrase_pattern(item["phrases"]),
                    suggestion=item.get("suggestion", ""),
                    why=item.get("why", ""),
                    min_mentions=int(item.get("min_mentions", 1)),
                    exceptions=phrase_pattern(item.get("exceptions", [])),
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise TermListError(
                f"An entry of {name}.json ({language}) is malformed: {item}"
            ) from error
    return tuple(compiled)


def find(entry: Entry, text: str) -> list[re.Match]:
    """Matches of `entry` in `text` (normalised), leaving out those inside an exception."""
    plain = normalise(text)
    spared = [m.span() for m in entry.exceptions.finditer(plain)]
    return [
        match
        for match in entry.pattern.finditer(plain)
        if not any(start <= match.start() and match.end() <= end for start, end in spared)
    ]
