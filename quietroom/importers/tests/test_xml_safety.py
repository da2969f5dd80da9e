"""C1 and C2: XML bombs, external entities, size and shape limits, streaming memory."""

import io
import tracemalloc
import zipfile

import pytest
from wagtail.models import Page

from quietroom.blog.models import ArticlePage
from quietroom.importers.models import ImportedItem
from quietroom.importers.sample import write_wxr as generate_wxr
from quietroom.importers.tests.generate import write_squarespace
from quietroom.importers.tests.servers import send, serving
from quietroom.importers.tests.support import (
    image_bytes,
    post,
    repair_counts,
    run_import,
    wxr,
)
from quietroom.importers.wxr import MAX_CONTENT_CHARS, WxrError

REFUSAL = "contains a DTD/entities; not a WordPress export"
# The bound for importing a file of 50 MB or more: what a streaming parse needs, far below
# the file itself, which a parser building the whole tree would hold at once.
STREAMING_BOUND_MB = 32


def billion_laughs() -> str:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    )
    return wxr(post(1, "&lol9;", "laughs"), head=f"<!DOCTYPE rss [{entities}]>\n")


def quadratic_blowup() -> str:
    entity = f'<!DOCTYPE rss [<!ENTITY a "{"x" * 100_000}">]>\n'
    return wxr(post(1, "Blowup", "&a;" * 100_000), head=entity)


def external_entity() -> str:
    head = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    return wxr(post(1, "XXE", "x", extra='<category domain="category">&xxe;</category>'), head)


