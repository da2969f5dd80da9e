"""Each process's own page memory: bounded by the bytes it holds, not by a count of pages,
so a deployment of many practices keeps its readers' working set in memory."""

from types import MappingProxyType

from quietroom.serving import pagecache
from quietroom.serving.pagecache import ENTRY_OVERHEAD, Entry, LocalPages


def entry(size: int, site_id: int = 1) -> Entry:
    return Entry(
        site_id=site_id,
        generation=1,
        status=200,
        headers=(),
        bodies=MappingProxyType({"identity": b"x" * size}),
        etag='W/"e"',
        last_modified="",
        expires=0.0,
    )


def test_a_thousand_small_pages_all_stay_where_five_hundred_and_twelve_did():
    pages = LocalPages(pagecache.LOCAL_BYTES)
    for n in range(1200):
        pages.put(f"page-{n}", entry(12_000))

    assert len(pages) == 1200
    assert pages.get("page-0") is not None


def test_the_oldest_pages_go_first_once_the_bytes_pass_the_limit():
    pages = LocalPages(limit=3 * (ENTRY_OVERHEAD + 1000))
    for n in range(5):
        pages.put(f"page-{n}", entry(1000))

    assert list(pages) == ["page-2", "page-3", "page-4"]
    assert pages.bytes == 3 * (ENTRY_OVERHEAD + 1000)


def test_storing_a_page_again_counts_it_once_and_makes_it_the_newest():
    pages = LocalPages(limit=3 * (ENTRY_OVERHEAD + 1000))
    for n in range(3):
        pages.put(f"page-{n}", entry(1000))
    pages.put("page-0", entry(1000))  # as a reply in a new coding is added to an entry
    pages.put("page-3", entry(1000))

    assert list(pages) == ["page-2", "page-0", "page-3"]
    assert pages.bytes == 3 * (ENTRY_OVERHEAD + 1000)


def test_one_page_larger_than_the_limit_is_still_kept_alone():
    pages = LocalPages(limit=1000)
    pages.put("small", entry(10))
    pages.put("large", entry(5000))

    assert list(pages) == ["large"]
    pages.clear()
    assert len(pages) == 0
    assert pages.bytes == 0
