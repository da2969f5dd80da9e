"""The repair pass: what Squarespace writes becomes XML, outside CDATA only, chunk by chunk."""

import io
import re
from xml.etree import ElementTree

import pytest

from quietroom.importers.repair import HOLD_BACK, Repairer, RepairingReader, Repairs
from quietroom.importers.tests.generate import SQUARESPACE_HEAD, squarespace_item
from quietroom.importers.tests.support import (
    DATA,
    NAMED_REFERENCE,
    UNTOUCHED,
    XML_REFERENCE,
    repair_counts,
)
from quietroom.importers.wxr import Item, WxrError, read_wxr

REPAIRS = DATA / "squarespace-repairs.xml"
UNDEFINED = DATA / "squarespace-undefined-entity.xml"


def repaired(data: bytes, chunk: int | None = None) -> tuple[bytes, Repairs]:
    repairer = Repairer()
    if chunk is None:
        return repairer.feed(data, final=True), repairer.repairs
    pieces = [repairer.feed(data[at : at + chunk]) for at in range(0, len(data), chunk)]
    return b"".join([*pieces, repairer.feed(b"", final=True)]), repairer.repairs


def entries(path) -> list:
    return list(read_wxr(path))


def items(path) -> list[Item]:
    return [entry for entry in entries(path) if isinstance(entry, Item)]


def test_bare_ampersands_and_html_entities_outside_cdata_are_repaired():
    first, second = items(REPAIRS)

    assert first.title == "Sleep & worry — a short guide…"
    assert second.title == 'Café conversations "about" grief'
    assert first.excerpt == "Small steps\xa0at night & in the morning’s light — kept."
    assert second.attachment_url == "https://images.example/photo.jpg?w=800&h=600&fit=crop"


def test_a_bare_ampersand_and_an_entity_inside_an_attribute_are_repaired():
    term = items(REPAIRS)[0].terms[0]

    assert (term.slug, term.name) == ("work&life", "Work & Life’s balance")


def test_cdata_is_never_touched_even_when_split_in_two():
    first, second = items(REPAIRS)

    assert first.content == (
        "<p>Rest &mdash; then wake & breathe. Tom & Jerry&nbsp;stay as written.</p>"
    )
    assert second.content == "<p>What grief feels like &ndash; in our own words.]]></p>"


def test_comments_instructions_xml_entities_and_numeric_references_are_kept_as_written():
    text = REPAIRS.read_bytes()
    out, _ = repaired(text)

    for section in UNTOUCHED.findall(text.decode()):
        assert section.encode() in out
    for reference in set(XML_REFERENCE.findall(text.decode())):
        assert out.count(reference.encode()) >= text.count(reference.encode())


def test_the_counts_and_the_first_repair_are_those_of_the_original_file():
    text = REPAIRS.read_text()
    escaped, decoded = repair_counts(text)
    outside = UNTOUCHED.sub(lambda m: " " * len(m.group()), text)  # same places, nothing inside
    first = min(
        [
            m.start()
            for m in NAMED_REFERENCE.finditer(outside)
            if not XML_REFERENCE.match(outside, m.start())
        ]
        + [m.start() for m in re.finditer(r"&(?![A-Za-z][A-Za-z0-9]*;|#)", outside)]
    )
    line = text.count("\n", 0, first) + 1
    column = first - (text.rfind("\n", 0, first) + 1)

    repairs = entries(REPAIRS)[-1]

    assert (repairs.escaped, repairs.decoded) == (escaped, decoded)
    assert (repairs.line, repairs.column) == (line, column) == (10, 19)


@pytest.mark.parametrize("chunk", [*range(1, 2 * HOLD_BACK + 3), 1000, 4096])
def test_any_chunk_size_gives_the_same_repair(chunk):
    text = REPAIRS.read_bytes()

    assert repaired(text, chunk) == repaired(text)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([b"<a>x &md", b"ash; y</a>"], b"<a>x &#8212; y</a>"),
        ([b"<a>x &", b"mdash; y</a>"], b"<a>x &#8212; y</a>"),
        ([b"<a>x &", b" y</a>"], b"<a>x &amp; y</a>"),
        ([b"<a><![CDA", b"TA[ & &mdash; ]", b"]> &</a>"], b"<a><![CDATA[ & &mdash; ]]> &amp;</a>"),
        ([b"<a><![CDATA[ & ]]", b"]]", b"> &</a>"], b"<a><![CDATA[ & ]]]]> &amp;</a>"),
        ([b"<a><!-", b"- & --", b"> &</a>"], b"<a><!-- & --> &amp;</a>"),
    ],
    ids=["in-a-name", "after-the-ampersand", "bare", "cdata-start", "cdata-end", "comment"],
)
def test_tokens_and_markers_split_across_chunks_are_seen_whole(parts, expected):
    # The first chunk is longer than what the pass holds back, so the split really happens.
    padding = b" " * 300
    repairer = Repairer()
    pieces = [repairer.feed(part) for part in [padding + parts[0], *parts[1:]]]
    out = b"".join([*pieces, repairer.feed(b"", final=True)])

    assert out == padding + expected


