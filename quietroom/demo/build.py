"""Build the demo practice site. Every step looks for what exists before creating it."""

import datetime
import os
import secrets
from dataclasses import dataclass, field
from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page, Site

from quietroom.blog.models import ArticlePage, BlogCategory, BlogIndexPage
from quietroom.core.models import CustomImage
from quietroom.demo import practice as content
from quietroom.demo.articles import ARTICLES
from quietroom.demo.heroes import HEROES, render_jpeg
from quietroom.demo.portraits import LOGO_ALT, PEOPLE, render_logo, render_portrait
from quietroom.inbox import access
from quietroom.inbox.models import ConsultationRequest
from quietroom.inbox.store import notify, store_request
from quietroom.practice.models import (
    ClinicianIndexPage,
    ClinicianPage,
    ContactPage,
    FAQPage,
    HomePage,
    PracticeSettings,
    ServiceIndexPage,
    ServicePage,
)
from quietroom.security.twofactor import recovery
from quietroom.theme.models import BrandSettings

ADMIN_USERNAME = "admin"
# Where the face is in the demo's portraits (800 by 1000): small square crops keep it.
FACE = (400, 500, 380, 420)
INBOX_GROUP = "Inbox readers"


@dataclass
class BuildReport:
    created: list[str] = field(default_factory=list)
    admin_password: str | None = None
    site: Site | None = None

    def add(self, what: str) -> None:
        self.created.append(what)


@transaction.atomic
def build_demo_site(hostname: str = "127.0.0.1", port: int = 8000) -> BuildReport:
    """Create whatever part of the demo practice is missing; leave the rest as it is."""
    report = BuildReport()
    home = ensure_home(report)
    report.site = ensure_site(home, hostname, port)
    ensure_settings(home)
    ensure_brand(home)
    blog = ensure_child(
        home,
        BlogIndexPage,
        "articles",
        report,
        title="Articles",
        intro=content.BLOG_INTRO,
        show_in_menus=True,
    )
    clinicians = ensure_clinicians(home, report)
    articles = {data["slug"]: ensure_article(blog, data, clinicians, report) for data in ARTICLES}
    ensure_services(home, clinicians, articles, report)
    ensure_faq(home, report)
    contact = ensure_child(
        home,
        ContactPage,
        "contact",
        report,
        title="Contact us",
        intro=content.CONTACT_INTRO,
        show_in_menus=True,
    )
    ensure_home_sections(home, contact)
    ensure_inbox(home, report)
    return report


def ensure_home(report: BuildReport) -> HomePage:
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a placeholder welcome page; the practice replaces it.
    for placeholder in root.get_children().filter(content_type__model="page"):
        placeholder.delete()
    home = root.add_child(instance=HomePage(title=content.PRACTICE["name"], slug="home", body=[]))
    home.save_revision().publish()
    report.add("home page")
    return home


def ensure_site(home: HomePage, hostname: str, port: int) -> Site:
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = hostname, port, home
    site.site_name = content.PRACTICE["name"]
    site.save()
    return site


def ensure_settings(home: HomePage) -> None:
    site = Site.objects.get(root_page=home)
    practice = PracticeSettings.for_site(site)
    if practice.name == PracticeSettings._meta.get_field("name").default:
        for name, value in content.PRACTICE.items():
            setattr(practice, name, value)
        practice.crisis_services = [("service", service) for service in content.CRISIS_SERVICES]
        practice.save()


def ensure_brand(home: HomePage) -> None:
    """The practice's logo and colours, once: an owner's later choices are left alone."""
    brand = BrandSettings.for_site(Site.objects.get(root_page=home))
    if brand.logo_id is None:
        brand.logo = ensure_image("Linden Tree Counselling logo", LOGO_ALT, render_logo, "logo.png")
        brand.logo_alt = LOGO_ALT
        brand.full_clean()
        brand.save()


def ensure_home_sections(home: HomePage, contact: Page) -> None:
    """Every section a home page can have, the first time (an editor's changes are kept)."""
    if home.body:
        return
    hero = ensure_hero(content.HOME_HERO_MOTIF)
    button = {"label": "Book a free 15-minute call", "page": contact}
    home.body = [
        (
            "hero",
            {
                "headline": content.HOME_HEADLINE,
                "text": content.HOME_INTRO,
                "image": hero,
                "image_alt": hero.description,
                "button": button,
            },
        ),
        (
            "clinicians",
            {"heading": "Who you would be talking to", "intro": content.CLINICIANS_INTRO},
        ),
        ("services", {"heading": "How we can help", "intro": ""}),
        ("articles", {"heading": "From our articles", "intro": content.ARTICLES_INTRO}),
        ("where_when", {"heading": "Where and when", "telehealth": content.TELEHEALTH}),
        ("closing", {"heading": "Ready to talk?", "text": content.CLOSING, "button": button}),
    ]
    home.save_revision().publish()


def ensure_image(title: str, alt: str, draw, name: str, focus=None) -> CustomImage:
    """The image titled `title`, drawn (`draw()` gives its bytes) only when it is missing;
    `focus` is its focal point (x, y, width, height), which square crops keep."""
    image = CustomImage.objects.filter(title=title).first()
    if image is None:
        image = CustomImage(title=title, description=alt)
        if focus:
            x, y, width, height = focus
            image.focal_point_x, image.focal_point_y = x, y
            image.focal_point_width, image.focal_point_height = width, height
        image.file = ImageFile(BytesIO(draw()), name=name)
        image.save()
    return image


def ensure_child(parent: Page, model, slug: str, report: BuildReport, **fields) -> Page:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = parent.add_child(instance=model(slug=slug, **fields))
    page.save_revision().publish()
    report.add(f"{model._meta.verbose_name} “{page.title}”")
    return page


