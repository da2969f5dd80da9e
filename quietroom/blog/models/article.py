"""The article: the reference reading experience of the product."""

import datetime
from dataclasses import dataclass
from types import MappingProxyType

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from quietroom.blog.blocks import ArticleBodyBlock
from quietroom.blog.forms import ArticlePageForm
from quietroom.blog.models.taxonomy import ArticlePageTag
from quietroom.blog.querysets import ArticleManager
from quietroom.blog.reading import opening_text, reading_minutes, value_text, word_count
from quietroom.checks.document import Document
from quietroom.checks.from_page import image_field, stream_parts
from quietroom.checks.panels import QualityPanel
from quietroom.checks.preview import QualityPreviewMixin
from quietroom.core import generation, memo
from quietroom.core.restrictions import is_restricted
from quietroom.core.sites import site_table
from quietroom.stats.panels import PageReadersPanel

# Google shows about 160 characters; the summary's own limit is 300.
META_DESCRIPTION_MAX = 300
# Enough of the body (HTML) for its first 30 words, in any real article.
BODY_OPENING_MAX = 20_000


@dataclass(frozen=True)
class BlogLink:
    """What an article shows of its blog: its title and addresses."""

    pk: int
    title: str
    url: str
    rss_url: str
    atom_url: str

    @classmethod
    def of(cls, blog, site=None) -> "BlogLink":
        """Addresses as Wagtail's `routablepageurl` writes them for a reader of `site`."""
        url = blog.relative_url(site) or ""
        if not url.endswith("/"):
            url += "/"
        return cls(
            pk=blog.pk,
            title=blog.title,
            url=url,
            rss_url=url + blog.reverse_subpage("rss"),
            atom_url=url + blog.reverse_subpage("atom"),
        )

    def term_url(self, kind: str, slug: str) -> str:
        return f"{self.url}{kind}/{slug}/"


@dataclass(frozen=True)
class Term:
    """A tag or a category as an article links to it."""

    name: str
    slug: str
    url: str


@dataclass(frozen=True)
class Byline:
    """Who wrote an article, as readers see it: the page link only once the author's page is
    live and public (an imported author waits as a draft until the owner confirms them)."""

    name: str
    credentials: str = ""
    pronouns: str = ""
    summary: str = ""
    url: str = ""

    @property
    def after_name(self) -> str:
        """What follows the name in a line of text: ", LCSW", or nothing."""
        return f", {self.credentials}" if self.credentials else ""


@dataclass(frozen=True)
class BlogOrder:
    """(pk, title, slug) of a blog's published articles in index order, and each pk's place."""

    articles: tuple[tuple[int, str, str], ...]
    places: MappingProxyType


def _byline_of(person, request) -> Byline | None:
    if person is None:
        return None
    public = person.live and not is_restricted(person.path)
    return Byline(
        name=person.title,
        credentials=person.credentials,
        pronouns=person.pronouns,
        summary=person.summary,
        url=(person.get_url(request) or "") if public else "",
    )


def blog_path(article) -> str:
    return article.path[: -article.steplen]


@memo.per_site
def blog_link(site_id: int, path: str) -> BlogLink:
    """The blog at tree path `path` (an article's parent is always one)."""
    blog_model = apps.get_model("blog", "BlogIndexPage")  # its module imports this one
    record = site_table().get(site_id)
    return BlogLink.of(blog_model.objects.get(path=path), record and record.instance())


