"""Search and sharing rules: summary, title length, hero image."""

from quietroom.checks.document import Document, Image, Location
from quietroom.checks.tests.builders import article, findings_of, rule_ids

HERO = Image("Two armchairs by a window", Location("hero_alt", "Hero image alt text"))


def test_an_article_without_a_summary_gets_a_warning():
    found = findings_of("summary-missing", article(summary="  "))

    assert [f.level for f in found] == ["warning"]
    assert found[0].location.field == "summary"


def test_an_article_with_a_summary_passes():
    assert "summary-missing" not in rule_ids(article(summary="What the first hour is like."))


def test_other_pages_are_not_asked_for_a_summary():
    assert "summary-missing" not in rule_ids(Document(title="Our clinicians"))


def test_a_title_longer_than_search_results_show_gets_a_hint():
    found = findings_of("title-length", article(title="A" * 61))

    assert [f.level for f in found] == ["hint"]
    assert found[0].location.field == "seo_title"
    assert "61 characters" in found[0].message


def test_a_short_title_tag_clears_the_hint_for_a_long_title():
    document = article(title="A" * 80, search_title="Anxiety at night: what helps")

    assert "title-length" not in rule_ids(document)


def test_a_title_of_sixty_characters_passes():
    assert "title-length" not in rule_ids(article(title="A" * 60))


def test_an_article_without_a_hero_image_gets_a_hint():
    found = findings_of("hero-missing", article())

    assert [f.level for f in found] == ["hint"]


def test_an_article_with_a_hero_image_passes():
    assert "hero-missing" not in rule_ids(article(hero=HERO))
