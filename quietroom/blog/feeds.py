"""RSS 2.0 and Atom feeds carrying each article's full content with absolute URLs."""

from urllib.parse import urljoin

from bs4 import BeautifulSoup
from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape

FEED_LENGTH = 50
FEED_IMAGE_SPEC = "width-1200|format-jpeg"


def absolutize_urls(html: str, base_url: str) -> str:
    """Rewrite relative href, src and srcset values in `html` against `base_url`."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(href=True):
        tag["href"] = urljoin(base_url, tag["href"])
    for tag in soup.find_all(src=True):
        tag["src"] = urljoin(base_url, tag["src"])
    for tag in soup.find_all(srcset=True):
        candidates = [part.strip().split(" ", 1) for part in tag["srcset"].split(",")]
        tag["srcset"] = ", ".join(
            " ".join([urljoin(base_url, c[0]), *c[1:]]) for c in candidates if c[0]
        )
    return str(soup)


class FullContentRss(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])


class FullContentAtom(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


class ArticleRssFeed(Feed):
    feed_type = FullContentRss

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.images = {}
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, blog):
        self.root_url = blog.get_site().root_url + "/"
        return blog

    def title(self, blog):
        return blog.title

    def link(self, blog):
        return blog.get_full_url(self.request)

    # Readers take an RSS <description> (the channel's and each item's) and an Atom <summary
    # type="html"> as HTML. Summaries and descriptions are plain text, so they are escaped for
    # HTML here, and the feed's XML escapes them once more: `<img>` typed in a summary (or
    # brought by a WordPress excerpt) reaches the reader as text, never as a live tag.

    def description(self, blog):
        return escape(self.plain_description(blog))

    def plain_description(self, blog):
        return blog.search_description or f"New articles from {blog.title}."

    def items(self, blog):
        return blog.articles().select_related("hero_image")[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return escape(article.meta_description())

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_pubdate(self, article):
        return article.published_at()

    def item_updateddate(self, article):
        return article.last_published_at or article.published_at()

    def item_author_name(self, article):
        return article.author.title if article.author else None

    def item_categories(self, article):
        return [c.name for c in article.categories.all()] + [t.name for t in article.tags.all()]

    def item_enclosures(self, article):
        rendition = self.feed_image(article)
        if rendition is None:
            return []
        url = urljoin(self.root_url, rendition.url)
        return [Enclosure(url, str(rendition.file.size), "image/jpeg")]

    def item_extra_kwargs(self, article):
        html = render_to_string(
            "blog/feed_item.html",
            {"article": article, "image": self.feed_image(article)},
            request=self.request,
        )
        return {"content": absolutize_urls(html, self.root_url)}

    def feed_image(self, article):
        if article.hero_image is None:
            return None
        if article.pk not in self.images:
            self.images[article.pk] = article.hero_image.get_rendition(FEED_IMAGE_SPEC)
        return self.images[article.pk]


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = FullContentAtom
    # Atom's <subtitle> is written without a type: plain text, read as it is.
    subtitle = ArticleRssFeed.plain_description
