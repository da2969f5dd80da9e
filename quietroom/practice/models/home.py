"""The practice's home page: sections the editor adds, removes and orders."""

from django import forms
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from quietroom.blog.models import ArticlePage
from quietroom.practice.blocks import HomeBodyBlock
from quietroom.practice.models.clinicians import ClinicianPage
from quietroom.practice.models.services import ServicePage

LATEST_ARTICLES = 3

# What a new home page starts with: every section, in the order most practices use.
DEFAULT_BODY = [
    ("hero", {}),
    ("clinicians", {"heading": "Who you would be talking to"}),
    ("services", {"heading": "How we can help"}),
    ("articles", {"heading": "From our articles"}),
    ("where_when", {"heading": "Where and when"}),
    ("closing", {"heading": "Ready to talk?"}),
]


class HomePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            # Readers never see this title: the heading is the practice's name.
            self.fields["title"].help_text = (
                "The home page’s name in the admin. Readers see the opening section’s headline, "
                "or else the practice’s name from Practice settings."
            )
        if "featured_articles" in self.fields:
            # This practice's articles, newest first: a list of checkboxes to tick.
            field = self.fields["featured_articles"]
            mine = field.queryset.descendant_of(self.instance) if self.instance.pk else None
            field.queryset = mine.newest_first() if mine is not None else field.queryset.none()


class HomePage(Page):
    body = StreamField(HomeBodyBlock(), blank=True, default=DEFAULT_BODY)
    featured_articles = ParentalManyToManyField(
        "blog.ArticlePage",
        blank=True,
        related_name="+",
        help_text="Shown on the home page; the newest articles are shown when none is chosen.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        FieldPanel("featured_articles", widget=forms.CheckboxSelectMultiple),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    base_form_class = HomePageForm

    class Meta:
        verbose_name = "home page"

    def opens_with_hero(self) -> bool:
        return bool(self.body) and self.body[0].block_type == "hero"

    def articles(self):
        """The chosen featured articles that are published, or else the newest ones."""
        featured = ArticlePage.objects.published().filter(pk__in=self.featured_articles.all())
        chosen = featured.newest_first().select_related("author", "hero_image")
        if chosen.exists():
            return chosen
        return (
            ArticlePage.objects.published()
            .descendant_of(self)
            .newest_first()
            .select_related("author", "hero_image")[:LATEST_ARTICLES]
        )

    def clinicians(self):
        return (
            ClinicianPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("photo")
            .order_by("title")
        )

    def services(self):
        return ServicePage.objects.live().public().descendant_of(self).order_by("title")
