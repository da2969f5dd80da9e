"""Build the demo practice site. Every step looks for what exists before creating it."""

import datetime
import os
import secrets
from dataclasses import dataclass, field
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.models import Page, Site

from quietroom.blog.models import ArticlePage, BlogCategory, BlogIndexPage
from quietroom.core.models import CustomImage
from quietroom.demo import practice as content
from quietroom.demo.articles import ARTICLES
from quietroom.demo.heroes import HEROES, render_jpeg
from quietroom.practice.models import (
    ClinicianIndexPage,
    ClinicianPage,
    HomePage,
    PracticeSettings,
)

ADMIN_USERNAME = "admin"


@dataclass
class BuildReport:
    created: list[str] = field(default_factory=list)
    admin_password: str | None = None

    def add(self, what: str) -> None:
        self.created.append(what)


@transaction.atomic
def build_demo_site(hostname: str = "127.0.0.1", port: int = 8000) -> BuildReport:
    """Create whatever part of the demo practice is missing; leave the rest as it is."""
    report = BuildReport()
    home = ensure_home(report)
    ensure_site(home, hostname, port)
    ensure_settings(home)
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
    for article in ARTICLES:
        ensure_article(blog, article, clinicians, report)
    return report


def ensure_home(report: BuildReport) -> HomePage:
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a placeholder welcome page; the practice replaces it.
    for placeholder in root.get_children().filter(content_type__model="page"):
        placeholder.delete()
    home = root.add_child(
        instance=HomePage(title=content.PRACTICE["name"], slug="home", intro=content.HOME_INTRO)
    )
    home.save_revision().publish()
    report.add("home page")
    return home


def ensure_site(home: HomePage, hostname: str, port: int) -> None:
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = hostname, port, home
    site.site_name = content.PRACTICE["name"]
    site.save()


def ensure_settings(home: HomePage) -> None:
    site = Site.objects.get(root_page=home)
    practice = PracticeSettings.for_site(site)
    if practice.name == PracticeSettings._meta.get_field("name").default:
        for name, value in content.PRACTICE.items():
            setattr(practice, name, value)
        practice.save()


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
    return {
        person["slug"]: ensure_child(index, ClinicianPage, person.pop("slug"), report, **person)
        for person in (dict(p) for p in content.CLINICIANS)
    }


def ensure_hero(motif: str) -> CustomImage:
    hero = HEROES[motif]
    title = f"Illustration: {motif.replace('-', ' ')}"
    image = CustomImage.objects.filter(title=title).first()
    if image is None:
        image = CustomImage(title=title, description=hero.alt)
        image.file = ImageFile(BytesIO(render_jpeg(motif)), name=f"{motif}.jpg")
        image.save()
    return image


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


def ensure_admin(password: str | None = None) -> str | None:
    """Create the demo's admin user; return its password only when it was just created."""
    User = get_user_model()
    if User.objects.filter(username=ADMIN_USERNAME).exists():
        return None
    password = password or os.environ.get("QUIETROOM_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
    User.objects.create_superuser(ADMIN_USERNAME, "admin@lindentree.example", password)
    return password
