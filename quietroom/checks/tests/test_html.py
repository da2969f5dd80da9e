"""HTML to body parts: rich text, imported posts without paragraphs, quotes marked correcting."""

from quietroom.checks.document import (
    Heading,
    Image,
    Link,
    ListItem,
    Location,
    Paragraph,
    Quote,
    Table,
)
from quietroom.checks.html import parts_from_html

HERE = Location("body", "Body")


def kinds(html: str) -> list[tuple[str, object]]:
    summary = []
    for part in parts_from_html(html, HERE):
        detail = getattr(part, "text", None) or getattr(part, "alt", None)
        summary.append((type(part).__name__, detail))
    return summary


def test_rich_text_becomes_headings_paragraphs_and_list_items_in_order():
    html = "<h2>Why</h2><p>Because.</p><ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul>"

    assert kinds(html) == [
        ("Heading", "Why"),
        ("Paragraph", "Because."),
        ("ListItem", "one"),
        ("ListItem", "inner"),
        ("ListItem", "two"),
    ]


def test_text_outside_paragraphs_splits_on_blank_lines_as_wordpress_writes_it():
    html = "First thought, with <em>feeling</em>.\n\nSecond thought.\n<h3>Then</h3>"

    assert kinds(html) == [
        ("Paragraph", "First thought, with feeling."),
        ("Paragraph", "Second thought."),
        ("Heading", "Then"),
    ]


def test_images_keep_their_alt_text_caption_and_file_name():
    html = (
        '<figure><img src="/media/rain-window.jpg?w=600" alt="Rain">'
        '<figcaption>Dusk</figcaption></figure><img src="x.png">'
    )

    first, second = parts_from_html(html, HERE)
    assert first == Image("Rain", HERE, caption="Dusk", filename="rain-window.jpg")
    assert second.alt is None


def test_wagtail_image_embeds_and_page_links_are_read():
    html = (
        '<p><a linktype="page" id="3">our fees</a></p>'
        '<embed embedtype="image" id="7" alt="" format="left"/>'
    )

    parts = parts_from_html(html, HERE)
    assert Link("our fees", "page:3", HERE) in parts
    assert Image("", HERE) in parts


def test_a_linked_image_gives_the_link_its_alt_text():
    html = '<p><a href="/about/"><img src="a.jpg" alt="About us"></a></p>'

    assert Link("About us", "/about/", HERE) in parts_from_html(html, HERE)


def test_tables_know_whether_they_have_header_cells():
    with_headers = parts_from_html("<table><tr><th>Day</th></tr></table>", HERE)
    without = parts_from_html("<table><tr><td>Monday</td></tr></table>", HERE)

    assert with_headers == [Table(True, HERE)]
    assert without == [Table(False, HERE)]


def test_a_blockquote_can_be_marked_as_language_being_corrected():
    marked = parts_from_html(
        '<blockquote class="correcting"><p>You’re crazy.</p></blockquote>', HERE
    )
    plain = parts_from_html("<blockquote><p>You’re crazy.</p></blockquote>", HERE)

    assert marked == [Quote("You’re crazy.", HERE, correcting=True)]
    assert plain == [Quote("You’re crazy.", HERE, correcting=False)]


def test_scripts_styles_and_comments_are_not_text():
    html = "<script>var a;</script><style>p{}</style><!-- note --><p>Hi<!-- x -->.<br>Bye.</p>"

    assert parts_from_html(html, HERE) == [Paragraph("Hi. Bye.", HERE)]


def test_empty_html_has_no_parts():
    assert parts_from_html("", HERE) == []
    assert parts_from_html(None, HERE) == []


def test_headings_keep_their_levels():
    parts = parts_from_html("<h1>One</h1><h6>Six</h6>", HERE)

    assert [p.level for p in parts if isinstance(p, Heading)] == [1, 6]
    assert not any(isinstance(p, ListItem) for p in parts)