def html_named_bomb() -> str:
    """Laughs behind a name HTML defines, so the repair pass would decode it if it looked."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    )
    head = f'<!DOCTYPE rss [{entities}<!ENTITY nbsp "&lol9;">]>\n'
    return wxr(post(1, "Rest&nbsp;well", "laughs"), head=head)


def html_named_external_entity() -> str:
    head = '<!DOCTYPE rss [<!ENTITY mdash SYSTEM "file:///etc/passwd">]>\n'
    return wxr(post(1, "XXE &mdash; here", "x", extra="<category>&mdash;</category>"), head)


def squarespace_style(document) -> str:
    """`document` with what Squarespace writes, for the repair pass to repair: a bare & and an
    HTML entity in a title, and a comment with a bare & before the DTD."""
    text = document().replace("<title>Crafted</title>", "<title>Calm & kind&hellip;</title>")
    declaration = text.index("?>") + 2
    return text[:declaration] + "\n<!-- exported & repaired -->" + text[declaration:]


def assert_refused_and_nothing_written(path):
    pages = Page.objects.count()
    tracemalloc.start()
    try:
        with pytest.raises(WxrError, match=REFUSAL):
            run_import(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024
    assert Page.objects.count() == pages
    assert not ImportedItem.objects.exists()


@pytest.mark.parametrize("document", [billion_laughs, quadratic_blowup, external_entity])
def test_entity_bombs_and_external_entities_are_refused(blog, write_wxr, document):
    assert_refused_and_nothing_written(write_wxr(document()))


@pytest.mark.parametrize(
    "document",
    [
        billion_laughs,
        quadratic_blowup,
        external_entity,
        html_named_bomb,
        html_named_external_entity,
    ],
)
def test_entity_bombs_and_external_entities_are_still_refused_after_the_repair_pass(
    blog, write_wxr, document
):
    assert_refused_and_nothing_written(write_wxr(squarespace_style(document)))


def test_an_external_dtd_is_refused_without_being_fetched(blog, write_wxr):
    with serving("127.0.0.1", {"/evil.dtd": send(b"<!ENTITY x 'y'>", "text/plain")}) as (
        base,
        requests,
    ):
        external = wxr(post(1, "DTD", "x"), head=f'<!DOCTYPE rss SYSTEM "{base}/evil.dtd">\n')
        parameter = wxr(
            post(1, "OOB", "x"),
            head=f'<!DOCTYPE rss [<!ENTITY % remote SYSTEM "{base}/evil.dtd"> %remote;]>\n',
        )
        assert_refused_and_nothing_written(write_wxr(external, "external.xml"))
        assert_refused_and_nothing_written(write_wxr(parameter, "parameter.xml"))
    assert requests == []


def test_xinclude_is_left_as_an_unknown_element_and_never_read(blog, write_wxr):
    content = (
        '<p>Before</p><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        'href="file:///etc/passwd" parse="text"/><p>After</p>'
    )
    item = post(1, "XInclude", "").replace(
        "<content:encoded><![CDATA[]]></content:encoded>",
        f"<content:encoded>{content.replace('<', '&lt;')}</content:encoded>",
    )
    extra = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd"/>'
    run_import(write_wxr(wxr(item.replace("</item>", f"{extra}</item>"))))

    source = ArticlePage.objects.get().body[0].value.source
    assert "Before" in source
    assert "root:" not in source


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(blog, tmp_path):
    path = tmp_path / "huge.xml"
    with open(path, "wb") as handle:
        handle.truncate(150 * 1024 * 1024)  # sparse: 150 MB on paper, nothing to read

    with pytest.raises(WxrError, match="is 150 MB; the limit is 100 MB"):
        run_import(path)


def test_deep_nesting_is_refused(blog, write_wxr):
    deep = "<x>" * 100_000 + "</x>" * 100_000
    with pytest.raises(WxrError, match="nested more than 32 deep"):
        run_import(write_wxr(wxr(f"<item>{deep}</item>")))
    assert not ArticlePage.objects.exists()


def test_a_post_whose_content_is_too_large_is_skipped_with_its_reason(blog, write_wxr):
    huge = "<p>" + "a" * MAX_CONTENT_CHARS + "</p>"
    report = run_import(write_wxr(wxr(post(1, "Huge", huge) + post(2, "Small", "<p>ok</p>"))))

    assert report.total("posts", "skipped") == 1
    assert any("“Huge” was skipped: its content is 5 MB, over the" in w for w in report.warnings)
    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["Small"]


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export.xml", b"\0" * (20 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize("payload", [image_bytes("PNG"), zip_bomb()], ids=["png", "zip"])
def test_files_that_are_not_xml_are_refused(blog, write_wxr, payload):
    with pytest.raises(WxrError, match=r"not well-formed XML: .* at line 1, column"):
        run_import(write_wxr(payload))
    assert not ArticlePage.objects.exists()


@pytest.mark.once
def test_a_50_mb_export_streams_with_bounded_memory(blog, tmp_path):
    path = generate_wxr(tmp_path / "large.xml", posts=40, comments=130, comment_kb=10)
    size = path.stat().st_size
    assert size >= 50 * 1024 * 1024

    tracemalloc.start()
    try:
        report = run_import(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert report.total("posts", "created") == 40
    assert report.comments == 40 * 130
    assert peak < STREAMING_BOUND_MB * 1024 * 1024, f"peak {peak / 1024**2:.0f} MB"


@pytest.mark.once
def test_a_50_mb_squarespace_export_is_repaired_and_streams_with_bounded_memory(blog, tmp_path):
    path = write_squarespace(tmp_path / "squarespace.xml", posts=40, comments=130, comment_kb=10)
    assert path.stat().st_size >= 50 * 1024 * 1024

    tracemalloc.start()
    try:
        report = run_import(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    escaped, decoded = repair_counts(path.read_text())
    assert (report.repairs.escaped, report.repairs.decoded) == (escaped, decoded)
    assert report.repairs.total > 40 * 130 * 100  # a hundred and more in every comment
    assert report.total("posts", "created") == 40
    assert report.comments == 40 * 130
    assert ArticlePage.objects.filter(title="Worry & sleep — part 7", slug="generated-post-7")
    assert peak < STREAMING_BOUND_MB * 1024 * 1024, f"peak {peak / 1024**2:.0f} MB"
