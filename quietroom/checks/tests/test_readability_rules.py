"""Readability rules: reading grade of the whole text and of sections, long sentences and
paragraphs, reading time."""

from quietroom.checks.config import Config
from quietroom.checks.document import Heading, ListItem, Location, Paragraph
from quietroom.checks.rules.readability import sections, statistics
from quietroom.checks.tests.builders import BODY, article, findings_of, rule_ids

HARD = (
    "Psychotherapeutic interventions demonstrate considerable effectiveness regarding "
    "ameliorating depressive symptomatology. "
) * 12  # 108 words, about grade 20
EASY = "We sat by the fire. It was warm and still. The cat slept on the mat. " * 8  # 128 words


def test_a_hard_text_gets_a_reading_grade_warning():
    found = findings_of("reading-grade", article(Paragraph(HARD, BODY)))

    assert [f.level for f in found] == ["warning"]
    assert "grade 9 or below" in found[0].message


def test_an_easy_text_passes_the_reading_grade():
    assert "reading-grade" not in rule_ids(article(Paragraph(EASY, BODY)))


def test_the_practice_can_lower_the_reading_grade_it_accepts():
    document = article(Paragraph(EASY, BODY))
    grade = statistics(document)["grade"]

    assert "reading-grade" in rule_ids(document, Config(reading_grade=grade - 1))
    assert "reading-grade" not in rule_ids(document, Config(reading_grade=grade))


def test_a_short_text_has_no_reading_grade():
    document = article(Paragraph("Psychotherapeutic interventions demonstrate efficacy.", BODY))

    assert statistics(document)["grade"] is None
    assert "reading-grade" not in rule_ids(document)


def test_list_items_read_as_separate_sentences():
    items = [ListItem(f"a small thing to try number {n}", BODY) for n in range(30)]

    assert statistics(article(*items))["grade"] < 5


def test_a_hard_section_among_easy_ones_gets_its_own_warning():
    document = article(
        Heading(2, "Winter evenings", BODY),
        Paragraph(EASY, BODY),
        Heading(2, "What research says", Location("body", "Body, block 2 (text)", 2, "b2")),
        Paragraph(HARD, BODY),
    )

    found = findings_of("section-grade", document)
    assert len(found) == 1
    assert "“What research says”" in found[0].message
    assert found[0].location.block_id == "b2"


def test_easy_sections_pass_the_section_grade():
    document = article(
        Heading(2, "One", BODY),
        Paragraph(EASY, BODY),
        Heading(2, "Two", BODY),
        Paragraph(EASY, BODY),
    )

    assert "section-grade" not in rule_ids(document)


def test_sections_start_at_the_top_heading_level_and_keep_the_introduction():
    document = article(
        Paragraph("Intro.", BODY),
        Heading(2, "One", BODY),
        Heading(3, "Inside one", BODY),
        Paragraph("Still one.", BODY),
        Heading(2, "Two", BODY),
    )

    found = sections(document)
    assert [s.heading.text if s.heading else None for s in found] == [None, "One"]
    assert found[1].text == "Still one."


def test_a_sentence_over_thirty_words_is_a_warning():
    sentence = "and then " * 15 + "we rested."  # 32 words
    found = findings_of("long-sentence", article(Paragraph(f"Short one. {sentence}", BODY)))

    assert [f.level for f in found] == ["warning"]
    assert "32 words" in found[0].message


def test_a_sentence_of_thirty_words_passes():
    sentence = "and then " * 14 + "we rested."  # 30 words

    assert "long-sentence" not in rule_ids(article(Paragraph(sentence, BODY)))


def test_a_paragraph_over_150_words_is_a_warning():
    found = findings_of("long-paragraph", article(Paragraph("Rest a while. " * 51, BODY)))

    assert "153 words" in found[0].message


def test_a_paragraph_of_150_words_passes():
    assert "long-paragraph" not in rule_ids(article(Paragraph("Rest a while. " * 50, BODY)))


def test_the_reading_time_is_measured_and_a_long_read_gets_a_hint():
    long_read = article(Paragraph("Rest. " * 2201, BODY))  # 220 words a minute

    assert statistics(long_read)["reading_minutes"] == 11
    found = findings_of("reading-time", long_read)
    assert [f.level for f in found] == ["hint"]
    assert "about 11 minutes" in found[0].message


def test_a_ten_minute_read_has_no_reading_time_hint():
    document = article(Paragraph("Rest. " * 2200, BODY))

    assert statistics(document)["reading_minutes"] == 10
    assert "reading-time" not in rule_ids(document)
