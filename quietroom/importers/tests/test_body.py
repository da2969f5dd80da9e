"""Post HTML becomes text, quote and image blocks, as an editor would have written them."""

from quietroom.importers.body import ImageRef, Resolver, convert_body
from quietroom.importers.sanitise import autop
from quietroom.importers.shortcodes import expand_shortcodes

IMAGES = {
    "https://old.example/wp-content/uploads/a.jpg": ImageRef(1, "Alt of A"),
    "https://images.squarespace-cdn.com/b.jpg": ImageRef(2, ""),
}
ATTACHMENTS = {7: ImageRef(7, "Attachment seven"), 8: ImageRef(8, "Attachment eight")}
PAGES = {"https://old.example/hello/": 42}


def resolver(gallery=()):
    def image(source, number):
        return ATTACHMENTS.get(number) if number else IMAGES.get(source)

    return Resolver(image=image, page=PAGES.get, gallery_ids=lambda: list(gallery))


def blocks(html, **options):
    return convert_body(html, resolver(**options)).blocks


def test_headings_keep_their_order_in_the_two_levels_the_text_block_has():
    [text] = blocks("<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h6>Six</h6>")
    assert text["value"] == "<h2>One</h2><h2>Two</h2><h3>Three</h3><h3>Four</h3><h3>Six</h3>"


def test_classic_editor_blank_lines_become_paragraphs_and_single_breaks_stay():
    assert autop("First line\nsame paragraph\n\nSecond") == (
        "<p>First line<br>\nsame paragraph</p>\n<p>Second</p>"
    )
    [text] = blocks("One\n\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n\nTwo")
    assert text["value"] == "<p>One</p><ul>\n<li>a</li>\n<li>b</li>\n</ul><p>Two</p>"


def test_a_url_alone_on_a_line_becomes_a_link():
    [text] = blocks("Watch this:\n\nhttps://video.example/talk\n\nThanks")
    assert '<a href="https://video.example/talk">https://video.example/talk</a>' in text["value"]


def test_block_editor_comments_and_wrappers_are_unwrapped():
    html = (
        '<!-- wp:group --><div class="wp-block-group"><!-- wp:paragraph -->'
        "<p>Inside a group</p><!-- /wp:paragraph --></div><!-- /wp:group -->"
        '<div class="sqs-layout"><div class="sqs-block"><p>Squarespace text</p></div></div>'
    )
    [text] = blocks(html)
    assert text["value"] == "<p>Inside a group</p><p>Squarespace text</p>"


def test_links_to_imported_posts_become_page_links_and_others_stay():
    [text] = blocks(
        '<p><a href="https://old.example/hello/">hello</a> '
        '<a href="https://elsewhere.example/" target="_blank" rel="nofollow">away</a> '
        '<a name="anchor">no href</a></p>'
    )
    assert text["value"] == (
        '<p><a id="42" linktype="page">hello</a> '
        '<a href="https://elsewhere.example/">away</a> no href</p>'
    )


def test_quotes_become_pull_quotes_with_attribution():
    [quote] = blocks("<blockquote><p>Am I too much?</p><cite>— an inner voice</cite></blockquote>")
    assert quote == {
        "type": "quote",
        "value": {"quote": "Am I too much?", "attribution": "an inner voice"},
    }


def test_a_long_quotation_stays_a_quotation_in_the_text_with_its_links_and_emphasis():
    html = (
        f"<blockquote><p>{'word ' * 60}<strong>bold</strong> and "
        '<a href="https://source.example/a">a link</a>.</p><p>Second part.</p>'
        '<cite>— <a href="https://source.example/">The source</a></cite></blockquote>'
    )
    body = convert_body(html, resolver())

    [text] = body.blocks
    assert text["type"] == "text"
    assert text["value"].startswith("<blockquote>word word")
    assert (
        '<strong>bold</strong> and <a href="https://source.example/a">a link</a>.' in text["value"]
    )
    assert "<blockquote>Second part.</blockquote>" in text["value"]
    assert text["value"].endswith('<p>— <a href="https://source.example/">The source</a></p>')
    assert body.warnings == []


def test_a_short_quotation_with_a_link_keeps_it():
    [text] = blocks('<blockquote><p>See <a href="https://x.example/">this</a>.</p></blockquote>')
    assert text == {
        "type": "text",
        "value": '<blockquote>See <a href="https://x.example/">this</a>.</blockquote>',
    }


def test_tags_written_as_text_in_a_quotation_stay_in_it():
    [quote] = blocks("<blockquote><p>Use <code>&lt;q&gt;</code> for short ones.</p></blockquote>")
    assert quote["value"]["quote"] == "Use <q> for short ones."


def test_a_long_quotations_source_address_becomes_a_link_when_nothing_else_names_it():
    html = f'<blockquote cite="https://www.source.example/page"><p>{"word " * 70}</p></blockquote>'
    [text] = blocks(html)
    assert text["value"].endswith(
        '<p>Source: <a href="https://www.source.example/page">source.example</a></p>'
    )


def test_a_gallery_list_becomes_images_with_their_captions():
    html = (
        '<ul class="wp-block-gallery"><li><figure><img class="wp-image-7" src="/x.jpg" alt="">'
        "<figcaption>Seven</figcaption></figure></li>"
        '<li><figure><img class="wp-image-8" src="/y.jpg" alt=""></figure></li></ul>'
    )
    assert blocks(html) == [
        {
            "type": "image",
            "value": {"image": 7, "alt_text": "Attachment seven", "caption": "Seven"},
        },
        {"type": "image", "value": {"image": 8, "alt_text": "Attachment eight", "caption": ""}},
    ]


