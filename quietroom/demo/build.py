"""Build the demo practice site. Every step looks for what exists before creating it."""

import os
import secrets
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page, Site, Workflow, WorkflowPage, WorkflowTask

from quietroom.blog.models import ArticlePage, BlogIndexPage
from quietroom.checks.workflow import EditorialChecksTask
from quietroom.compliance.models import PolicyPage
from quietroom.core.models import CustomImage
from quietroom.demo import sources
from quietroom.demo.readers import ensure_reader_counts
from quietroom.importers.load import ImportOptions, import_wxr
from quietroom.importers.report import ImportReport
from quietroom.inbox import access
from quietroom.inbox.models import ConsultationRequest
from quietroom.inbox.store import notify, store_request
from quietroom.practice import crisis_defaults
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
    # What the importer did with the articles' export, this run.
    articles: ImportReport | None = None

    def add(self, what: str) -> None:
        self.created.append(what)


@transaction.atomic
def build_demo_site(hostname: str = "127.0.0.1", port: int = 8000) -> BuildReport:
    """Create whatever part of the demo practice is missing; leave the rest as it is.

    The articles and their pictures come from the WordPress export in demo/data, loaded
    by the importer as an owner's would be; the rest of the practice from practice.toml.
    """
    data = sources.practice()
    report = BuildReport()
    home = ensure_home(data, report)
    report.site = ensure_site(home, data, hostname, port)
    ensure_settings(home, data)
    ensure_brand(home, data["brand"])
    ensure_child(home, BlogIndexPage, "articles", report, show_in_menus=True, **data["blog"])
    clinicians = ensure_clinicians(home, data, report)
    report.articles = import_articles(report)
    # Where the importer put them: the site's first blog, which is the demo's unless --force.
    articles = {article.slug: article for article in ArticlePage.objects.descendant_of(home)}
    ensure_services(home, data, clinicians, articles, report)
    ensure_reviews(data["reviews"], clinicians, articles, report)
    ensure_faq(home, data["faq"], report)
    contact = ensure_child(
        home, ContactPage, "contact", report, show_in_menus=True, **data["contact"]
    )
    ensure_home_sections(home, data["home"], contact)
    ensure_policies(home, data["policies"], report)
    ensure_workflow(home, report)
    ensure_inbox(home, data["sample_requests"], report)
    if seeded := ensure_reader_counts(report.site):
        report.add(f"made-up reader counts for the last 90 days ({seeded} page-days)")
    return report


def import_articles(report: BuildReport) -> ImportReport:
    """The articles, their heroes, categories and tags, through the WordPress importer: a
    second run finds every item already imported and changes nothing."""
    imported = import_wxr(sources.ARTICLES_WXR, ImportOptions(media_dir=sources.MEDIA_DIR))
    for kind in ("posts", "images", "categories"):
        if made := imported.total(kind, "created"):
            report.add(f"{made} {'articles' if kind == 'posts' else kind} (imported)")
    return imported


def ensure_home(data: dict, report: BuildReport) -> HomePage:
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    # Wagtail's first migration leaves a placeholder welcome page; the practice replaces it.
    for placeholder in root.get_children().filter(content_type__model="page"):
        placeholder.delete()
    home = root.add_child(instance=HomePage(title=data["practice"]["name"], slug="home", body=[]))
    home.save_revision().publish()
    report.add("home page")
    return home


def ensure_site(home: HomePage, data: dict, hostname: str, port: int) -> Site:
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = hostname, port, home
    site.site_name = data["practice"]["name"]
    site.save()
    return site


def ensure_settings(home: HomePage, data: dict) -> None:
    site = Site.objects.get(root_page=home)
    practice = PracticeSettings.for_site(site)
    if practice.name == PracticeSettings._meta.get_field("name").default:
        for name, value in data["practice"].items():
            setattr(practice, name, value)
        defaults = crisis_defaults.defaults_for(practice.country)
        practice.crisis_line = defaults.crisis_line
        practice.crisis_services = crisis_defaults.stream_data(defaults)
        practice.save()


def ensure_brand(home: HomePage, brand_data: dict) -> None:
    """The practice's logo and colours, once: an owner's later choices are left alone."""
    brand = BrandSettings.for_site(Site.objects.get(root_page=home))
    if brand.logo_id is None:
        alt = brand_data["logo_alt"]
        brand.logo = ensure_image(brand_data["logo_title"], alt, brand_data["logo"])
        brand.logo_alt = alt
        brand.full_clean()
        brand.save()


