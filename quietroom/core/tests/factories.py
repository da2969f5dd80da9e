"""Small builders for pages and images, shared by every app's tests."""

import datetime
import itertools
from io import BytesIO

from django.core.files.images import ImageFile
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image as PILImage
from wagtail.models import Page, Site

from quietroom.blog.models import ArticlePage, BlogCategory, BlogIndexPage
from quietroom.core.models import CustomImage
from quietroom.inbox import spam
from quietroom.practice.models import (
    ClinicianIndexPage,
    ClinicianPage,
    ContactPage,
    HomePage,
    PracticeSettings,
)

_counter = itertools.count(1)


def make_image(title="A test image", width=1600, height=900, description="") -> CustomImage:
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), (120, 160, 140)).save(buffer, "JPEG")
    image = CustomImage(title=title, description=description)
    image.file = ImageFile(buffer, name=f"test-{next(_counter)}.jpg")
    image.save()
    return image


def make_home(title="Test Practice") -> HomePage:
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title=title, slug=f"home-{next(_counter)}"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_blog(home: Page, title="Articles", slug=None) -> BlogIndexPage:
    return publish(home, BlogIndexPage(title=title, slug=slug or f"blog-{next(_counter)}"))


def make_category(name: str, site: Site | None = None, **fields) -> BlogCategory:
    """A category of `site`'s practice (the default site's when none is given)."""
    site = site or Site.objects.get(is_default_site=True)
    return BlogCategory.objects.create(site=site, name=name, **fields)


def make_clinician(home: Page, name="Alex Rivera") -> ClinicianPage:
    index = ClinicianIndexPage.objects.child_of(home).first() or publish(
        home, ClinicianIndexPage(title="Clinicians", slug="clinicians")
    )
    return publish(index, ClinicianPage(title=name, slug=f"clinician-{next(_counter)}"))


def article(title="An article", date=None, body=None, **fields) -> ArticlePage:
    """An unsaved article with a short body; add it with `publish` or `draft`."""
    return ArticlePage(
        title=title,
        slug=fields.pop("slug", f"article-{next(_counter)}"),
        date=date or datetime.date(2026, 1, 1),
        body=body or [{"type": "text", "value": "<p>Some words about feelings.</p>"}],
        **fields,
    )


def make_article(blog: BlogIndexPage, title="An article", date=None, **fields) -> ArticlePage:
    return publish(blog, article(title, date, **fields))


def make_draft(blog: BlogIndexPage, title="A draft", date=None, **fields) -> ArticlePage:
    page = article(title, date, live=False, **fields)
    blog.add_child(instance=page)
    page.save_revision()
    return page


def make_contact_page(home: Page, email="practice@example.org") -> ContactPage:
    practice = PracticeSettings.for_site(Site.objects.get(root_page=home))
    practice.name, practice.email = "Test Practice", email
    practice.save()
    return publish(home, ContactPage(title="Contact us", slug="contact"))


def valid_request(**overrides) -> dict:
    """POST data for the contact form that passes every check."""
    return {
        "name": "Robin Example",
        "email": "robin@example.org",
        "phone": "",
        "preferred_contact": "email",
        "may_leave_message": "no",
        "message": "I would like to talk about anxiety at work.",
        "clinician": "",
        "service": "",
        "consent": "on",
        "leave_blank": "",
        "started": spam.start_token(),
        **overrides,
    }


def sign_in_verified(client, user) -> TOTPDevice:
    """Sign `user` in on the test `client` with a second factor already proved.

    For tests about something else; the two-factor flow itself is tested through its forms.
    """
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "Test authenticator"}
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def current_code(device: TOTPDevice) -> str:
    """The six digits an authenticator app holding `device`'s key shows right now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"
