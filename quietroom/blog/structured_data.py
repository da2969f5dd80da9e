"""schema.org data for articles, embedded as JSON-LD."""

from urllib.parse import urljoin

from django.conf import settings
from wagtail.models import Site

STRUCTURED_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def blog_posting(article, request, practice_name: str, tags=(), categories=()) -> dict:
    """A schema.org BlogPosting describing `article`, with absolute URLs only."""
    site = Site.find_for_request(request) or article.get_site()
    root = site.root_url + "/"
    url = urljoin(root, article.get_url(request))
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": article.title,
        "description": article.meta_description(),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": article.published_at().isoformat(),
        "dateModified": (article.last_published_at or article.published_at()).isoformat(),
        "timeRequired": f"PT{article.reading_minutes}M",
        "inLanguage": settings.LANGUAGE_CODE,
        "publisher": {"@type": "Organization", "name": practice_name, "url": root},
        "keywords": [tag.name for tag in tags],
        "articleSection": [category.name for category in categories],
    }
    if byline := article.byline(request):
        data["author"] = {"@type": "Person", "name": byline.name}
        if byline.url:
            data["author"]["url"] = urljoin(root, byline.url)
    if reviewer := article.reviewer(request):
        # Properties of the page (schema.org WebPage), not of the posting.
        page = data["mainEntityOfPage"]
        page["lastReviewed"] = article.last_reviewed.isoformat()
        page["reviewedBy"] = {"@type": "Person", "name": reviewer.name}
        if reviewer.url:
            page["reviewedBy"]["url"] = urljoin(root, reviewer.url)
    if article.hero_image:
        rendition = article.hero_image.get_rendition(STRUCTURED_IMAGE_SPEC)
        data["image"] = {
            "@type": "ImageObject",
            "url": urljoin(root, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "caption": article.hero_alt,
        }
    return data
