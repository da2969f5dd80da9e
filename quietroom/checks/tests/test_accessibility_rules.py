"""Accessibility rules: alt text, headings, link text, tables."""

import pytest

from quietroom.checks.document import Heading, Image, Link, Location, Paragraph, Table
from quietroom.checks.tests.builders import BODY, article, findings_of, rule_ids

HERO = Location("hero_alt", "Hero image alt text")


def test_a_body_image_without_alt_text_is_an_error():
    found = findings_of("alt-missing", article(Image(None, BODY, filename="rain.jpg")))

    assert [f.level for f in found] == ["error"]
    assert "rain.jpg" in found[0].message
    assert found[0].location == BODY


@pytest.mark.parametrize("alt", ["", "   "])
def test_a_hero_image_with_blank_alt_text_is_an_error(alt):
    found = findings_of("alt-missing", article(hero=Image(alt, HERO)))

    assert found[0].location.field == "hero_alt"
    assert found[0].message.startswith("The hero image")


def test_images_with_alt_text_pass_the_missing_alt_rule():
    document = article(Image("Rain on a window at dusk", BODY), hero=Image("Two armchairs", HERO))

    assert "alt-missing" not in rule_ids(document)


@pytest.mark.parametrize(
    ("alt", "filename"),
    [
        ("rain-window.jpg", "rain-window.jpg"),
        ("Rain Window", "rain-window.jpg"),
        ("IMG_2041", "upload.jpg"),
        ("Image Alignment 580x300", "image-alignment-580x300.jpg"),
    ],
)
def test_alt_text_that_is_a_file_name_is_a_warning(alt, filename):
    found = findings_of("alt-text", article(Image(alt, BODY, filename=filename)))

    assert [f.level for f in found] == ["warning"]
    assert "file name" in found[0].message


@pytest.mark.parametrize("alt", ["image", "Photo.", "a picture", "Illustration"])
def test_alt_text_that_only_says_image_is_a_warning(alt):
    found = findings_of("alt-text", article(Image(alt, BODY, filename="x.jpg")))

    assert "does not say what the image shows" in found[0].message


def test_alt_text_that_repeats_the_caption_is_a_warning():
    image = Image("Autumn leaves on a path", BODY, caption="Autumn leaves on a path.")

    assert "repeats the caption" in findings_of("alt-text", article(image))[0].message


def test_alt_text_over_250_characters_is_a_warning():
    found = findings_of("alt-text", article(Image("A quiet garden" + " and trees" * 24, BODY)))

    assert "254 characters" in found[0].message


def test_alt_text_of_250_characters_is_long_enough():
    assert "alt-text" not in rule_ids(
        article(Image("A quiet garden" + " and trees" * 23 + "!!!!!!", BODY))
    )


def test_a_describing_alt_text_passes():
    image = Image("A lit window in a dark house", BODY, caption="Night", filename="night.jpg")

    assert "alt-text" not in rule_ids(article(image))


def test_a_heading_that_skips_a_level_is_a_warning():
    document = article(Heading(2, "Why it happens", BODY), Heading(4, "At night", BODY))

    found = findings_of("heading-skipped", document)
    assert len(found) == 1
    assert "from level 2 to level 4" in found[0].message
    assert "level-3 heading" in found[0].message


def test_a_first_heading_at_level_three_skips_level_two():
    assert (
        "from level 1 to level 3"
        in findings_of("heading-skipped", article(Heading(3, "Hi", BODY)))[0].message
    )


def test_headings_that_step_down_one_level_at_a_time_pass():
    document = article(Heading(2, "A", BODY), Heading(3, "B", BODY), Heading(2, "C", BODY))

    assert "heading-skipped" not in rule_ids(document)


def test_a_level_one_heading_in_the_body_is_a_warning():
    found = findings_of("heading-h1", article(Heading(1, "Header one", BODY)))

    assert "level-2 heading" in found[0].message


def test_level_two_headings_pass_the_main_heading_rule():
    assert "heading-h1" not in rule_ids(article(Heading(2, "Header two", BODY)))


@pytest.mark.parametrize("text", ["click here", "Read more…", "HERE", "learn more"])
def test_vague_link_text_is_a_warning(text):
    found = findings_of("link-text", article(Link(text, "/about/", BODY)))

    assert f"“{text}”" in found[0].message


@pytest.mark.parametrize("text", ["https://988lifeline.org/", "www.samaritans.org"])
def test_a_bare_web_address_as_link_text_is_a_warning(text):
    assert "web address" in findings_of("link-text", article(Link(text, text, BODY)))[0].message


def test_a_link_without_text_is_a_warning():
    assert "has no text" in findings_of("link-text", article(Link(" ", "/x/", BODY)))[0].message


def test_link_text_that_names_its_destination_passes():
    link = Link("what to expect in a first session", "/articles/first/", BODY)

    assert "link-text" not in rule_ids(article(link, Paragraph("More here.", BODY)))


def test_a_table_without_header_cells_is_a_warning():
    assert findings_of("table-headers", article(Table(False, BODY)))[0].level == "warning"


def test_a_table_with_header_cells_passes():
    assert "table-headers" not in rule_ids(article(Table(True, BODY)))
