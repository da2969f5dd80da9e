"""What an import did: counts per kind of thing, skipped items and every warning."""

from collections import Counter
from dataclasses import dataclass, field

from quietroom.importers.repair import Repairs

KINDS = ("posts", "pages", "images", "redirects", "clinicians", "categories")
OUTCOMES = ("created", "updated", "unchanged", "skipped")


@dataclass
class ImportReport:
    source: str
    dry_run: bool = False
    counts: dict[str, Counter] = field(default_factory=lambda: {k: Counter() for k in KINDS})
    skipped_types: Counter = field(default_factory=Counter)
    comments: int = 0
    repairs: Repairs = field(default_factory=Repairs)
    warnings: list[str] = field(default_factory=list)
    # Names of the authors created as draft clinicians, for the owner to confirm.
    draft_clinicians: list[str] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set, repr=False)

    def count(self, kind: str, outcome: str) -> None:
        self.counts[kind][outcome] += 1

    def warn(self, message: str) -> None:
        if message not in self._seen:
            self._seen.add(message)
            self.warnings.append(message)

    def total(self, kind: str, outcome: str) -> int:
        return self.counts[kind][outcome]

    def table(self) -> list[str]:
        """The summary as aligned lines of text."""
        width = max(len(kind) for kind in KINDS) + 2
        lines = [" " * width + "".join(f"{outcome:>11}" for outcome in OUTCOMES)]
        for kind in KINDS:
            cells = "".join(f"{self.counts[kind][outcome]:>11}" for outcome in OUTCOMES)
            lines.append(f"{kind:<{width}}{cells}")
        if self.comments:
            lines.append(f"{self.comments} comments were not imported (Quietroom has none).")
        for post_type, number in sorted(self.skipped_types.items()):
            lines.append(f"{number} items of type “{post_type}” were not imported.")
        if self.repairs.total:
            lines.append(self.repaired())
        if self.draft_clinicians:
            lines.append(self.drafts())
        return lines

    def drafts(self) -> str:
        """The authors waiting for the owner, and what to do about them."""
        names = ", ".join(f"“{name}”" for name in self.draft_clinicians[:10])
        more = len(self.draft_clinicians) - 10
        if more > 0:
            names += f" and {more} more"
        return (
            f"{len(self.draft_clinicians)} authors became draft clinicians ({names}): readers see "
            "their names on their articles only. Open each under Pages → the clinicians index: "
            "publish the real clinicians (they are set as not accepting new clients until you "
            "say otherwise), delete the rest (their articles keep their text, without a byline)."
        )

    def repaired(self) -> str:
        """What the repair pass did to make the file readable, for people."""
        done = self.repairs
        parts = [
            f"{number} {what}"
            for number, what in (
                (done.escaped, "bare & escaped"),
                (done.decoded, "HTML entities (such as &mdash;) made characters"),
            )
            if number
        ]
        return (
            f"The file was repaired so it could be read: {' and '.join(parts)}; the first at "
            f"line {done.line}, column {done.column}."
        )
