"""The practice's home page."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from quietroom.blog.models import ArticlePage
from quietroom.practice.models.clinicians import ClinicianPage

LATEST_ARTICLES = 3


class HomePage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "home page"

    def latest_articles(self):
        return (
            ArticlePage.objects.published()
            .descendant_of(self)
            .newest_first()
            .select_related("author")[:LATEST_ARTICLES]
        )

    def clinicians(self):
        return ClinicianPage.objects.live().public().descendant_of(self).order_by("title")
