"""How a practice has tuned the checks: rule levels and the reading grade."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from quietroom.checks.findings import LEVELS, OFF
from quietroom.checks.registry import Rule

DEFAULT_READING_GRADE = 9
LONG_SENTENCE_WORDS = 30
LONG_PARAGRAPH_WORDS = 150
DEFAULT_REVIEW_MONTHS = 12


@dataclass(frozen=True)
class Config:
    levels: Mapping[str, str] = field(default_factory=dict)
    reading_grade: float = DEFAULT_READING_GRADE
    long_sentence_words: int = LONG_SENTENCE_WORDS
    long_paragraph_words: int = LONG_PARAGRAPH_WORDS
    review_months: int = DEFAULT_REVIEW_MONTHS

    def level_for(self, rule: Rule) -> str:
        """The level this practice gives `rule`: its own choice, or the rule's default."""
        chosen = self.levels.get(rule.id, rule.level)
        if not rule.adjustable or chosen not in (*LEVELS, OFF):
            return rule.level
        return chosen
