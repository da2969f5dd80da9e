"""XSS payloads written straight into every editor-controlled field of the demo site.

The writes use `QuerySet.update`, so no save hook and no editor cleans them: what reaches
a page is whatever the templates and the render-time cleaning make of raw stored data.
"""

from wagtail.images import get_image_model
from wagtail.models import Site

from quietroom.blog.models import ArticlePage, BlogCategory, BlogIndexPage
from quietroom.practice.models import (
    ClinicianPage,
    ContactPage,
    FAQPage,
    HomePage,
    PracticeSettings,
    ServicePage,
)
from quietroom.theme.models import BrandSettings

MARK = "XSSMARK"
TEXT = (
    f'{MARK}<script>window.__xss=1</script><img src=x onerror="window.__xss=1">'
    '<svg onload="window.__xss=1"><script>window.__xss=1</script></svg>'
    '"><iframe srcdoc="<script>parent.__xss=1</script>">'
)
RICH = (
    f"<p>{MARK}</p><script>window.__xss=1</script>"
    '<p><img src=x onerror="window.__xss=1"><a href="javascript:window.__xss=1">a</a>'
    '<a href="jav&#x09;ascript:window.__xss=1">b</a><a href="JaVaScRiPt:window.__xss=1">c</a>'
    '<a href="data:text/html,<script>parent.__xss=1</script>">d</a>'
    '<a href="#" onclick="window.__xss=1">e</a></p>'
    '<svg><script>window.__xss=1</script><foreignObject><img src=x onerror="window.__xss=1">'
    '</foreignObject></svg><math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">'
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>'
    '<p style="background:url(javascript:window.__xss=1)">f</p>'
)
# Shorter payloads for fields whose length the database enforces (PostgreSQL does).
SHORT = f'{MARK}<script>window.__xss=1</script><img src=x onerror="window.__xss=1">'
TINY = f"{MARK}<svg onload=window.__xss=1>"
URL = "javascript:window.__xss=1"
OBFUSCATED_URL = "jav\tascript:window.__xss=1"


def fit(model, *names: str) -> dict[str, str]:
    """The longest payload each named field can hold."""
    values = {}
    for name in names:
        limit = model._meta.get_field(name).max_length or len(TEXT)
        values[name] = next(p for p in (TEXT, SHORT, TINY) if len(p) <= limit)
    return values


def stream(model, field: str, raw: list):
    """A stream value built from raw data without cleaning, as the database would hold it."""
    return model._meta.get_field(field).stream_block.to_python(raw)


def plant() -> None:
    """Overwrite the demo site's content with payloads, bypassing every save hook."""
    article = ArticlePage.objects.published().first()
    image = get_image_model().objects.first()
    body = [
        {"type": "text", "value": RICH},
        {"type": "quote", "value": {"quote": TEXT, "attribution": TEXT}},
        {"type": "image", "value": {"image": image.pk, "alt_text": TEXT, "caption": TEXT}},
        {"type": "callout", "value": {"heading": TEXT, "text": RICH}},
    ]
    ArticlePage.objects.filter(pk=article.pk).update(
        **fit(ArticlePage, "title", "summary", "hero_alt", "hero_caption", "search_description"),
        body=stream(ArticlePage, "body", body),
    )
    get_image_model().objects.filter(pk=image.pk).update(
        **fit(get_image_model(), "title", "description")
    )
    BlogIndexPage.objects.update(intro=RICH)
    BlogCategory.objects.filter(slug="anxiety").update(**fit(BlogCategory, "name", "description"))
    tag = article.tags.first()
    type(tag).objects.filter(pk=tag.pk).update(**fit(type(tag), "name"))
    contact = ContactPage.objects.first()
    button = {"label": SHORT, "page": contact.pk}
    home_sections = [
        {
            "type": "hero",
            "value": {
                "headline": SHORT,
                "text": RICH,
                "image": image.pk,
                "image_alt": TEXT,
                "button": button,
            },
        },
        {"type": "clinicians", "value": {"heading": SHORT, "intro": TEXT}},
        {"type": "services", "value": {"heading": SHORT, "intro": TEXT}},
        {"type": "articles", "value": {"heading": SHORT, "intro": TEXT}},
        {"type": "where_when", "value": {"heading": SHORT, "telehealth": TEXT}},
        {"type": "closing", "value": {"heading": SHORT, "text": TEXT, "button": button}},
        {"type": "text", "value": {"heading": SHORT, "text": RICH}},
    ]
    HomePage.objects.update(body=stream(HomePage, "body", home_sections))
    clinician_fields = ("pronouns", "credentials", "licence", "summary", "approaches")
    ClinicianPage.objects.update(
        **fit(ClinicianPage, *clinician_fields, "languages", "fees", "insurance", "photo_alt"),
        bio=RICH,
    )
    ServicePage.objects.update(**fit(ServicePage, "summary"), body=RICH, who_it_helps=RICH)
    faq = [{"type": "question", "value": {"question": TEXT, "answer": RICH}}]
    FAQPage.objects.update(intro=RICH, questions=stream(FAQPage, "questions", faq))
    ContactPage.objects.update(intro=RICH, thank_you=RICH, **fit(ContactPage, "submit_label"))
    BrandSettings.objects.update(**fit(BrandSettings, "logo_alt"))
    plant_settings()


def plant_settings() -> None:
    services = [
        {
            "type": "service",
            "value": {"name": TEXT, "description": TEXT, "phone": TINY, "text": TINY, "url": URL},
        }
    ]
    links = [{"type": "link", "value": {"label": TEXT, "url": OBFUSCATED_URL}}]
    PracticeSettings.objects.filter(site=Site.objects.get(is_default_site=True)).update(
        **fit(PracticeSettings, "name", "tagline", "street_address", "locality", "hours"),
        **fit(PracticeSettings, "crisis_line"),
        booking_url=URL,
        quick_exit=True,
        quick_exit_url=URL,
        crisis_services=stream(PracticeSettings, "crisis_services", services),
        social_links=stream(PracticeSettings, "social_links", links),
    )
