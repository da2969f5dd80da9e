"""Safety rules: content notes for sensitive topics, stigmatising language, promises."""

import pytest

from quietroom.checks.document import Document, Heading, Paragraph, Quote
from quietroom.checks.tests.builders import BODY, article, findings_of, rule_ids


def test_an_article_about_suicide_without_a_content_note_gets_a_warning():
    document = article(Paragraph("Thoughts of suicide can feel frightening.", BODY))

    found = findings_of("content-note", document)
    assert [f.level for f in found] == ["warning"]
    assert found[0].location.field == "content_note"
    assert "“This article talks about suicide.”" in found[0].message


def test_several_topics_are_named_together_in_the_suggested_note():
    document = article(Paragraph("Self-harm and suicidal thoughts often travel together.", BODY))

    assert "talks about suicide and self-harm" in findings_of("content-note", document)[0].message


def test_a_content_note_with_crisis_resources_clears_the_warning():
    document = article(
        Paragraph("Thoughts of suicide can feel frightening.", BODY),
        content_note="This article talks about suicide.",
        crisis_resources=True,
    )

    assert "content-note" not in rule_ids(document)


def test_a_content_note_without_crisis_resources_to_show_still_gets_a_warning():
    document = article(
        Paragraph("Thoughts of suicide can feel frightening.", BODY),
        content_note="This article talks about suicide.",
        crisis_resources=False,
    )

    assert "no crisis resources" in findings_of("content-note", document)[0].message


def test_one_passing_mention_of_abuse_needs_no_note_but_two_do():
    once = article(Paragraph("Where there is abuse, stronger protection may be needed.", BODY))
    twice = article(
        Paragraph("Abuse leaves marks. People who were abused often blame themselves.", BODY)
    )

    assert "content-note" not in rule_ids(once)
    assert "talks about abuse" in findings_of("content-note", twice)[0].message


def test_an_article_on_an_everyday_topic_needs_no_content_note():
    assert "content-note" not in rule_ids(article(Paragraph("Tears are welcome in therapy.", BODY)))


def test_pages_other_than_articles_are_not_asked_for_a_content_note():
    page = Document(title="Dr. Okafor", body=[Paragraph("She works in suicide prevention.", BODY)])

    assert "content-note" not in rule_ids(page)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Her brother committed suicide last spring.", "died by suicide"),
        ("He was described as a schizophrenic.", "a person with schizophrenia"),
        ("My ex was crazy, they said; he’s crazy.", "struggling with their mental health"),
        ("Stop calling her attention-seeking.", "reaching out for help"),
    ],
)
def test_stigmatising_phrasings_get_a_warning_with_a_kinder_wording(text, suggestion):
    found = findings_of("stigmatising-language", article(Paragraph(text, BODY)))

    assert [f.level for f in found] == ["warning"]
    assert suggestion in found[0].message


def test_stigmatising_language_in_a_heading_the_title_or_the_summary_is_found_too():
    document = article(
        Heading(2, "When someone commits suicide", BODY),
        title="An addict’s story",
        summary="Living with a schizophrenic parent.",
    )

    found = findings_of("stigmatising-language", document)
    assert sorted(f.location.field for f in found) == ["body", "summary", "title"]


@pytest.mark.parametrize(
    "text",
    [
        "Her brother died by suicide last spring.",
        "We had a crazy busy week.",
        "An alcoholic drink before bed can disturb sleep.",
        "Some people find Alcoholics Anonymous helpful.",
        "Psychotherapy helps.",
    ],
)
def test_respectful_or_unrelated_wording_passes(text):
    assert "stigmatising-language" not in rule_ids(article(Paragraph(text, BODY)))


def test_an_ordinary_quote_with_stigmatising_words_is_flagged_with_a_way_out():
    found = findings_of("stigmatising-language", article(Quote("Am I crazy?", BODY)))

    assert "This quote shows language we are correcting" in found[0].message


def test_a_quote_marked_as_language_we_are_correcting_is_left_alone():
    document = article(Quote("Just snap out of it, you’re crazy.", BODY, correcting=True))

    assert "stigmatising-language" not in rule_ids(document)


def test_a_marked_quote_still_counts_towards_a_sensitive_topic():
    document = article(Quote("People who commit suicide are selfish.", BODY, correcting=True))

    assert "stigmatising-language" not in rule_ids(document)
    assert "content-note" in rule_ids(document)


@pytest.mark.parametrize(
    "text", ["Therapy can cure anxiety.", "Results guaranteed.", "A permanent fix for worry."]
)
def test_promises_of_a_result_get_a_hint(text):
    found = findings_of("promises", article(Paragraph(text, BODY)))

    assert [f.level for f in found] == ["hint"]
    assert "can read as a promise" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "None of these is a cure.",
        "There is no cure-all, and no guarantee.",
        "Therapy is not about being fixed. Many people find relief.",
    ],
)
def test_negated_or_honest_wording_passes_the_promises_rule(text):
    assert "promises" not in rule_ids(article(Paragraph(text, BODY)))


def test_a_promise_quoted_in_order_to_correct_it_is_left_alone():
    document = article(Quote("Ten sessions, guaranteed cure!", BODY, correcting=True))

    assert "promises" not in rule_ids(document)


@pytest.mark.parametrize(
    "text",
    [
        "She helped me so much after my divorce.",
        "As a client of Linden Tree I felt heard.",
        "Honestly the best therapist in Evanston.",
        "My therapist here changed my life.",
    ],
)
def test_wording_of_a_client_testimonial_gets_a_warning_with_the_codes_reason(text):
    page = Document(title="About us", body=[Paragraph(text, BODY)])

    found = findings_of("testimonial-wording", page)

    assert [f.level for f in found] == ["warning"]
    assert "APA Ethics Code (standard 5.05)" in found[0].message
    assert "endorsement block" in found[0].message


def test_writing_about_therapy_is_not_a_testimonial():
    page = article(
        Paragraph("Your therapist will not judge you for crying.", BODY),
        Paragraph("Many clients ask whether they can change therapists.", BODY),
        Quote("My therapist will think I am weak.", BODY, correcting=True),
    )

    assert "testimonial-wording" not in rule_ids(page)
