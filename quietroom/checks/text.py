"""Words, sentences and short excerpts of plain text."""

import re
from functools import lru_cache

_WORD = re.compile(r"\w+(?:['’]\w+)*")
# A sentence ends at . ! ? or … followed by optional closing quotes or brackets, then space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+")
_TERMINAL = (".", "!", "?", "…", ":", ";")
WORDS_PER_MINUTE = 220


def words(text: str) -> list[str]:
    """The words of `text`; contractions such as “don’t” count as one."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """How many words `text` has."""
    return len(words(text))


def sentences(text: str) -> list[str]:
    """`text` split into sentences at full stops, question and exclamation marks."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def as_sentence(text: str) -> str:
    """`text` with a full stop added when it has no closing punctuation (list items, quotes)."""
    text = text.strip()
    stripped = text.rstrip('"”’)] ')
    return text if not stripped or stripped.endswith(_TERMINAL) else text + "."


def excerpt(text: str, count: int = 8) -> str:
    """The first `count` words of `text`, with an ellipsis when there is more."""
    parts = text.split()
    return " ".join(parts[:count]) + ("…" if len(parts) > count else "")


def reading_minutes(word_total: int) -> int:
    """Minutes to read at an unhurried pace; never less than one."""
    return max(1, -(-word_total // WORDS_PER_MINUTE))


@lru_cache(maxsize=4096)  # each rule and term list reads the same few texts again
def normalise(text: str) -> str:
    """Lower case, typographic apostrophes and quotes made plain, spaces collapsed."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split())
