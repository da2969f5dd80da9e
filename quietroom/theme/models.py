"""Per-site brand settings: the practice's logo, its colours and one of the designed styles."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from quietroom.theme import colours, palette

STYLE_CHOICES = [
    (style.name, f"{style.label}: {style.description}") for style in palette.STYLES.values()
]
# Raster formats only: SVG uploads are off (an SVG can carry script).
LOGO_FORMATS = ("png", "jpeg", "jpg", "webp")


@register_setting(icon="image")
class BrandSettings(BaseSiteSetting):
    logo = models.ForeignKey(
        "core.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A PNG, JPEG or WebP at least 192 pixels high; square marks work best. The "
        "site's icon (the favicon, and the phone's home-screen icon) is made from it.",
    )
    logo_alt = models.CharField(
        "logo alt text",
        max_length=120,
        blank=True,
        help_text="What a screen reader says for the logo, usually the practice’s name.",
    )
    show_name = models.BooleanField(
        "show the practice name beside the logo",
        default=True,
        help_text="Turn off when the logo already spells the name.",
    )
    accent_colour = models.CharField(
        max_length=7,
        default=palette.DEFAULT_ACCENT,
        help_text="For links, buttons and focus rings, as six hex digits (#2f6656). Its "
        "dark-mode shade is made from it; a colour either would make hard to read is refused.",
    )
    second_colour = models.CharField(
        max_length=7,
        blank=True,
        help_text="Optional: tints quiet surfaces (callouts, cards, the crisis box). Only its "
        "hue is used, very softly. Empty: a soft tint of the accent.",
    )
    style = models.CharField(
        max_length=20,
        choices=STYLE_CHOICES,
        default=palette.DEFAULT_STYLE,
        help_text="Type, spacing, corners and the home page's layout.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("logo_alt"), FieldPanel("show_name")], heading="Logo"
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    "Every colour is checked in light and dark mode against WCAG 2.2 AA: "
                    "4.5:1 for text and links, 3:1 for focus rings."
                ),
                FieldPanel("accent_colour"),
                FieldPanel("second_colour"),
            ],
            heading="Colours",
        ),
        FieldPanel("style", widget=forms.RadioSelect),
    ]

    class Meta:
        verbose_name = "brand"

    def clean(self):
        super().clean()
        self.logo_alt = self.logo_alt.strip()
        errors = {}
        if self.logo_id and not self.logo_alt:
            errors["logo_alt"] = "Add alt text for the logo: usually the practice’s name."
        if self.logo_id and self.logo.file.name.rsplit(".", 1)[-1].lower() not in LOGO_FORMATS:
            errors["logo"] = "Choose a PNG, JPEG or WebP image for the logo."
        errors.update(colour_errors(self.accent_colour, self.second_colour, self.style))
        if errors:
            raise ValidationError(errors)
        self.accent_colour = colours.parse(self.accent_colour)
        self.second_colour = colours.parse(self.second_colour) if self.second_colour else ""


def colour_errors(accent: str, second: str, style: str) -> dict[str, str]:
    """{field: message} for colours the palette check refuses, on the field to change."""
    if second:
        try:
            colours.parse(second)
        except colours.NotAColour as error:
            return {"second_colour": str(error)}
    try:
        palette.check(accent, second, style)
    except palette.Unreadable as refusal:
        return {
            "second_colour" if _passes_alone(accent, second, style) else "accent_colour": str(
                refusal
            )
        }
    return {}


def _passes_alone(accent: str, second: str, style: str) -> bool:
    """Whether the accent passes without the second colour (which is then the one to change)."""
    if not second:
        return False
    try:
        return not palette.failures(palette.palette(accent, "", style))
    except colours.NotAColour:
        return False
