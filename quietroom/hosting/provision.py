"""Adding, listing and removing practices on one deployment, each in one transaction.

A practice is a Wagtail site with its own page tree (home, blog, clinicians, contact), its own
settings rows, an image collection and two groups whose rights stop at its borders: an
owner's group (pages, images, settings, inbox) and an editors' group (pages, images).
"""

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    PageLogEntry,
    ReferenceIndex,
    Revision,
    Site,
)

from quietroom.blog.models import BlogIndexPage
from quietroom.inbox import access
from quietroom.inbox.models import AccessLogEntry, ConsultationRequest, InboxGroupSite
from quietroom.practice import crisis_defaults
from quietroom.practice.models import ClinicianIndexPage, ContactPage, HomePage, PracticeSettings
from quietroom.theme.branding import BrandChange, BrandError, change_brand

PAGE_RIGHTS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MEDIA_RIGHTS = {
    "wagtailimages": ("add_image", "change_image", "choose_image", "delete_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document", "delete_document"),
}
# Blog categories are one practice's each; the blog's permission policy keeps these rights
# to the categories of the sites the group is bound to.
CATEGORY_RIGHTS = (
    ("blog", "add_blogcategory"),
    ("blog", "change_blogcategory"),
    ("blog", "delete_blogcategory"),
)
OWNER_RIGHTS = (
    ("wagtailadmin", "access_admin"),
    ("inbox", access.READ),
    ("inbox", access.PREVIEW),
    *CATEGORY_RIGHTS,
)
EDITOR_RIGHTS = (("wagtailadmin", "access_admin"),)
# Given for the practice's own site only (Wagtail's GroupSitePermission): the settings views,
# their menu and their site switcher then know no other practice.
OWNER_SITE_RIGHTS = (
    ("practice", "change_practicesettings"),
    ("checks", "change_checkssettings"),
)


class PracticeError(ValueError):
    """A practice cannot be added or removed as asked; nothing was changed."""


@dataclass(frozen=True)
class Added:
    site: Site
    home: HomePage
    owner_username: str | None
    set_password_path: str | None


def validate_hostname(hostname: str) -> str:
    name = hostname.strip().lower().rstrip(".")
    labels = name.split(".")
    valid = 0 < len(name) <= 253 and all(
        0 < len(label) <= 63 and label.replace("-", "").isalnum() and not label.startswith("-")
        for label in labels
    )
    if not valid or not name.isascii():
        raise PracticeError(f"“{hostname}” is not a host name such as practice.example.org.")
    return name


@transaction.atomic
def add_practice(
    hostname: str,
    name: str,
    owner_email: str | None = None,
    port: int = 443,
    brand: BrandChange | None = None,
    country: str = "",
):
    """Create a practice at `hostname`, with `brand` (logo, colours, style) when given;
    returns Added. Raises PracticeError (nothing made) for a bad or taken hostname, an empty
    name, a bad owner address, a country Quietroom has no crisis services for or a brand the
    admin would refuse. `country` fills in its crisis notice and services."""
    hostname = validate_hostname(hostname)
    crisis = None
    if country:
        crisis = crisis_defaults.defaults_for(country)
        if crisis is None:
            listed = ", ".join(d.code for d in crisis_defaults.countries())
            raise PracticeError(
                f"Quietroom has no crisis services for “{country}”; it has them for {listed}. "
                "Leave out --country and write the practice's in its settings."
            )
    if not name.strip():
        raise PracticeError("Give the practice a name (--name).")
    if Site.objects.filter(hostname=hostname).exists():
        raise PracticeError(f"{hostname} is already a practice on this deployment.")
    if owner_email:
        try:
            validate_email(owner_email)
        except ValidationError as error:
            raise PracticeError(f"“{owner_email}” is not an email address.") from error
        if get_user_model().objects.filter(username=owner_email.lower()).exists():
            raise PracticeError(f"There is already an account for {owner_email}.")
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title=name.strip(), slug=unique_slug(hostname))
    )
    home.save_revision().publish()
    site = Site.objects.create(hostname=hostname, port=port, root_page=home, site_name=name)
    for page in (
        BlogIndexPage(title="Articles", slug="articles"),
        ClinicianIndexPage(title="Our clinicians", slug="clinicians"),
        ContactPage(title="Contact", slug="contact"),
    ):
        home.add_child(instance=page)
        page.save_revision().publish()
    practice = PracticeSettings.for_site(site)
    practice.name, practice.email = name.strip(), owner_email or ""
    if crisis is not None:
        practice.country = crisis.code
        practice.crisis_line = crisis.crisis_line
        practice.crisis_services = crisis_defaults.stream_data(crisis)
    practice.save()
    collection = Collection.get_first_root_node().add_child(name=f"{name.strip()} ({hostname})")
    owners = practice_group(f"{hostname}: owners", site, home, collection, OWNER_RIGHTS)
    for app_label, codename in OWNER_SITE_RIGHTS:
        GroupSitePermission.objects.create(
            group=owners, site=site, permission=permission(app_label, codename)
        )
    practice_group(f"{hostname}: editors", site, home, collection, EDITOR_RIGHTS)
    if brand is not None and brand != BrandChange():
        try:
            change_brand(site, brand, collection)
        except BrandError as error:
            raise PracticeError(str(error)) from error
    username = path = None
    if owner_email:
        owner = get_user_model().objects.create_user(
            username=owner_email.lower(), email=owner_email, password=secrets.token_urlsafe(32)
        )
        owner.groups.add(owners)
        username, path = owner.username, set_password_path(owner)
    return Added(site, home, username, path)


