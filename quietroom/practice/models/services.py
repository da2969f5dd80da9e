"""Services: what a specialty or approach is and who it helps."""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from quietroom.blog.models import ArticlePage
from quietroom.practice.models.clinicians import ClinicianPage

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class ServiceIndexPage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["practice.ServicePage"]

    class Meta:
        verbose_name = "services index"

    def services(self):
        return ServicePage.objects.live().public().child_of(self).order_by("title")


class ServicePage(Page):
    summary = models.TextField(
        max_length=300, blank=True, help_text="One or two sentences for listings and search."
    )
    body = RichTextField("what it is", features=TEXT_FEATURES, blank=True)
    who_it_helps = RichTextField(features=TEXT_FEATURES, blank=True)
    related_articles = ParentalManyToManyField(
        "blog.ArticlePage", blank=True, related_name="services"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("who_it_helps"),
        FieldPanel("related_articles"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("who_it_helps"),
    ]
    parent_page_types = ["practice.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "service"

    def published_articles(self):
        return (
            ArticlePage.objects.published()
            .filter(services=self)
            .newest_first()
            .select_related("author", "hero_image")
        )

    def clinicians(self):
        return (
            ClinicianPage.objects.live()
            .public()
            .filter(services=self)
            .select_related("photo")
            .order_by("title")
        )
