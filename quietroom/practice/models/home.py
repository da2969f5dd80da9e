"""The practice's home page."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from quietroom.blog.models import ArticlePage
from quietroom.practice.models.clinicians import ClinicianPage

LATEST_ARTICLES = 3


def deepest_page(root: Page, components: list[str]) -> Page | None:
    """The deepest descendant of `root` whose URL path is a prefix of `components`, specific."""
    prefixes = [
        root.url_path + "/".join(components[:n]) + "/" for n in range(1, len(components) + 1)
    ]
    row = (
        Page.objects.descendant_of(root)
        .filter(url_path__in=prefixes)
        .order_by("-depth")
        .values_list("pk", "content_type_id")
        .first()
    )
    if row is None:
        return None
    model = ContentType.objects.get_for_id(row[1]).model_class()
    related = getattr(model, "route_select_related", ())
    return model.objects.select_related(*related).get(pk=row[0])


class HomePage(Page):
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
        FieldPanel("intro"),
        FieldPanel("featured_articles"),
        MultiFieldPanel(
            [FieldPanel("cta_heading"), FieldPanel("cta_text"), FieldPanel("cta_page")],
            heading="Call to action",
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        """Find the deepest page the path names in one query, then let it route the rest.

        Wagtail's default walks the tree one query per path segment.
        """
        if not path_components:
            return super().route(request, path_components)
        found = deepest_page(self, path_components)
        if found is None:
            return super().route(request, path_components)
        return found.route(request, path_components[found.depth - self.depth :])

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
