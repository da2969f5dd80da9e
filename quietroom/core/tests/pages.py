"""The public URLs of the demo site, one of each kind, for header and browser tests."""

from quietroom.blog.models import ArticlePage, BlogIndexPage
from quietroom.compliance.models import PolicyPage
from quietroom.practice.models import (
    ClinicianIndexPage,
    ClinicianPage,
    ContactPage,
    FAQPage,
    HomePage,
    ServiceIndexPage,
    ServicePage,
)


def public_paths() -> dict[str, str]:
    blog = BlogIndexPage.objects.get()
    article = ArticlePage.objects.published().first()
    contact = ContactPage.objects.get()
    return {
        "home": HomePage.objects.get().url,
        "blog index": blog.url,
        "article": article.url,
        "category page": f"{blog.url}category/anxiety/",
        "tag page": f"{blog.url}tag/{article.tags.first().slug}/",
        "feed": f"{blog.url}feed/",
        "atom feed": f"{blog.url}feed/atom/",
        "clinicians": ClinicianIndexPage.objects.get().url,
        "clinician": ClinicianPage.objects.first().url,
        "services": ServiceIndexPage.objects.get().url,
        "service": ServicePage.objects.first().url,
        "faq": FAQPage.objects.get().url,
        "contact": contact.url,
        "contact thanks": contact.url + contact.reverse_subpage("thanks"),
        "search results": "/search/?q=anxiety",
        "search, nothing found": "/search/?q=zzzqqq",
        "privacy notice": PolicyPage.objects.get(kind="privacy").url,
        "telehealth policy": PolicyPage.objects.get(kind="telehealth").url,
        "subscribe": "/subscribe/",
        "subscribe, check your inbox": "/subscribe/?sent=1",
        "robots": "/robots.txt",
        "sitemap": "/sitemap.xml",
    }
