"""The check_content report: totals, the exit decision, JSON and plain text."""

import json

from quietroom.checks.findings import LEVELS
from quietroom.checks.site import PageCheck

SCHEMA_VERSION = 1


def totals(results: list[PageCheck]) -> dict:
    """How many pages were checked, and how many findings of each level they have."""
    counts = {f"{level}s": sum(r.report.count(level) for r in results) for level in LEVELS}
    return {"pages": len(results), **counts}


def failing(results: list[PageCheck], fail_on: str) -> list[PageCheck]:
    """The pages with a finding at `fail_on` or more serious."""
    return [result for result in results if result.report.at_or_above(fail_on)]


def as_json(results: list[PageCheck], fail_on: str) -> str:
    """The report as JSON, in the shape data/check_content.schema.json describes."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "fail_on": fail_on,
        "failed": bool(failing(results, fail_on)),
        "totals": totals(results),
        "pages": [
            {
                "id": result.page.pk,
                "title": result.page.title,
                "type": str(result.page._meta.verbose_name),
                "url": result.url,
                "edit_url": result.edit_url,
                "stats": result.report.stats,
                "findings": [finding.as_dict() for finding in result.report.findings],
            }
            for result in results
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def as_lines(results: list[PageCheck]) -> list[tuple[str | None, str]]:
    """(level or None, line) pairs for a readable report; the level lets a caller colour it."""
    lines = []
    for result in results:
        if not result.report.findings:
            continue
        lines.append((None, f"{result.page.title} ({result.url or 'no address'})"))
        for finding in result.report.findings:
            where = f"{finding.location.label}: " if finding.location else ""
            lines.append(
                (finding.level, f"  {finding.level:<7} {finding.rule}  {where}{finding.message}")
            )
        lines.append((None, f"  edit: {result.edit_url}"))
        lines.append((None, ""))
    count = totals(results)
    summary = ", ".join(
        plural(count[key], word)
        for key, word in (("errors", "error"), ("warnings", "warning"), ("hints", "suggestion"))
    )
    lines.append((None, f"{plural(count['pages'], 'page')} checked: {summary}."))
    return lines


def plural(number: int, word: str) -> str:
    """“1 page”, “2 pages”."""
    return f"{number} {word}{'' if number == 1 else 's'}"