def ensure_home_sections(home: HomePage, data: dict, contact: Page) -> None:
    """Every section a home page can have, the first time (an editor's changes are kept)."""
    if home.body:
        return
    # One of the export's pictures, imported with the articles.
    hero = CustomImage.objects.get(title=data["hero_image"])
    button = {"label": data["button_label"], "page": contact}
    home.body = [
        (
            "hero",
            {
                "headline": data["headline"],
                "text": data["intro"],
                "image": hero,
                "image_alt": hero.description,
                "button": button,
            },
        ),
        ("clinicians", {"heading": data["clinicians_heading"], "intro": data["clinicians_intro"]}),
        ("services", {"heading": data["services_heading"], "intro": ""}),
        ("articles", {"heading": data["articles_heading"], "intro": data["articles_intro"]}),
        ("where_when", {"heading": data["where_when_heading"], "telehealth": data["telehealth"]}),
        (
            "endorsements",
            {
                "heading": data["endorsements_heading"],
                "intro": "",
                "endorsements": data["endorsements"],
            },
        ),
        (
            "closing",
            {"heading": data["closing_heading"], "text": data["closing"], "button": button},
        ),
    ]
    home.save_revision().publish()


def ensure_image(title: str, alt: str, name: str, focus=None) -> CustomImage:
    """The image titled `title`, made from the file `name` in the demo's media only when it
    is missing; `focus` is its focal point (x, y, width, height), which square crops keep."""
    image = CustomImage.objects.filter(title=title).first()
    if image is None:
        image = CustomImage(title=title, description=alt)
        if focus:
            x, y, width, height = focus
            image.focal_point_x, image.focal_point_y = x, y
            image.focal_point_width, image.focal_point_height = width, height
        with open(sources.MEDIA_DIR / name, "rb") as handle:
            image.file = ImageFile(handle, name=name)
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


def ensure_clinicians(home: HomePage, data: dict, report: BuildReport) -> dict[str, ClinicianPage]:
    """The clinicians, before the articles: the importer finds each author among them by
    name, so every article links to its author's page."""
    index = ensure_child(
        home,
        ClinicianIndexPage,
        "clinicians",
        report,
        show_in_menus=True,
        **data["clinician_index"],
    )
    people = {}
    for person in (dict(p) for p in data["clinicians"]):
        slug, file, alt = person.pop("slug"), person.pop("photo"), person.pop("photo_alt")
        photo = ensure_image(f"Portrait: {person['title']}", alt, file, focus=FACE)
        people[slug] = ensure_child(
            index, ClinicianPage, slug, report, photo=photo, photo_alt=alt, **person
        )
    return people


def ensure_services(home, data: dict, clinicians: dict, articles: dict, report) -> None:
    index = ensure_child(
        home, ServiceIndexPage, "services", report, show_in_menus=True, **data["service_index"]
    )
    for service_data in data["services"]:
        if ServicePage.objects.child_of(index).filter(slug=service_data["slug"]).exists():
            continue
        fields = {
            k: v for k, v in service_data.items() if k not in ("slug", "clinicians", "articles")
        }
        service = ServicePage(slug=service_data["slug"], **fields)
        service.related_articles = [articles[slug] for slug in service_data["articles"]]
        index.add_child(instance=service)
        service.save_revision().publish()
        for slug in service_data["clinicians"]:
            clinicians[slug].services.add(service)
            clinicians[slug].save_revision().publish()
        report.add(f"service “{service.title}”")


def ensure_faq(home, faq: dict, report: BuildReport) -> None:
    ensure_child(
        home,
        FAQPage,
        "questions",
        report,
        title=faq["title"],
        intro=faq["intro"],
        questions=[{"type": "question", "value": question} for question in faq["questions"]],
        show_in_menus=True,
    )


def ensure_reviews(reviews: list[dict], clinicians: dict, articles: dict, report) -> None:
    for review in reviews:
        article = articles[review["article"]]
        if article.last_reviewed:
            continue
        article.reviewed_by = clinicians[review["reviewer"]]
        article.last_reviewed = review["date"]
        article.save_revision().publish()
        report.add(f"clinical review of “{article.title}”")


def ensure_workflow(home, report: BuildReport) -> None:
    """Moderation through the editorial checks: an approval waits until no error stands."""
    if WorkflowPage.objects.filter(page=home).exists():
        return
    task = EditorialChecksTask.objects.create(name="Editorial checks and approval")
    task.groups.add(*Group.objects.filter(name="Moderators"))
    flow = Workflow.objects.create(name="Review before publishing")
    WorkflowTask.objects.create(workflow=flow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=flow, page=home)
    report.add("workflow “Review before publishing”")


def ensure_policies(home, policies: list[dict], report: BuildReport) -> None:
    for policy in (dict(p) for p in policies):
        body = [{"type": "text", "value": policy.pop("body")}]
        ensure_child(home, PolicyPage, policy.pop("slug"), report, body=body, **policy)


def ensure_inbox(home, sample_requests: list[dict], report: BuildReport) -> None:
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
        for data in sample_requests:
            notify(store_request(dict(data), site), practice.email, practice.name)
        report.add(f"{len(sample_requests)} sample consultation requests")


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
