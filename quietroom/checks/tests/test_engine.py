"""The engine: levels from the practice's settings, ordering, and a core free of Django."""

import subprocess
import sys

from quietroom.checks.config import Config
from quietroom.checks.document import Image, Link, Paragraph
from quietroom.checks.engine import check_document
from quietroom.checks.registry import all_rules
from quietroom.checks.tests.builders import BODY, article, findings_of

MIXED = article(
    Paragraph("Therapy can cure you.", BODY),
    Link("click here", "/x/", BODY),
    Image(None, BODY),
)


def test_findings_come_most_serious_first():
    levels = [finding.level for finding in check_document(MIXED).findings]

    assert levels == sorted(levels, key=["error", "warning", "hint"].index)
    assert levels[0] == "error"
    assert "hint" in levels


def test_a_practice_can_switch_a_rule_off():
    assert not findings_of("link-text", MIXED, Config(levels={"link-text": "off"}))


def test_a_practice_can_raise_a_hint_to_an_error():
    found = findings_of("promises", MIXED, Config(levels={"promises": "error"}))

    assert [f.level for f in found] == ["error"]


def test_missing_alt_text_stays_an_error_whatever_the_settings_say():
    for level in ("off", "hint", "warning"):
        assert [
            f.level
            for f in findings_of("alt-missing", MIXED, Config(levels={"alt-missing": level}))
        ] == ["error"]


def test_an_unknown_level_falls_back_to_the_rules_own():
    assert (
        findings_of("link-text", MIXED, Config(levels={"link-text": "loud"}))[0].level == "warning"
    )


def test_the_report_groups_findings_under_plain_headings():
    groups = check_document(MIXED).groups()

    assert [(level, heading) for level, heading, _ in groups] == [
        ("error", "Must be fixed before publishing"),
        ("warning", "Worth fixing"),
        ("hint", "Suggestions"),
    ]


def test_every_rule_has_a_unique_family_and_a_plain_title():
    rules = all_rules()

    assert {rule.family for rule in rules.values()} == {
        "accessibility",
        "readability",
        "review",
        "safety",
        "search",
    }
    assert len(rules) >= 17
    assert all(rule.title and rule.title[0].isupper() for rule in rules.values())


def test_a_finding_is_anchored_to_its_block_for_the_editor():
    finding = findings_of("alt-missing", MIXED)[0]

    assert finding.as_dict()["location"]["anchor"] == "body.block-1"


def test_the_engine_and_rules_run_without_django_or_wagtail():
    script = (
        "import sys\n"
        "from quietroom.checks.engine import check_document\n"
        "from quietroom.checks.html import parts_from_html\n"
        "from quietroom.checks.document import Document, Location\n"
        "doc = Document('T', body=parts_from_html('<h3>x</h3>', Location('body', 'Body')))\n"
        "assert check_document(doc).findings\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('django', 'wagtail')]\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == ""