@memo.per_site
def blog_order(site_id: int, path: str) -> BlogOrder:
    """The blog's published articles in index order: Previous/Next of every article without
    two queries each."""
    order = tuple(
        ArticlePage.objects.published()
        .filter(path__startswith=path, depth=len(path) // ArticlePage.steplen + 1)
        .newest_first()
        .values_list("pk", "title", "slug")
    )
    return BlogOrder(order, MappingProxyType({pk: at for at, (pk, _, _) in enumerate(order)}))


@memo.per_site
def blog_taxonomy(site_id: int, path: str) -> MappingProxyType:
    """Tags and categories (as Terms) of each of the blog's published articles, in the order
    an article shows them: two queries for the whole blog, so an article's first view after
    a publish needs none of its own for them."""
    link = blog_link(site_id, path)
    published = ArticlePage.objects.published().filter(
        path__startswith=path, depth=len(path) // ArticlePage.steplen + 1
    )
    found = {pk: ([], []) for pk in blog_order(site_id, path).places}
    tagged = ArticlePageTag.objects.filter(content_object__in=published)
    for item in tagged.select_related("tag").order_by("pk"):
        # .get: an article whose go-live time passed since the order was read is not in
        # it, and reads its own tags (as every unlisted article does).
        if links := found.get(item.content_object_id):
            links[0].append(Term(item.tag.name, item.tag.slug, link.term_url("tag", item.tag.slug)))
    filed = ArticlePage.categories.through.objects.filter(articlepage__in=published)
    for item in filed.select_related("blogcategory").order_by("blogcategory__name"):
        if links := found.get(item.articlepage_id):
            category = item.blogcategory
            links[1].append(
                Term(category.name, category.slug, link.term_url("category", category.slug))
            )
    return MappingProxyType({pk: (tuple(t), tuple(c)) for pk, (t, c) in found.items()})


@dataclass(frozen=True)
class Related:
    """Another article of the same blog, as the foot of an article links to it."""

    title: str
    url: str


RELATED_AT_MOST = 3


def related_to(pk, tags, categories, taxonomy, order: BlogOrder, blog_url: str) -> tuple:
    """Up to RELATED_AT_MOST other published articles of the blog sharing a tag or a category
    with the article `pk` (whose own `tags` and `categories` are given): most shared tags
    first, then most shared categories, then the newest. None when nothing is shared."""
    my_tags, my_categories = {t.slug for t in tags}, {c.slug for c in categories}
    scored = []
    for other, (other_tags, other_categories) in taxonomy.items():
        place = order.places.get(other)
        if other == pk or place is None:
            continue
        shared_tags = len(my_tags.intersection(t.slug for t in other_tags))
        shared_categories = len(my_categories.intersection(c.slug for c in other_categories))
        if shared_tags or shared_categories:
            scored.append((-shared_tags, -shared_categories, place))
    return tuple(
        Related(order.articles[place][1], f"{blog_url}{order.articles[place][2]}/")
        for *_, place in sorted(scored)[:RELATED_AT_MOST]
    )


@memo.per_site
def blog_related(site_id: int, path: str, pk: int) -> tuple:
    """The related articles of the published article `pk`, as every reader sees them."""
    taxonomy = blog_taxonomy(site_id, path)
    tags, categories = taxonomy.get(pk, ((), ()))
    order = blog_order(site_id, path)
    return related_to(pk, tags, categories, taxonomy, order, blog_link(site_id, path).url)


class ArticlePage(QualityPreviewMixin, Page):
    hero_image = models.ForeignKey(
        "core.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="Required with a hero image: what it shows, for someone who cannot see it. "
        "Starts from the image’s own description; change it here for this article alone.",
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
    reviewed_by = models.ForeignKey(
        "practice.ClinicianPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        help_text="The clinician who checked this article is clinically sound.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When they last did. The editorial checks warn once it is older than the "
        "practice's review interval.",
    )
    categories = ParentalManyToManyField("blog.BlogCategory", blank=True, related_name="articles")
    tags = ClusterTaggableManager(through="blog.ArticlePageTag", blank=True)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)

    objects = ArticleManager()
    route_select_related = ("hero_image", "author", "author__photo", "reviewed_by")

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    base_form_class = ArticlePageForm
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
                # A menu of the practice's clinicians: the page chooser's tree and its banner
                # about page types are more than choosing a name needs.
                FieldPanel("author", widget=forms.Select),
                FieldPanel("date"),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading="About this article",
        ),
        MultiFieldPanel(
            [FieldPanel("reviewed_by", widget=forms.Select), FieldPanel("last_reviewed")],
            heading="Clinical review",
        ),
        PageReadersPanel(),
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
            # Typed once, on upload: the image's description is where every use starts.
            self.hero_alt = self.hero_image.default_alt_text[:250]
        if self.hero_image_id and not self.hero_alt:
            raise ValidationError(
                {
                    "hero_alt": "Add alt text for the hero image: describe what it shows "
                    "for readers who use a screen reader."
                }
            )
        if bool(self.reviewed_by_id) != bool(self.last_reviewed):
            missing = "last_reviewed" if self.reviewed_by_id else "reviewed_by"
            raise ValidationError(
                {missing: "A clinical review needs both who reviewed the article and when."}
            )
        if self.last_reviewed and self.last_reviewed > datetime.date.today():
            raise ValidationError({"last_reviewed": "A review date cannot be in the future."})

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

    def byline(self, request=None) -> Byline | None:
        """The author as readers see them, or None for an article without one."""
        return _byline_of(self.author, request)

    def reviewer(self, request=None) -> Byline | None:
        """The clinician who reviewed the article, as readers see them, or None."""
        return _byline_of(self.reviewed_by, request) if self.last_reviewed else None

    def previous_article(self):
        """The newer neighbour in the blog index, or None at the top."""
        return ArticlePage.objects.previous_to(self).first()

    def next_article(self):
        """The older neighbour in the blog index, or None at the bottom."""
        return ArticlePage.objects.next_to(self).first()

    def neighbour_links(self, site_id: int | None = None) -> tuple[dict | None, dict | None]:
        """Title and URL of the previous and next articles (None at either end).

        A published article read by a reader finds them in its blog's remembered order;
        anything else (a draft in preview, a private article) asks the database.
        """
        if self.pk is None:
            # A new article's preview: it has no place in its blog until it is saved.
            return None, None
        here = None
        if site_id is not None:
            order = blog_order(site_id, blog_path(self))
            here = order.places.get(self.pk)
        if here is None:
            return tuple(
                {"title": page.title, "url": page.get_url()} if page else None
                for page in (self.previous_article(), self.next_article())
            )
        blog_url = blog_link(site_id, blog_path(self)).url
        return tuple(
            {"title": order.articles[at][1], "url": f"{blog_url}{order.articles[at][2]}/"}
            if 0 <= at < len(order.articles)
            else None
            for at in (here - 1, here + 1)
        )

    def quality_document(self, *, crisis_resources: bool, language: str) -> Document:
        """The article, field by field, for the editorial checks."""
        return Document(
            title=self.title,
            kind="article",
            summary=self.summary or self.search_description,
            search_title=self.seo_title,
            hero=image_field(
                self.hero_image if self.hero_image_id else None,
                self.hero_alt,
                self.hero_caption,
                "hero_alt",
                "Hero image alt text",
            ),
            content_note=self.content_note,
            crisis_resources=crisis_resources,
            body=stream_parts(self.body, "body", "Body"),
            language=language,
            last_reviewed=self.last_reviewed,
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
        # Remembered values only for readers: a preview shows the editor's unsaved tags and
        # categories, and whatever a draft's neighbours are.
        site_id = None if getattr(request, "is_preview", False) else generation.pinned_site()
        if site_id is not None:
            blog = blog_link(site_id, blog_path(self))
            remembered = blog_taxonomy(site_id, blog_path(self)).get(self.pk)
        else:
            site = Site.find_for_request(request)
            blog, remembered = BlogLink.of(self.get_parent().specific, site), None
        if remembered is None:
            remembered = (
                tuple(Term(t.name, t.slug, blog.term_url("tag", t.slug)) for t in self.tag_list),
                tuple(
                    Term(c.name, c.slug, blog.term_url("category", c.slug))
                    for c in self.category_list
                ),
            )
        context["blog"] = blog
        context["tags"], context["categories"] = remembered
        context["previous_article"], context["next_article"] = self.neighbour_links(site_id)
        context["related"] = self.related_articles(request, site_id, *remembered)
        return context

    def related_articles(self, request, site_id, tags, categories) -> tuple:
        """A reader's are remembered for the blog; a preview's use the editor's unsaved tags
        and categories against what readers see of the others."""
        if self.pk is None:
            return ()
        if site_id is not None:
            return blog_related(site_id, blog_path(self), self.pk)
        site = Site.find_for_request(request)
        if site is None:
            return ()
        path = blog_path(self)
        taxonomy, order = blog_taxonomy(site.pk, path), blog_order(site.pk, path)
        return related_to(self.pk, tags, categories, taxonomy, order, blog_link(site.pk, path).url)


def _first_words(text: str, count: int) -> str:
    words = text.split(maxsplit=count)
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _shortened(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:.") + "…"
