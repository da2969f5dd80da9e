"""Per-site practice settings: who the practice is and where a reader in crisis can turn."""

import zoneinfo
from functools import cache

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from quietroom.practice.settings_form import PracticeSettingsForm

DEFAULT_CRISIS_LINE = (
    "If you are in danger or thinking about ending your life, call your local emergency "
    "number now, or reach a crisis line below. This site cannot respond to emergencies."
)

DEFAULT_CRISIS_SERVICES = [
    (
        "service",
        {
            "name": "Emergency services",
            "description": "For immediate danger: 911 in the US and Canada, 999 in the UK, "
            "112 across the EU.",
            "phone": "911",
            "text": "",
            "url": "",
        },
    ),
    (
        "service",
        {
            "name": "988 Suicide & Crisis Lifeline (US)",
            "description": "Free and confidential, any time, by call or text.",
            "phone": "988",
            "text": "988",
            "url": "https://988lifeline.org/",
        },
    ),
    (
        "service",
        {
            "name": "Samaritans (UK and Ireland)",
            "description": "Someone to talk to, any time of day or night.",
            "phone": "116 123",
            "text": "",
            "url": "https://www.samaritans.org/",
        },
    ),
]


def default_time_zone() -> str:
    return settings.TIME_ZONE


@cache
def time_zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def validate_time_zone(name: str) -> None:
    """Refuse anything but an IANA time zone name the system knows, such as America/Chicago."""
    if name not in time_zone_names():
        raise ValidationError(
            "Choose a time zone from the list, such as America/Chicago or Europe/London."
        )


def time_zone_widget() -> forms.Select:
    # Choices on the form, not the model: the list comes from the system's time zone data,
    # which a migration must not depend on.
    return forms.Select(choices=[(name, name.replace("_", " ")) for name in time_zone_names()])


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=60, help_text="For example: Instagram.")
    url = blocks.URLBlock()

    class Meta:
        icon = "link"


class CrisisServiceBlock(blocks.StructBlock):
    """One place to turn in a crisis: a name and at least one way to reach it."""

    name = blocks.CharBlock(max_length=120)
    description = blocks.CharBlock(required=False, max_length=250)
    phone = blocks.CharBlock(required=False, max_length=40, help_text="Number to call.")
    text = blocks.CharBlock(required=False, max_length=40, help_text="Number to text.")
    url = blocks.URLBlock(required=False, label="Website")
    # For the editor, never shown to readers: where to check the entry, and when someone did.
    source = blocks.URLBlock(
        required=False, help_text="Where the service publishes these details, to check them."
    )
    verified_on = blocks.DateBlock(
        required=False,
        label="Checked on",
        help_text="When someone last called the number or checked it at the source. Empty: "
        "nobody has yet; Reports → Due for review lists it until someone does.",
    )

    class Meta:
        icon = "warning"


@register_setting(icon="home")
class PracticeSettings(BaseSiteSetting):
    name = models.CharField("practice name", max_length=120, default="Our practice")
    tagline = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True, help_text="Also where new-request notices are sent.")
    phone = models.CharField(max_length=40, blank=True)
    street_address = models.CharField(max_length=200, blank=True)
    locality = models.CharField("town or city", max_length=100, blank=True)
    region = models.CharField("state or region", max_length=100, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(
        max_length=2,
        blank=True,
        help_text="Two-letter code, e.g. US, CA or GB. Quietroom fills in the crisis services "
        "of the countries it has a list for.",
    )
    hours = models.TextField(
        "opening hours", max_length=300, blank=True, help_text="One line per day or range."
    )
    time_zone = models.CharField(
        max_length=64,
        default=default_time_zone,
        validators=[validate_time_zone],
        help_text="Where the practice is: times in the inbox are shown in this zone.",
    )
    booking_url = models.URLField("booking link", blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], blank=True)
    crisis_line = models.TextField(
        "crisis notice",
        max_length=400,
        default=DEFAULT_CRISIS_LINE,
        help_text="A short line shown at the foot of every page and atop the contact page.",
    )
    crisis_services = StreamField(
        [("service", CrisisServiceBlock())],
        blank=True,
        default=DEFAULT_CRISIS_SERVICES,
        help_text="Filled in for the practice’s country while you have not changed them; "
        "edit them for where your readers live.",
    )
    quick_exit = models.BooleanField(
        "show a “Leave this site quickly” link",
        default=False,
        help_text="For practices serving people who may be watched by someone who harms them.",
    )
    quick_exit_url = models.URLField(
        "quick exit destination",
        default="https://www.wikipedia.org/",
        help_text="An everyday site the link opens instead of this one.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("tagline"), FieldPanel("email"), FieldPanel("phone")],
            heading="Practice",
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("locality"),
                FieldPanel("region"),
                FieldPanel("postal_code"),
                FieldPanel("country"),
                FieldPanel("time_zone", widget=time_zone_widget()),
                FieldPanel("hours"),
            ],
            heading="Where and when",
        ),
        MultiFieldPanel([FieldPanel("booking_url"), FieldPanel("social_links")], heading="Links"),
        MultiFieldPanel(
            [
                FieldPanel("fill_crisis_services"),
                FieldPanel("crisis_line"),
                FieldPanel("crisis_services"),
                FieldPanel("quick_exit"),
                FieldPanel("quick_exit_url"),
            ],
            heading="Crisis resources and safety",
        ),
    ]

    base_form_class = PracticeSettingsForm

    class Meta:
        verbose_name = "practice settings"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The practice's name is typed here alone; Settings → Sites and the admin's own
        # name (the dashboard's welcome) show it from the site record, kept in step.
        site = Site.objects.filter(pk=self.site_id).first()
        if site is not None and site.site_name != self.name:
            site.site_name = self.name
            site.save(update_fields=["site_name"])
