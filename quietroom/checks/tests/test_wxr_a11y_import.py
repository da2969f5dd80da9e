"""Pages imported from the WordPress accessibility test data carry the findings it provokes.

The same file as test_wxr_a11y_data.py, this time through `import_wxr` and the page adapter,
with a stand-in file on disk for every image the export refers to.
"""

import re

import pytest
from wagtail.models import Page

from quietroom.checks.site import check_page
from quietroom.importers.corpus import corpus_dir
from quietroom.importers.load import ImportOptions, import_wxr
from quietroom.importers.tests.support import write_image

# Once, on SQLite: the findings come from the parsed file, the same whatever the database.
pytestmark = pytest.mark.once

WXR = corpus_dir() / "a11y-unit-test-data.xml"
IMAGE_URL = re.compile(r"<wp:attachment_url>([^<]+)|src=\"([^\"]+\.(?:jpe?g|png|gif))")


@pytest.fixture
def imported(blog, tmp_path, inbox_keys):
    media = tmp_path / "uploads"
    for match in IMAGE_URL.finditer(WXR.read_text()):
        name = (match.group(1) or match.group(2)).split("?")[0].rsplit("/", 1)[-1]
        write_image(media, name, "PNG" if name.endswith(".png") else "JPEG")
    import_wxr(WXR, ImportOptions(media_dir=media))

    def findings(title, prefix=("alt", "heading")):
        page = Page.objects.get(title=title).specific
        return [(f.level, f.rule) for f in check_page(page).findings if f.rule.startswith(prefix)]

    return findings


def test_imported_images_carry_the_alt_text_findings_the_file_provokes(imported):
    block_image = imported("Block: Image")

    assert ("error", "alt-missing") in block_image
    assert block_image.count(("warning", "alt-text")) >= 8
    assert imported("Markup: Image Alignment") == [("warning", "alt-text")] * 8
    assert imported("Post Format: Image (Caption)") == []


def test_imported_headings_carry_the_findings_the_file_provokes(imported):
    for title in ("Markup: Text Alignment", "Edge Case: Nested And Mixed Lists"):
        assert ("warning", "heading-skipped") in imported(title)
    # A body h1 arrives as h2, so no imported page has two h1s.
    page = Page.objects.get(title="Markup: HTML Tags and Formatting").specific
    html = "".join(str(block.value) for block in page.body)
    assert "<h1" not in html
    assert "<h2" in html
    assert ("warning", "heading-h1") not in imported("Markup: HTML Tags and Formatting")