def test_an_entity_that_adds_a_line_or_a_quote_never_changes_lines_or_attributes():
    data = b'<a t="&QUOT;&amp;&quot;">one&NewLine;two\nthree & four</a>'
    out, repairs = repaired(data)

    assert out == b'<a t="&#34;&amp;&quot;">one&#10;two\nthree &amp; four</a>'
    assert out.count(b"\n") == data.count(b"\n")
    assert (repairs.escaped, repairs.decoded) == (1, 2)


def test_an_entity_html_does_not_define_is_refused_at_its_place_in_the_original():
    text = UNDEFINED.read_text()
    offset = text.index("&madeup;")
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1)

    with pytest.raises(WxrError) as refused:
        entries(UNDEFINED)

    message = str(refused.value)
    assert f"undefined entity &madeup; (HTML does not define it either) at line {line}, " in (
        message
    )
    assert f"line {line}, column {column}." in message
    assert "Nothing was imported." in message


def test_a_later_error_is_reported_at_its_line_and_column_in_the_original():
    head = "<?xml version='1.0'?>\n<rss><channel><title>A & B &mdash; C &eacute; &</title>\n"
    tail = "<item><title>Caf&eacute; &amp; & more</title><b>x < y</b></item></channel></rss>"
    text = head + "\n" + tail
    # Where the parser stops in the same file with every repair written as plain letters of
    # the same length: the original's line and column, found without the repair pass.
    same_length = re.sub(r"&(?!amp;)[a-z]*;?", lambda found: "x" * len(found.group()), text)
    with pytest.raises(ElementTree.ParseError) as plain:
        ElementTree.fromstring(same_length)
    line, column = plain.value.position

    with pytest.raises(WxrError, match=rf"at line {line}, column {column}\. Nothing"):
        list(read_wxr(io.BytesIO(text.encode())))
    assert line == 4


def test_a_file_with_nothing_to_repair_goes_through_byte_for_byte():
    data = (DATA / "practice.xml").read_bytes()
    out, repairs = repaired(data, chunk=777)

    assert out == data
    assert repairs.total == 0


def test_a_dtd_and_everything_after_it_goes_to_the_parser_untouched():
    data = b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY nbsp "x">]>\n<rss>&nbsp; & </rss>'

    assert repaired(data) == (data, Repairs())


def test_a_utf16_file_is_left_to_the_parser():
    data = '<?xml version="1.0" encoding="UTF-16"?><rss>A & B</rss>'.encode("utf-16")

    assert repaired(data)[0] == data


def test_the_reader_returns_no_more_than_asked_and_everything_in_the_end():
    data = REPAIRS.read_bytes()
    reader = RepairingReader(io.BytesIO(data))
    pieces = []
    while piece := reader.read(100):
        assert len(piece) <= 100
        pieces.append(piece)

    assert b"".join(pieces) == repaired(data)[0]


@pytest.mark.parametrize(
    "data",
    [
        REPAIRS.read_bytes(),
        UNDEFINED.read_bytes(),
        (DATA / "squarespace-blocks.xml").read_bytes(),
        (SQUARESPACE_HEAD + squarespace_item(3, paragraphs=2, comments=4)).encode(),
    ],
    ids=["repairs", "undefined", "blocks", "generated"],
)
def test_repairs_made_one_by_one_with_their_places_equal_repairs_made_in_bulk(data):
    # The pass counts places only until its first repair, then works in bulk; a listener
    # keeps it counting, one repair at a time, to the end.
    heard = []
    one_by_one = Repairer(on_repair=lambda *place: heard.append(place))
    exact = one_by_one.feed(data, final=True)

    assert (exact, one_by_one.repairs) == repaired(data)
    assert len(heard) == one_by_one.repairs.total
