"""The WordPress accessibility test data provokes the alt-text and heading findings it was
built to provoke. Posts go through the HTML adapter here; going through the WXR importer
is for when the importer lands."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from quietroom.checks.document import Document, Location
from quietroom.checks.engine import check_document
from quietroom.checks.html import parts_from_html
from quietroom.importers.corpus import corpus_dir

WXR = corpus_dir() / "a11y-unit-test-data.xml"
NAMESPACES = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wp": "http://wordpress.org/export/1.2/",
}


def wxr_bodies(path: Path) -> dict[str, str]:
    """Title → post HTML (content:encoded) for each post and page in a WXR file."""
    root = ET.parse(path).getroot()
    bodies = {}
    for item in root.iter("item"):
        if item.findtext("wp:post_type", namespaces=NAMESPACES) in {"post", "page"}:
            bodies[item.findtext("title") or ""] = (
                item.findtext("content:encoded", namespaces=NAMESPACES) or ""
            )
    return bodies


@pytest.fixture(scope="module")
def reports():
    reports = {}
    for title, html in wxr_bodies(WXR).items():
        document = Document(
            title=title, kind="article", body=parts_from_html(html, Location("body", "Body"))
        )
        reports[title] = check_document(document)
    return reports


def rules_of(report, level=None) -> list[str]:
    return [f.rule for f in report.findings if level is None or f.level == level]


def test_the_test_data_is_here():
    assert WXR.is_file(), f"{WXR} is missing"


def test_an_image_post_with_empty_alt_text_is_an_error(reports):
    assert rules_of(reports["Post Format: Image"], "error") == ["alt-missing"]


def test_the_image_block_post_has_a_missing_alt_among_file_name_alts(reports):
    report = reports["Block: Image"]

    assert "alt-missing" in rules_of(report, "error")
    assert rules_of(report).count("alt-text") >= 8


def test_alt_texts_made_from_file_names_are_warnings(reports):
    found = [f for f in reports["Markup: Image Alignment"].findings if f.rule == "alt-text"]

    assert len(found) == 8
    assert all("looks like a file name" in f.message for f in found)
    assert "Image Alignment 580x300" in found[0].message


def test_a_real_description_passes(reports):
    report = reports["Post Format: Image (Caption)"]

    assert "alt-missing" not in rules_of(report)
    assert "alt-text" not in rules_of(report)


def test_a_level_one_heading_in_a_post_body_is_found(reports):
    assert "heading-h1" in rules_of(reports["Markup: HTML Tags and Formatting"])
    assert "heading-h1" in rules_of(reports["Block category: Common"])


@pytest.mark.parametrize("title", ["Markup: Text Alignment", "Edge Case: Nested And Mixed Lists"])
def test_posts_that_start_at_level_three_skip_a_heading_level(reports, title):
    found = [f for f in reports[title].findings if f.rule == "heading-skipped"]

    assert found
    assert "from level 1 to level 3" in found[0].message


def test_posts_without_images_or_headings_raise_no_such_findings(reports):
    quiet = {"alt-missing", "alt-text", "heading-h1", "heading-skipped"}

    assert not quiet & set(rules_of(reports["Post Format: Aside"]))
