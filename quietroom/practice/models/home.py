"""The practice's home page."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from quietroom.blog.models import ArticlePage
from quietroom.practice.models.clinicians import ClinicianPage
from quietroom.serving.memo import per_generation

LATEST_ARTICLES = 3


def url_paths(root: Page) -> dict[str, tuple[int, int]]:
    """URL path → (id, content type id) of every page below `root`, remembered per generation.

    Live pages only appear or change with a publish, which starts a new generation; a page
    missing here (a new draft) is still found by Wagtail's own routing, one level at a time.
    """
    return per_generation(
        ("url-paths", root.pk),
        lambda: {
            url_path: (pk, content_type)
            for url_path, pk, content_type in Page.objects.descendant_of(root).values_list(
                "url_path", "pk", "content_type_id"
            )
        },
    )


def deepest_page(root: Page, components: list[str]) -> Page | None:
    """The deepest descendant of `root` whose URL path is a prefix of `components`, specific."""
    known = url_paths(root)
    for depth in range(len(components), 0, -1):
        found = known.get(root.url_path + "/".join(components[:depth]) + "/")
        if found is not None:
            model = ContentType.objects.get_for_id(found[1]).model_class()
            related = getattr(model, "route_select_related", ())
            # No ORDER BY (the tree manager adds one): with this many joined columns, compiling
            # it costs more than running the query.
            query = model.objects.select_related(*related).filter(pk=found[0]).order_by()
            for page in query:
                return page
    return None


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
        """Find the deepest page the path names from the map of URL paths, then let it
        route the rest (Wagtail's default walks the tree, one query per path segment)."""
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
