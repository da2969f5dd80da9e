"""Small Documents for rule tests, written out in full so each test shows its fixture."""

from quietroom.checks.config import Config
from quietroom.checks.document import Document, Location
from quietroom.checks.engine import check_document

BODY = Location("body", "Body, block 1 (text)", 1, "block-1")


def article(*body, **fields) -> Document:
    """An article with a summary and a hero image unless told otherwise, and `body`."""
    fields.setdefault("title", "Feeling low in winter")
    fields.setdefault("summary", "Why winter can weigh on mood, and what helps.")
    return Document(kind="article", body=list(body), **fields)


def rule_ids(document: Document, config: Config | None = None) -> list[str]:
    return [finding.rule for finding in check_document(document, config).findings]


def findings_of(rule: str, document: Document, config: Config | None = None) -> list:
    return [f for f in check_document(document, config).findings if f.rule == rule]
