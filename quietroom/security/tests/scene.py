"""A limited editor and the objects outside their reach, for the privilege pack (E6)."""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from quietroom.blog.models import BlogCategory, BlogIndexPage
from quietroom.core.models import CustomImage
from quietroom.core.tests.factories import article, make_blog, make_category, make_image
from quietroom.inbox import access

# Written into every object the editor may not see; it must never come back to them.
CANARY = "CANARY-7f3a"
DASHBOARD = "/admin/"


@dataclass
class Unowned:
    section: BlogIndexPage
    page: Page
    first_revision_id: int
    latest_revision_id: int
    image: CustomImage
    category: BlogCategory


def permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def editors_group(section: Page, collection: Collection) -> Group:
    """Edit, add and publish under `section` and use images in `collection`; nothing else."""
    group = Group.objects.create(name="Section editors")
    group.permissions.add(permission("wagtailadmin", "access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=section, permission=permission("wagtailcore", codename)
        )
    for codename in ("add_image", "change_image", "choose_image"):
        GroupCollectionPermission.objects.create(
            group=group, collection=collection, permission=permission("wagtailimages", codename)
        )
    return group


def child_collection(name: str) -> Collection:
    return Collection.get_first_root_node().add_child(name=name)


def unowned_objects(home: Page) -> Unowned:
    """A draft page in another section (two revisions), a private image and a category."""
    section = make_blog(home, title="Practice notes", slug="practice-notes")
    page = article(
        f"Notes {CANARY}",
        live=False,
        body=[{"type": "text", "value": f"<p>Supervision notes {CANARY} first.</p>"}],
    )
    section.add_child(instance=page)
    first = page.save_revision()
    page.body = [{"type": "text", "value": f"<p>Supervision notes {CANARY} second.</p>"}]
    latest = page.save_revision()
    private = child_collection("Private")
    image = make_image(title=f"Client letter {CANARY}")
    image.collection = private
    image.save()
    category = make_category(f"Category {CANARY}")
    return Unowned(section, page, first.pk, latest.pk, image, category)


def inbox_readers_group(name="Inbox readers") -> Group:
    """May open the admin and read consultation requests, as the demo's readers can."""
    group = Group.objects.create(name=name)
    group.permissions.add(
        permission("wagtailadmin", "access_admin"), permission("inbox", access.READ)
    )
    return group


def assert_refused(response):
    """403 or 404, or Wagtail's redirect to the dashboard on a denied permission; no canary."""
    if response.status_code == 302:
        assert response["Location"] == DASHBOARD, response["Location"]
    else:
        assert response.status_code in (403, 404), response.status_code
    assert CANARY.encode() not in response.content


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()
