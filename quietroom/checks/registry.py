"""The rule registry: each rule module registers its rules here with `@rule(...)`."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from quietroom.checks.document import Location


class Issue(NamedTuple):
    """What a rule function yields: where, and what to tell the writer."""

    location: Location | None
    message: str


# A rule function takes the Document and the Config.
Check = Callable[..., Iterable[Issue]]


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    level: str
    title: str
    check: Check
    # Rules that protect screen-reader users keep their level whatever a practice sets.
    adjustable: bool = True


RULES: dict[str, Rule] = {}


def rule(rule_id: str, *, family: str, level: str, title: str, adjustable: bool = True):
    """Register the decorated function as the rule `rule_id`."""

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"Two rules share the id {rule_id!r}.")
        RULES[rule_id] = Rule(rule_id, family, level, title, check, adjustable)
        return check

    return register


def all_rules() -> dict[str, Rule]:
    """Every registered rule, in family order; importing the families registers them."""
    import quietroom.checks.rules  # noqa: F401

    return RULES