def ensure_clinicians(home: HomePage, report: BuildReport) -> dict[str, ClinicianPage]:
    index = ensure_child(
        home,
        ClinicianIndexPage,
        "clinicians",
        report,
        title="Our clinicians",
        intro="<p>Three therapists, each with their own way of working.</p>",
        show_in_menus=True,
    )
    people = {}
    for person in (dict(p) for p in content.CLINICIANS):
        slug = person.pop("slug")
        drawn = PEOPLE[slug]
        photo = ensure_image(
            f"Portrait: {person['title']}",
            drawn.alt,
            lambda slug=slug: render_portrait(slug),
            f"{slug}.jpg",
            focus=FACE,
        )
        people[slug] = ensure_child(
            index, ClinicianPage, slug, report, photo=photo, photo_alt=drawn.alt, **person
        )
    return people


def ensure_services(home, clinicians: dict, articles: dict, report: BuildReport) -> None:
    index = ensure_child(
        home,
        ServiceIndexPage,
        "services",
        report,
        title="How we help",
        intro="<p>The kinds of help we offer, and who each one is for.</p>",
        show_in_menus=True,
    )
    for data in content.SERVICES:
        if ServicePage.objects.child_of(index).filter(slug=data["slug"]).exists():
            continue
        fields = {k: v for k, v in data.items() if k not in ("slug", "clinicians", "articles")}
        service = ServicePage(slug=data["slug"], **fields)
        service.related_articles = [articles[slug] for slug in data["articles"]]
        index.add_child(instance=service)
        service.save_revision().publish()
        for slug in data["clinicians"]:
            clinicians[slug].services.add(service)
            clinicians[slug].save_revision().publish()
        report.add(f"service “{service.title}”")


def ensure_faq(home, report: BuildReport) -> None:
    ensure_child(
        home,
        FAQPage,
        "questions",
        report,
        title="Questions people ask",
        intro=content.FAQ_INTRO,
        questions=[
            {"type": "question", "value": {"question": question, "answer": answer}}
            for question, answer in content.FAQ
        ],
        show_in_menus=True,
    )


def ensure_inbox(home, report: BuildReport) -> None:
    """An "Inbox readers" group holding the inbox permissions, and a few sample requests."""
    readers, created = Group.objects.get_or_create(name=INBOX_GROUP)
    if created:
        readers.permissions.set(
            Permission.objects.filter(
                content_type__app_label="inbox", codename__in=[access.READ, access.PREVIEW]
            )
            | Permission.objects.filter(
                content_type__app_label="wagtailadmin", codename="access_admin"
            )
        )
        report.add(f"group “{INBOX_GROUP}”")
    site = Site.objects.get(root_page=home)
    if not ConsultationRequest.objects.filter(site=site).exists():
        practice = PracticeSettings.for_site(site)
        for data in content.SAMPLE_REQUESTS:
            notify(store_request(data, site), practice.email, practice.name)
        report.add(f"{len(content.SAMPLE_REQUESTS)} sample consultation requests")


def ensure_hero(motif: str) -> CustomImage:
    title = f"Illustration: {motif.replace('-', ' ')}"
    return ensure_image(title, HEROES[motif].alt, lambda: render_jpeg(motif), f"{motif}.jpg")


def ensure_article(blog, data: dict, clinicians: dict, report: BuildReport) -> ArticlePage:
    existing = ArticlePage.objects.child_of(blog).filter(slug=data["slug"]).first()
    if existing:
        return existing
    hero = ensure_hero(content.HERO_MOTIFS[data["slug"]])
    article = ArticlePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        date=datetime.date.fromisoformat(data["date"]),
        author=clinicians[data["author"]],
        hero_image=hero,
        hero_alt=hero.description,
        body=[{"type": kind, "value": value} for kind, value in data["body"]],
    )
    article.categories = [ensure_category(name) for name in data["categories"]]
    article.tags.add(*data["tags"])
    blog.add_child(instance=article)
    article.save_revision().publish()
    report.add(f"article “{article.title}”")
    return article


def ensure_category(name: str) -> BlogCategory:
    category, _ = BlogCategory.objects.get_or_create(
        name=name, defaults={"description": content.CATEGORY_DESCRIPTIONS.get(name, "")}
    )
    return category


@transaction.atomic
def ensure_admin(password: str | None = None) -> str | None:
    """Create the demo's admin user; return its password only when it was just created."""
    User = get_user_model()
    if User.objects.filter(username=ADMIN_USERNAME).exists():
        return None
    password = password or os.environ.get("QUIETROOM_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
    admin = User.objects.create_superuser(ADMIN_USERNAME, "admin@lindentree.example", password)
    # The inbox opens only to an explicit grant, even for a superuser.
    admin.groups.add(Group.objects.get_or_create(name=INBOX_GROUP)[0])
    return password


def ensure_admin_device() -> TOTPDevice | None:
    """Give the demo admin an authenticator key; return it only when it was just created.

    The admin can read the inbox, so the admin requires a second factor; the demo sets one
    up so that its command can show the key once, as it does the password.
    """
    admin = get_user_model().objects.filter(username=ADMIN_USERNAME).first()
    if admin is None or TOTPDevice.objects.filter(user=admin, confirmed=True).exists():
        return None
    return TOTPDevice.objects.create(user=admin, name="Demo authenticator", confirmed=True)


def admin_device() -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user__username=ADMIN_USERNAME, confirmed=True).first()


def ensure_admin_recovery_codes() -> list[str] | None:
    """Give the demo admin recovery codes; return them only when they were just made."""
    admin = get_user_model().objects.filter(username=ADMIN_USERNAME).first()
    if admin is None or recovery.recovery_device(admin) is not None:
        return None
    return recovery.replace_codes(admin)
