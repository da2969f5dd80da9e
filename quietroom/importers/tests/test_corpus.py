"""Every real export in ../shared/wxr/ imports, or fails clearly and changes nothing."""

import datetime
import re
from collections import Counter
from pathlib import PurePosixPath
from xml.etree import ElementTree

import pytest
from wagtail.models import Page

from quietroom.blog.models import ArticlePage
from quietroom.core.models import CustomImage
from quietroom.importers.tests.support import CORPUS, run_import, write_image
from quietroom.importers.wxr import WxrError
from quietroom.pages.models import StandardPage

# Once, on SQLite: the corpus is parsed and mapped the same whatever the database
# (test_import.py imports on both).
pytestmark = pytest.mark.once

# The files that are not WordPress exports one can import, and what the refusal names.
REFUSED = {
    "malformed-simple.xml": "no element found at line 14, column 0",
    "crazy-cdata.xml": "not well-formed (invalid token) at line 18, column 71",
    "invalid-version-tag.xml": "declares WXR version “abc”",
    "malformed.xml": "The <rss> element has no <channel>",
}
CORPUS_FILES = sorted(path.name for path in CORPUS.glob("*.xml"))


def test_the_corpus_is_there():
    assert len(CORPUS_FILES) >= 38, f"expected the WXR corpus in {CORPUS}"


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_each_corpus_file_imports_or_is_refused_without_a_trace(blog, name):
    pages_before = set(Page.objects.values_list("pk", flat=True))

    if name in REFUSED:
        with pytest.raises(WxrError) as refusal:
            run_import(CORPUS / name)
        assert REFUSED[name] in str(refusal.value)
        assert set(Page.objects.values_list("pk", flat=True)) == pages_before
        return
    report = run_import(CORPUS / name)
    imported = sum(report.total(kind, "created") for kind in ("posts", "pages"))
    assert imported == ArticlePage.objects.count() + StandardPage.objects.count()
    for page in ArticlePage.objects.live().public():
        assert page.reading_minutes >= 1


def now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")


def items_of(name: str) -> list[dict]:
    """Each <item>'s direct children by local name, read with the standard library."""
    root = ElementTree.parse(CORPUS / name).getroot()
    return [
        {re.sub(r"^\{.*\}", "", child.tag): (child.text or "").strip() for child in item}
        for item in root.iter("item")
    ]


def media_for(name: str, folder) -> Counter:
    """Write an image for every attachment whose address names one; count by outcome."""
    outcomes = Counter()
    for item in items_of(name):
        if item.get("post_type") != "attachment":
            continue
        file_name = PurePosixPath(item["attachment_url"]).name
        if file_name.rsplit(".", 1)[-1].lower() in {"jpg", "jpeg", "png", "gif"}:
            write_image(folder, file_name)
            outcomes["image"] += 1
        else:
            (folder / file_name).write_bytes(b"not an image at all")
            outcomes["refused"] += 1
    return outcomes


@pytest.mark.parametrize("name", ["theme-unit-test-data.xml", "a11y-unit-test-data.xml"])
def test_unit_test_data_imports_with_counts_matching_the_file(blog, tmp_path, name):
    items = items_of(name)
    statuses = Counter(i["status"] for i in items if i.get("post_type") == "post")
    pages = [i for i in items if i.get("post_type") == "page"]
    expected_media = media_for(name, tmp_path)

    report = run_import(CORPUS / name, media_dir=tmp_path)

    assert ArticlePage.objects.count() == sum(statuses.values())
    # A post scheduled for a moment already past is published, as WordPress would have.
    future = [i["post_date_gmt"] > now() for i in items if i.get("status") == "future"]
    # A post without a title waits as a draft for someone to check the title made for it.
    untitled = [
        i
        for i in items
        if i.get("post_type") == "post" and not i["title"] and i["status"] in {"publish", "private"}
    ]
    live = statuses["publish"] + statuses["private"] + future.count(False) - len(untitled)
    assert ArticlePage.objects.live().count() == live
    assert ArticlePage.objects.filter(live=False, go_live_at__isnull=False).count() == (
        future.count(True)
    )
    assert StandardPage.objects.count() == len(pages)
    assert CustomImage.objects.count() == expected_media["image"]
    assert report.total("images", "skipped") == expected_media["refused"]
    kinds = Counter(i.get("post_type") or "unknown" for i in items)
    other = {kind: n for kind, n in kinds.items() if kind not in {"post", "page", "attachment"}}
    assert dict(report.skipped_types) == other
    assert report.comments == sum(
        1 for _ in re.finditer("<wp:comment>", (CORPUS / name).read_text())
    )
    assert ArticlePage.objects.exclude(hero_image=None).count() == heroes_expected(name)
    assert not ArticlePage.objects.exclude(hero_image=None).filter(hero_alt="").exists()


def heroes_expected(name: str) -> int:
    """Posts whose featured image is an image attachment with alt text."""
    root = ElementTree.parse(CORPUS / name).getroot()
    meta, kinds = {}, {}
    for item in root.iter("item"):
        fields = {re.sub(r"^\{.*\}", "", c.tag): (c.text or "").strip() for c in item}
        pairs = [[(v.text or "").strip() for v in m] for m in item if m.tag.endswith("postmeta")]
        meta[fields.get("post_id")] = dict(pair[:2] for pair in pairs if len(pair) >= 2)
        kinds[fields.get("post_id")] = (fields.get("post_type"), fields.get("attachment_url", ""))
    count = 0
    for number, values in meta.items():
        thumbnail = values.get("_thumbnail_id")
        kind, url = kinds.get(thumbnail, (None, ""))
        if kinds[number][0] != "post" or kind != "attachment":
            continue
        is_image = url.rsplit(".", 1)[-1].lower() in {"jpg", "jpeg", "png", "gif"}
        count += is_image and bool(meta[thumbnail].get("_wp_attachment_image_alt"))
    return count


def test_unit_test_data_imports_twice_without_duplicates(blog):
    name = CORPUS / "theme-unit-test-data.xml"
    run_import(name)
    counts = (Page.objects.count(), CustomImage.objects.count())

    again = run_import(name)

    assert (Page.objects.count(), CustomImage.objects.count()) == counts
    assert again.total("posts", "created") == again.total("posts", "updated") == 0