def unique_slug(hostname: str) -> str:
    base = slugify(hostname.replace(".", "-"))[:200] or "practice"
    slug, number = base, 1
    while Page.objects.filter(depth=2, slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def practice_group(name, site, home, collection, rights) -> Group:
    group = Group.objects.create(name=name)
    for app_label, codename in rights:
        group.permissions.add(permission(app_label, codename))
    for codename in PAGE_RIGHTS:
        GroupPagePermission.objects.create(
            group=group,
            page=home,
            permission=permission("wagtailcore", codename),
        )
    for app_label, codenames in MEDIA_RIGHTS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.create(
                group=group,
                collection=collection,
                permission=permission(app_label, codename),
            )
    InboxGroupSite.objects.create(group=group, site=site)
    return group


def permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def set_password_path(user) -> str:
    """The admin's set-a-new-password address for `user`: good once, expiring with Django's
    PASSWORD_RESET_TIMEOUT."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("wagtailadmin_password_reset_confirm", args=[uid, token])


@dataclass(frozen=True)
class Listed:
    hostname: str
    name: str
    pages: int
    owners: tuple[str, ...]


def list_practices() -> list[Listed]:
    listed = []
    for site in Site.objects.select_related("root_page").order_by("hostname"):
        groups = InboxGroupSite.objects.filter(site=site).values("group")
        owners = (
            get_user_model()
            .objects.filter(groups__in=groups, groups__name__endswith=": owners")
            .order_by("username")
            .values_list("username", flat=True)
            .distinct()
        )
        listed.append(
            Listed(
                hostname=site.hostname,
                name=PracticeSettings.objects.filter(site=site)
                .values_list("name", flat=True)
                .first()
                or site.site_name,
                pages=site.root_page.get_descendants(inclusive=True).count(),
                owners=tuple(owners),
            )
        )
    return listed


@dataclass(frozen=True)
class Removed:
    pages: int
    images: int
    documents: int
    users: int


@transaction.atomic
def remove_practice(hostname: str) -> Removed:
    """Delete everything of the practice at `hostname` and only that: its pages, site (and so
    its settings, redirects and inbox), collection with its images and documents, groups, and
    the accounts that belonged to no other group. Media files go when the transaction commits
    (Wagtail removes an image's or document's files on delete)."""
    site = Site.objects.filter(hostname=validate_hostname(hostname)).first()
    if site is None:
        raise PracticeError(f"No practice at {hostname}.")
    if Site.objects.filter(root_page=site.root_page).exclude(pk=site.pk).exists():
        raise PracticeError(f"Another site shares the pages of {hostname}; remove it by hand.")
    # Ids taken now: the site's deletion removes the InboxGroupSite rows that find the groups.
    bound_ids = list(InboxGroupSite.objects.filter(site=site).values_list("group", flat=True))
    bound = Group.objects.filter(pk__in=bound_ids)
    collections = list(
        Collection.objects.filter(
            pk__in=GroupCollectionPermission.objects.filter(group__in=bound).values("collection")
        )
    )
    members = get_user_model().objects.filter(groups__in=bound).distinct()
    alone = [user for user in members if not user.groups.exclude(pk__in=bound).exists()]
    images = get_image_model().objects.filter(collection__in=collections)
    documents = get_document_model().objects.filter(collection__in=collections)
    removed = Removed(
        pages=site.root_page.get_descendants(inclusive=True).count(),
        images=images.count(),
        documents=documents.count(),
        users=len(alone),
    )
    for image in images:
        image.delete()  # one by one, so Wagtail removes each file and its renditions
    for document in documents:
        document.delete()
    root = site.root_page
    page_ids = list(root.get_descendants(inclusive=True).values_list("pk", flat=True))
    request_ids = [
        str(pk) for pk in ConsultationRequest.objects.filter(site=site).values_list("pk", flat=True)
    ]
    site.delete()  # its settings, redirects and consultation requests go with it
    root.delete()
    # Rows that point at the pages without a database constraint.
    PageLogEntry.objects.filter(page_id__in=page_ids).delete()
    ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=map(str, page_ids)
    ).delete()
    Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=map(str, page_ids)
    ).delete()
    AccessLogEntry.objects.filter(request_id__in=request_ids).delete()
    for collection in collections:
        collection.delete()
    for user in alone:
        user.delete()
    bound.delete()
    return removed
