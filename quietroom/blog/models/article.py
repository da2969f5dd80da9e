"""The article: the reference reading experience of the product."""

import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from quietroom.blog.blocks import ArticleBodyBlock
from quietroom.blog.models.taxonomy import ArticlePageTag
from quietroom.blog.querysets import ArticleManager
from quietroom.blog.reading import opening_text, reading_minutes, value_text, word_count
from quietroom.checks.panels import QualityPanel
from quietroom.checks.preview import QualityPreviewMixin
from quietroom.serving.memo import per_generation

# Google shows about 160 characters; the summary's own limit is 300.
META_DESCRIPTION_MAX = 300
# Enough of the body (HTML) for its first 30 words, in any real article.
BODY_OPENING_MAX = 20_000


def blog_at(path: str):
    """The blog page at tree path `path` (an article's parent is always one), remembered
    until content changes."""
    blog_model = apps.get_model("blog", "BlogIndexPage")  # its module imports this one
    return per_generation(("blog", path), lambda: blog_model.objects.get(path=path))


def blog_order(blog) -> tuple[list[tuple[int, str, str]], dict[int, int]]:
    """(pk, title, slug) of the blog's published articles in index order, and each pk's
    place in it, remembered until content changes: Previous/Next of every article without
    two queries each."""

    def read():
        order = list(
            ArticlePage.objects.published()
            .child_of(blog)
            .newest_first()
            .values_list("pk", "title", "slug")
        )
        return order, {pk: place for place, (pk, _, _) in enumerate(order)}

    return per_generation(("blog-order", blog.pk), read)


def blog_taxonomy(blog) -> dict[int, tuple[list, list]]:
    """Tags and categories of each of the blog's published articles, in the order an article
    shows them, remembered until content changes: two queries for the whole blog, so an
    article's first view after a publish needs none of its own for them."""

    def read():
        published = ArticlePage.objects.published().child_of(blog)
        found = {pk: ([], []) for pk in blog_order(blog)[1]}
        tagged = ArticlePageTag.objects.filter(content_object__in=published)
        for item in tagged.select_related("tag").order_by("pk"):
            # .get: an article whose go-live time passed since the order was read is not
            # in it, and reads its own tags (as every unlisted article does).
            if links := found.get(item.content_object_id):
                links[0].append(item.tag)
        filed = ArticlePage.categories.through.objects.filter(articlepage__in=published)
        for link in filed.select_related("blogcategory").order_by("blogcategory__name"):
            if links := found.get(link.articlepage_id):
                links[1].append(link.blogcategory)
        return found

    return per_generation(("blog-taxonomy", blog.pk), read)


class ArticlePage(QualityPreviewMixin, Page):
    hero_image = models.ForeignKey(
        "core.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="Required with a hero image: what it shows, for someone who cannot see it.",
    )
    hero_caption = models.CharField(max_length=250, blank=True)
    summary = models.TextField(
        max_length=300,
        blank=True,
        help_text="One or two sentences, shown in listings and search results.",
    )
    content_note = models.TextField(
        max_length=300,
        blank=True,
        help_text="For articles about suicide, self-harm, abuse or other painful topics: one "
        "sentence shown at the very top with the practice’s crisis resources, such as “This "
        "article talks about suicide.”",
    )
    body = StreamField(ArticleBodyBlock())
    author = models.ForeignKey(
        "practice.ClinicianPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    date = models.DateField("publish date", default=datetime.date.today)
    categories = ParentalManyToManyField("blog.BlogCategory", blank=True, related_name="articles")
    tags = ClusterTaggableManager(through="blog.ArticlePageTag", blank=True)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)

    objects = ArticleManager()
    route_select_related = ("hero_image", "author")

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    content_panels = [
        QualityPanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("content_note"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt"), FieldPanel("hero_caption")],
            heading="Hero image",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("date"),
                FieldPanel("categories"),
                FieldPanel("tags"),
            ],
            heading="About this article",
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "article"

    def clean(self):
        super().clean()
        self.hero_alt = self.hero_alt.strip()
        if self.hero_image_id and not self.hero_alt:
            raise ValidationError(
                {
                    "hero_alt": "Add alt text for the hero image: describe what it shows "
                    "for readers who use a screen reader."
                }
            )

    def save(self, *args, **kwargs):
        self.reading_minutes = reading_minutes(self.word_count())
        super().save(*args, **kwargs)

    def body_text(self) -> str:
        return value_text(self.body)

    def word_count(self) -> int:
        return word_count(self.body_text())

    @cached_property
    def tag_list(self) -> list:
        return list(self.tags.all())

    @cached_property
    def category_list(self) -> list:
        return list(self.categories.all())

    def previous_article(self):
        """The newer neighbour in the blog index, or None at the top."""
        return ArticlePage.objects.previous_to(self).first()

    def next_article(self):
        """The older neighbour in the blog index, or None at the bottom."""
        return ArticlePage.objects.next_to(self).first()

    def neighbour_links(self) -> tuple[dict | None, dict | None]:
        """Title and URL of the previous and next articles (None at either end).

        A published article finds them in its blog's remembered order; anything else (a
        draft in preview, a private article) asks the database.
        """
        blog = blog_at(self.path[: -self.steplen])
        order, position = blog_order(blog)
        here = position.get(self.pk)
        if here is None:
            return tuple(
                {"title": page.title, "url": page.get_url()} if page else None
                for page in (self.previous_article(), self.next_article())
            )
        blog_url = blog.get_url()
        return tuple(
            {"title": order[at][1], "url": f"{blog_url}{order[at][2]}/"}
            if 0 <= at < len(order)
            else None
            for at in (here - 1, here + 1)
        )

    def meta_description(self) -> str:
        """What search engines and link previews show: at most META_DESCRIPTION_MAX characters."""
        text = self.search_description or self.summary
        if not text:
            # Only the opening of the body is wanted; a huge body is not parsed whole for it.
            text = _first_words(opening_text(self.body, BODY_OPENING_MAX), 30)
        return _shortened(" ".join(text.split()), META_DESCRIPTION_MAX)

    def published_at(self):
        """The publish date as an aware datetime, for feeds and structured data."""
        moment = datetime.datetime.combine(self.date, datetime.time(9, 0))
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["blog"] = blog = blog_at(self.path[: -self.steplen])
        # A preview shows the editor's unsaved tags and categories, never remembered ones.
        if not getattr(request, "is_preview", False):
            remembered = blog_taxonomy(blog).get(self.pk)
            if remembered is not None:
                self.tag_list, self.category_list = remembered
        context["previous_article"], context["next_article"] = self.neighbour_links()
        return context


def _first_words(text: str, count: int) -> str:
    words = text.split(maxsplit=count)
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _shortened(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:.") + "…"
