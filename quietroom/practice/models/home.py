"""The practice's home page."""

from django import forms
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from quietroom.blog.models import ArticlePage
from quietroom.practice.models.clinicians import ClinicianPage

LATEST_ARTICLES = 3


class HomePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            # Readers never see this title: the heading is the practice's name.
            self.fields["title"].help_text = (
                "The home page’s name in the admin. Readers see the practice’s name from "
                "Practice settings, or the heading below."
            )
        if "featured_articles" in self.fields:
            # This practice's articles, newest first: a list of checkboxes to tick.
            field = self.fields["featured_articles"]
            mine = field.queryset.descendant_of(self.instance) if self.instance.pk else None
            field.queryset = mine.newest_first() if mine is not None else field.queryset.none()


class HomePage(Page):
    heading = models.CharField(
        max_length=120,
        blank=True,
        help_text="Leave empty to show the practice’s name (from Practice settings), which "
        "then follows it when the practice is renamed.",
    )
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    featured_articles = ParentalManyToManyField(
        "blog.ArticlePage",
        blank=True,
        related_name="+",
        help_text="Shown on the home page; the newest articles are shown when none is chosen.",
    )
    cta_heading = models.CharField(
        "call to action heading", max_length=120, default="Ready to talk?"
    )
    cta_text = models.TextField(
        "call to action text",
        max_length=400,
        blank=True,
        default="A free 15-minute call is a gentle way to see whether we are a good fit.",
    )
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="call to action link",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Usually the contact page.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("heading"),
        FieldPanel("intro"),
        FieldPanel("featured_articles", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("cta_heading"), FieldPanel("cta_text"), FieldPanel("cta_page")],
            heading="Call to action",
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    base_form_class = HomePageForm

    class Meta:
        verbose_name = "home page"

    def articles(self):
        """The chosen featured articles that are published, or else the newest ones."""
        featured = ArticlePage.objects.published().filter(pk__in=self.featured_articles.all())
        chosen = featured.newest_first().select_related("author")
        if chosen.exists():
            return chosen
        return (
            ArticlePage.objects.published()
            .descendant_of(self)
            .newest_first()
            .select_related("author")[:LATEST_ARTICLES]
        )

    def clinicians(self):
        return ClinicianPage.objects.live().public().descendant_of(self).order_by("title")
