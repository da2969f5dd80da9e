"""The practice's tuning: the reading grade and per-rule levels, edited as a site setting."""

import pytest
from django.urls import reverse
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from quietroom.checks.models import ChecksSettings, RuleLevelBlock, rule_choices
from quietroom.checks.site import SiteContext, check_page
from quietroom.core.tests.factories import make_article
from quietroom.practice.models import PracticeSettings

LONG = "<p>" + "and then we waited " * 10 + "for the rain to stop.</p>"


@pytest.fixture
def settings_for_site(home):
    return ChecksSettings.for_site(Site.objects.get(is_default_site=True))


def test_defaults_are_grade_nine_and_every_rule_at_its_own_level(settings_for_site):
    config = settings_for_site.config()

    assert config.reading_grade == 9
    assert dict(config.levels) == {}


def test_rows_become_rule_levels_and_the_later_row_wins(settings_for_site):
    settings_for_site.rule_levels = [
        ("rule", {"rule": "promises", "level": "warning"}),
        ("rule", {"rule": "promises", "level": "off"}),
        ("rule", {"rule": "hero-missing", "level": "off"}),
    ]
    settings_for_site.reading_grade = 7

    config = settings_for_site.config()

    assert config.levels == {"promises": "off", "hero-missing": "off"}
    assert config.reading_grade == 7


def test_a_switched_off_rule_disappears_from_a_pages_report(blog, settings_for_site):
    page = make_article(blog, body=[{"type": "text", "value": LONG}])
    assert "long-sentence" in [f.rule for f in check_page(page).findings]

    settings_for_site.rule_levels = [("rule", {"rule": "long-sentence", "level": "off"})]
    settings_for_site.save()

    assert "long-sentence" not in [f.rule for f in check_page(page).findings]


def test_the_rule_list_offers_every_rule_by_its_plain_title():
    choices = dict(rule_choices())

    assert choices["alt-missing"] == "Image without alt text (alt-missing)"
    assert "stigmatising-language" in choices


def test_missing_alt_text_cannot_be_lowered_in_the_settings():
    block = RuleLevelBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"rule": "alt-missing", "level": "warning"}))

    assert "screen reader" in str(error.value.block_errors["level"])


def test_other_rules_can_be_lowered():
    block = RuleLevelBlock()

    assert block.clean(block.to_python({"rule": "alt-text", "level": "hint"}))["level"] == "hint"


def test_the_settings_form_refuses_an_unknown_rule(settings_for_site):
    stream_block = ChecksSettings._meta.get_field("rule_levels").stream_block

    with pytest.raises(StreamBlockValidationError):
        stream_block.clean(
            stream_block.to_python([{"type": "rule", "value": {"rule": "nope", "level": "off"}}])
        )


def test_crisis_resources_count_only_when_the_practice_has_some(home):
    site = Site.objects.get(is_default_site=True)
    assert SiteContext.for_site(site).crisis_resources
    practice = PracticeSettings.for_site(site)
    practice.crisis_line, practice.crisis_services = "", []
    practice.save()

    assert not SiteContext.for_site(site).crisis_resources


def test_the_settings_are_edited_in_the_admin(editor, home):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("checks", "checkssettings", site.pk))
    assert "Editorial checks" in editor.get(url).content.decode()
    rows = streamfield([("rule", {"rule": "title-length", "level": "off"})])

    response = editor.post(
        url, nested_form_data({"reading_grade": 8, "review_months": 6, "rule_levels": rows})
    )

    assert response.status_code == 302
    config = ChecksSettings.for_site(site).config()
    assert config.reading_grade == 8
    assert config.review_months == 6
    assert config.levels == {"title-length": "off"}
