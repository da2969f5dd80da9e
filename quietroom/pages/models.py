"""Plain pages: about, fees, first visit, and what a moved-in site brings as WordPress pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from quietroom.blog.blocks import ArticleBodyBlock


class StandardPage(Page):
    """A page of prose with the same blocks as an article, and no date or author."""

    summary = models.TextField(
        max_length=300, blank=True, help_text="One or two sentences for search results."
    )
    body = StreamField(ArticleBodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["practice.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = "page"

    def meta_description(self) -> str:
        return self.search_description or self.summary