def test_a_gallery_whose_images_are_missing_leaves_nothing_but_its_report():
    html = (
        '<ul class="blocks-gallery-grid"><li><figure><img src="https://old.example/gone.jpg">'
        "<figcaption>Lost caption</figcaption></figure></li>"
        '<li><figure><img src="https://old.example/gone2.jpg"></figure></li></ul>'
    )
    body = convert_body(html, resolver())

    assert body.blocks == []
    assert body.warnings == [
        "image https://old.example/gone.jpg was not found; it was left out with its caption "
        "“Lost caption”",
        "image https://old.example/gone2.jpg was not found; it was left out",
    ]


def test_a_list_item_that_held_only_an_image_is_not_left_as_an_empty_bullet():
    html = '<ul><li>Words</li><li><img src="https://old.example/gone.jpg"></li></ul>'
    [text] = blocks(html)
    assert text["value"] == "<ul><li>Words</li></ul>"


def test_images_split_the_text_and_carry_alt_text_and_caption():
    html = (
        '<p>Before <img src="https://old.example/wp-content/uploads/a.jpg" alt=""> after</p>'
        '<figure><img class="wp-image-7" src="https://old.example/x-300x200.jpg" alt="Own alt">'
        "<figcaption>A caption</figcaption></figure>"
    )
    result = blocks(html)
    assert [b["type"] for b in result] == ["text", "image", "text", "image"]
    assert result[0]["value"] == "<p>Before</p>"
    assert result[1]["value"] == {"image": 1, "alt_text": "Alt of A", "caption": ""}
    assert result[2]["value"] == "<p>after</p>"
    assert result[3]["value"] == {"image": 7, "alt_text": "Own alt", "caption": "A caption"}


def test_squarespace_lazy_images_are_found_once():
    html = (
        '<figure class="sqs-block-image-figure"><noscript><img src="https://images.squarespace-cdn.com/b.jpg"></noscript>'
        '<img data-src="https://images.squarespace-cdn.com/b.jpg" alt="A bench"></figure>'
    )
    assert blocks(html) == [
        {"type": "image", "value": {"image": 2, "alt_text": "A bench", "caption": ""}}
    ]


def test_a_missing_image_is_left_out_with_a_warning_and_marks_the_body_incomplete():
    body = convert_body('<p>Text<img src="https://old.example/gone.jpg" alt="x"></p>', resolver())
    assert [b["type"] for b in body.blocks] == ["text"]
    assert body.warnings == ["image https://old.example/gone.jpg was not found; it was left out"]
    assert not body.complete


def test_caption_and_gallery_shortcodes_become_images():
    html = (
        '[caption id="attachment_7" width="300"]<img class="wp-image-7" src="/a.jpg" alt=""> '
        "Seven at dusk[/caption]\n\n[gallery]"
    )
    result = blocks(html, gallery=[8])
    seven = {"image": 7, "alt_text": "Attachment seven", "caption": "Seven at dusk"}
    eight = {"image": 8, "alt_text": "Attachment eight", "caption": ""}
    assert result == [{"type": "image", "value": seven}, {"type": "image", "value": eight}]


def test_unknown_shortcodes_go_but_bracketed_prose_stays():
    warnings = []
    text = expand_shortcodes(
        '[contact-form-7 id="3"] She said [sic] it. [note]Kept text[/note] [[caption]]',
        list,
        warnings.append,
    )
    assert text == " She said [sic] it. Kept text [caption]"
    assert warnings == [
        "the [note] shortcode was removed; its text was kept",
        "the [contact-form-7] shortcode was removed",
    ]


def test_tables_and_definition_lists_become_readable_paragraphs():
    body = convert_body(
        "<table><tr><th>Session</th><th>Fee</th></tr><tr><td>Individual</td><td>$120</td>"
        "</tr></table><dl><dt>CBT</dt><dd>Cognitive behavioural therapy</dd></dl>",
        resolver(),
    )
    [text] = body.blocks
    assert text["value"] == (
        "<p>Session · Fee</p><p>Individual · $120</p>"
        "<p><strong>CBT</strong></p><p>Cognitive behavioural therapy</p>"
    )
    assert "a table was kept as plain lines of text" in body.warnings


def test_embedded_frames_become_links_and_players_are_reported():
    body = convert_body(
        '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>'
        '<video src="v.mp4"></video>',
        resolver(),
    )
    [text] = body.blocks
    assert 'href="https://www.youtube-nocookie.com/embed/x"' in text["value"]
    assert "1 <video> element removed" in body.warnings


def test_an_aside_becomes_a_callout_with_its_heading():
    [before, callout, after] = blocks(
        "<p>Before.</p><aside><h3>A small thing to try</h3><p>Breathe <em>out</em> slowly.</p>"
        "<ul><li>once</li></ul><h4>Then</h4><p>Rest.</p></aside><p>After.</p>"
    )

    assert before == {"type": "text", "value": "<p>Before.</p>"}
    assert callout == {
        "type": "callout",
        "value": {
            "heading": "A small thing to try",
            "text": (
                "<p>Breathe <em>out</em> slowly.</p><ul><li>once</li></ul><p>Then</p><p>Rest.</p>"
            ),
        },
    }
    assert after == {"type": "text", "value": "<p>After.</p>"}


def test_an_aside_without_a_heading_is_a_callout_and_one_without_text_is_text():
    assert blocks("<aside>Just a note.</aside>") == [
        {"type": "callout", "value": {"heading": "", "text": "<p>Just a note.</p>"}}
    ]
    assert blocks("<aside><h2>Only a heading</h2></aside>") == [
        {"type": "text", "value": "<h2>Only a heading</h2>"}
    ]
