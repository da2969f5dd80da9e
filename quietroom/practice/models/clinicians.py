"""Clinicians: the people who see clients and write the articles."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from quietroom.blog.models import ArticlePage


class ClinicianIndexPage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["practice.ClinicianPage"]

    class Meta:
        verbose_name = "clinicians index"

    def clinicians(self):
        return ClinicianPage.objects.live().public().child_of(self).order_by("title")


class ClinicianPage(Page):
    """A clinician's profile; the page title is the clinician's name."""

    pronouns = models.CharField(max_length=40, blank=True)
    credentials = models.CharField(
        max_length=200, blank=True, help_text="For example: PhD, licensed clinical psychologist."
    )
    photo = models.ForeignKey(
        "core.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo_alt = models.CharField("photo alt text", max_length=250, blank=True)
    summary = models.TextField(max_length=300, blank=True)
    bio = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("pronouns"), FieldPanel("credentials"), FieldPanel("summary")],
            heading="About",
        ),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"),
        FieldPanel("bio"),
    ]
    parent_page_types = ["practice.ClinicianIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "clinician"

    def clean(self):
        super().clean()
        self.photo_alt = self.photo_alt.strip()
        if self.photo_id and not self.photo_alt:
            raise ValidationError({"photo_alt": "Add alt text for the photo."})

    def published_articles(self):
        return ArticlePage.objects.published().filter(author=self).newest_first()
