"""The blog index: newest first, ten a page, with category, tag and feed routes."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page, Site

from quietroom.blog.feeds import ArticleAtomFeed, ArticleRssFeed
from quietroom.blog.models.article import ArticlePage, BlogLink
from quietroom.blog.models.taxonomy import BlogCategory

ARTICLES_PER_PAGE = 10


def paginate(items, request, per_page=ARTICLES_PER_PAGE):
    """The requested page of `items`; a page number that does not exist is a 404."""
    try:
        return Paginator(items, per_page, allow_empty_first_page=True).page(
            request.GET.get("page", 1)
        )
    except InvalidPage as error:
        raise Http404("No such page of articles.") from error


class BlogIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["blog.ArticlePage"]

    class Meta:
        verbose_name = "blog"

    def articles(self):
        """Published articles of this blog in index order."""
        return (
            ArticlePage.objects.published()
            .in_blog(self)
            .newest_first()
            .select_related("author", "hero_image")
        )

    def categories(self):
        """Categories that have at least one published article in this blog."""
        ids = self.articles().values("categories")
        return BlogCategory.objects.filter(pk__in=ids)

    def tags(self):
        ids = self.articles().values("tagged_items__tag")
        return Tag.objects.filter(pk__in=ids).order_by("name")

    def listing(self, request, articles, **extra):
        page = paginate(articles, request)
        context = {
            "articles": page,
            "blog": BlogLink.of(self, Site.find_for_request(request)),
            "listing_title": listing_title(self, page.number, **extra),
            **extra,
        }
        return self.render(request, context_overrides=context)

    @path("")
    def index_view(self, request):
        return self.listing(request, self.articles())

    @re_path(r"^category/(?P<slug>[-\w]+)/$")
    def category_view(self, request, slug):
        category = get_object_or_404(BlogCategory, site=Site.find_for_request(request), slug=slug)
        articles = self.articles().filter(categories=category)
        return self.listing(request, articles, category=category)

    @re_path(r"^tag/(?P<slug>[-\w]+)/$")
    def tag_view(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        articles = self.articles().filter(tags=tag)
        if not articles.exists():
            raise Http404("No articles carry this tag.")
        return self.listing(request, articles, tag=tag)

    @path("feed/", name="rss")
    @path("feed/rss/")
    def rss_view(self, request):
        return ArticleRssFeed()(request, blog=self)

    @path("feed/atom/", name="atom")
    def atom_view(self, request):
        return ArticleAtomFeed()(request, blog=self)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls += [{"location": f"{base}category/{c.slug}/"} for c in self.categories()]
        urls += [{"location": f"{base}tag/{t.slug}/"} for t in self.tags()]
        return urls


def listing_title(blog, number: int, category=None, tag=None) -> str:
    """The title of a listing before the practice's name: "Grief · Articles · page 2"."""
    parts = [blog.seo_title or blog.title]
    if category:
        parts.insert(0, category.name)
    elif tag:
        parts.insert(0, f"Articles tagged “{tag.name}”")
    if number > 1:
        parts.append(f"page {number}")
    return " · ".join(parts)
