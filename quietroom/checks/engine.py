"""Run the enabled rules over a Document and gather their findings into a report."""

from dataclasses import dataclass, field

from quietroom.checks.config import Config
from quietroom.checks.document import Document
from quietroom.checks.findings import (
    ERROR,
    LEVEL_HEADINGS,
    LEVELS,
    OFF,
    Finding,
    at_or_above,
    severity,
)
from quietroom.checks.registry import all_rules
from quietroom.checks.rules.readability import statistics


@dataclass
class Report:
    """The findings for one document, most serious first, and its reading statistics."""

    findings: list[Finding] = field(default_factory=list)
    stats: dict = field(default_factory=dict)

    @property
    def nothing_to_check(self) -> bool:
        """True for a document with no words yet (a new or emptied draft)."""
        return not self.stats.get("words")

    def count(self, level: str) -> int:
        return sum(1 for finding in self.findings if finding.level == level)

    def at_or_above(self, level: str) -> list[Finding]:
        return [f for f in self.findings if at_or_above(f.level, level)]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == ERROR]

    def groups(self) -> list[tuple[str, str, list[Finding]]]:
        """(level, heading for people, findings) for each level that has findings."""
        return [
            (level, LEVEL_HEADINGS[level], found)
            for level in LEVELS
            if (found := [f for f in self.findings if f.level == level])
        ]


def check_document(document: Document, config: Config | None = None) -> Report:
    """Every finding of every rule the practice has not switched off, most serious first.

    A rule's level comes from `config` (the practice's choice) or from the rule itself.
    """
    config = config or Config()
    findings = []
    for rule in all_rules().values():
        level = config.level_for(rule)
        if level == OFF:
            continue
        for issue in rule.check(document, config):
            findings.append(Finding(level, rule.id, issue.message, issue.location))
    findings.sort(key=lambda finding: severity(finding.level))
    return Report(findings, statistics(document))
