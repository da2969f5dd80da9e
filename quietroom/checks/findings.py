"""Levels and findings: what a rule reports, and how loudly."""

from dataclasses import dataclass

from quietroom.checks.document import Location

ERROR = "error"
WARNING = "warning"
HINT = "hint"
OFF = "off"
LEVELS = (ERROR, WARNING, HINT)

# Headings shown to clinicians above each group of findings.
LEVEL_HEADINGS = {
    ERROR: "Must be fixed before publishing",
    WARNING: "Worth fixing",
    HINT: "Suggestions",
}


def severity(level: str) -> int:
    """0 for errors, 1 for warnings, 2 for hints: the order findings are listed in."""
    return LEVELS.index(level)


def at_or_above(level: str, threshold: str) -> bool:
    """True when `level` is `threshold` or more serious."""
    return severity(level) <= severity(threshold)


@dataclass(frozen=True)
class Finding:
    level: str
    rule: str
    message: str
    location: Location | None = None

    def as_dict(self) -> dict:
        location = self.location
        return {
            "level": self.level,
            "rule": self.rule,
            "message": self.message,
            "location": None
            if location is None
            else {
                "field": location.field,
                "label": location.label,
                "block": location.block,
                "block_id": location.block_id,
                "anchor": location.anchor,
            },
        }
