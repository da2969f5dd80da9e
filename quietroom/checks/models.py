"""The practice's tuning of the editorial checks, one per site."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from quietroom.checks.config import DEFAULT_READING_GRADE, DEFAULT_REVIEW_MONTHS, Config
from quietroom.checks.findings import ERROR, HINT, OFF, WARNING
from quietroom.checks.registry import all_rules

LEVEL_CHOICES = [
    (ERROR, "Error: blocks publishing"),
    (WARNING, "Warning"),
    (HINT, "Suggestion"),
    (OFF, "Off"),
]


def rule_choices():
    """(rule id, plain title) for every rule, read when the form is built."""
    return [(rule.id, f"{rule.title} ({rule.id})") for rule in all_rules().values()]


class RuleLevelBlock(blocks.StructBlock):
    """One rule raised, lowered or switched off for this practice."""

    rule = blocks.ChoiceBlock(choices=rule_choices)
    level = blocks.ChoiceBlock(choices=LEVEL_CHOICES)

    def clean(self, value):
        value = super().clean(value)
        rule = all_rules().get(value.get("rule"))
        if rule and not rule.adjustable and value.get("level") != rule.level:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "level": ValidationError(
                        "This check protects readers who use a screen reader, so it always "
                        "stops publishing."
                    )
                }
            )
        return value

    class Meta:
        icon = "cog"


@register_setting(icon="glasses")
class ChecksSettings(BaseSiteSetting):
    reading_grade = models.PositiveSmallIntegerField(
        "highest reading grade",
        default=DEFAULT_READING_GRADE,
        validators=[MinValueValidator(3), MaxValueValidator(16)],
        help_text="Text that reads above this US school grade gets a warning. Grade 9 suits "
        "most readers; 6 to 8 is gentler still.",
    )
    rule_levels = StreamField(
        [("rule", RuleLevelBlock())],
        blank=True,
        verbose_name="rule levels",
        help_text="Make a check louder or quieter than it is by default, or switch it off.",
    )

    review_months = models.PositiveSmallIntegerField(
        "review interval (months)",
        default=DEFAULT_REVIEW_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="A policy page not reviewed for this long gets a warning.",
    )

    panels = [FieldPanel("reading_grade"), FieldPanel("review_months"), FieldPanel("rule_levels")]

    class Meta:
        verbose_name = "editorial checks"

    def config(self) -> Config:
        """These settings as the checks engine reads them; later rows win over earlier ones."""
        levels = {row.value["rule"]: row.value["level"] for row in self.rule_levels}
        return Config(
            levels=levels, reading_grade=self.reading_grade, review_months=self.review_months
        )


# A model of this app, kept beside the publishing rules it applies; imported last, as it
# reads the settings above.
from quietroom.checks.workflow import EditorialChecksTask  # noqa: E402

__all__ = ["ChecksSettings", "EditorialChecksTask", "RuleLevelBlock"]
