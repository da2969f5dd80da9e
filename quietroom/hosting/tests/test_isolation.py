"""One practice's owner reaches nothing of another practice on the same deployment.

The shape of the E6 privilege pack (quietroom/security/tests/test_privileges.py): everything of
the second practice carries a canary that must never come back in a response to the first
practice's owner, and every refused write leaves the database as it was.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, Page

from quietroom.blog.models import BlogCategory, BlogIndexPage
from quietroom.core.tests.factories import (
    make_article,
    make_category,
    make_draft,
    make_image,
    sign_in_verified,
)
from quietroom.inbox.models import ConsultationRequest
from quietroom.inbox.store import store_request
from quietroom.practice.models import PracticeSettings
from quietroom.security.tests.scene import CANARY, assert_refused


@pytest.fixture
def other(practices, inbox_keys):
    """The second practice, with a canary in each of its pages, media, settings and inbox."""
    second = practices[1]
    collection = Collection.objects.get(name__endswith="(birch.example)")
    blog = BlogIndexPage.objects.descendant_of(second.home).get()
    draft = make_draft(blog, f"Draft {CANARY}")
    image = make_image(title=f"Image {CANARY}")
    image.collection = collection
    image.save()
    document = Document(title=f"Document {CANARY}", collection=collection)
    document.file.save("notes.txt", ContentFile(b"private notes"), save=True)
    settings = PracticeSettings.for_site(second.site)
    settings.tagline = f"Tagline {CANARY}"
    settings.save()
    request = store_request({"name": f"Person {CANARY}", "message": CANARY}, second.site)
    category = make_category(f"Category {CANARY}", site=second.site, slug="sleep")
    draft.categories.add(category)
    return {
        "category": category,
        "site": second.site,
        "home": second.home,
        "draft": draft,
        "image": image,
        "document": document,
        "request": request,
    }


@pytest.fixture
def signed_in_owner(client, owner):
    sign_in_verified(client, owner)
    return client


def test_the_owner_may_work_on_their_own_practice(signed_in_owner, practices):
    own = practices[0]
    assert (
        signed_in_owner.get(reverse("wagtailadmin_pages:edit", args=[own.home.pk])).status_code
        == 200
    )
    own_settings = reverse(
        "wagtailsettings:edit", args=["practice", "practicesettings", own.site.pk]
    )
    settings_page = signed_in_owner.get(own_settings)
    assert settings_page.status_code == 200
    assert b"Birch Lane" not in settings_page.content  # no switcher naming the other site
    assert signed_in_owner.get(reverse("inbox:index")).status_code == 200


@pytest.mark.parametrize(
    "name", ["edit", "view_draft", "preview_on_edit", "copy", "move", "delete", "unpublish"]
)
def test_every_page_view_of_the_other_practice_is_refused(signed_in_owner, other, name):
    for page in (other["home"], other["draft"]):
        assert_refused(signed_in_owner.get(reverse(f"wagtailadmin_pages:{name}", args=[page.pk])))


def test_writes_to_the_other_practices_pages_are_refused_and_change_nothing(signed_in_owner, other):
    draft = other["draft"]
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert_refused(signed_in_owner.post(edit, {"title": "Hijacked", "slug": "hijacked"}))
    assert_refused(signed_in_owner.post(reverse("wagtailadmin_pages:delete", args=[draft.pk])))
    add = reverse("wagtailadmin_pages:add", args=["blog", "articlepage", draft.get_parent().pk])
    assert_refused(signed_in_owner.get(add))

    draft.refresh_from_db()
    assert draft.title == f"Draft {CANARY}"
    assert Page.objects.filter(pk=draft.pk).exists()


def test_listings_searches_choosers_and_reports_never_show_the_other_practice(
    signed_in_owner, other
):
    # The queries name the other practice's things without the canary, which a search box
    # would echo back.
    for url, query in (
        (reverse("wagtailadmin_explore", args=[other["home"].pk]), {}),
        (reverse("wagtailadmin_pages:search"), {"q": "Draft"}),
        (reverse("wagtailadmin_pages:search"), {"q": "Birch"}),
        (reverse("wagtailadmin_choose_page"), {}),
        (reverse("wagtailadmin_choose_page"), {"q": "Draft"}),
        (reverse("wagtailadmin_choose_page"), {"q": "Birch"}),
        (reverse("wagtailadmin_choose_page_child", args=[other["home"].pk]), {}),
        (reverse("wagtailadmin_choose_page_child", args=[other["draft"].pk]), {}),
        (reverse("wagtailadmin_choose_page_search"), {"q": "Birch"}),
        (reverse("wagtailimages:index"), {"q": "Image"}),
        (reverse("wagtailimages_chooser:choose"), {"q": "Image"}),
        (reverse("wagtaildocs:index"), {"q": "Document"}),
        (reverse("wagtaildocs_chooser:choose"), {"q": "Document"}),
        (reverse("wagtailadmin_reports:locked_pages"), {}),
        (reverse("wagtailadmin_reports:aging_pages"), {}),
        (reverse("wagtailadmin_reports:site_history"), {}),
        (reverse("wagtailadmin_reports:page_types_usage"), {}),
        (reverse("inbox:index"), {}),
        ("/admin/api/main/pages/", {"search": "Draft"}),
        ("/admin/api/main/pages/", {"search": "Birch"}),
        ("/admin/api/main/pages/", {}),
        ("/admin/api/main/images/", {"search": "Image"}),
        ("/admin/api/main/documents/", {"search": "Document"}),
        (reverse("wagtailsnippets_blog_blogcategory:list"), {}),
        (reverse("wagtailsnippets_blog_blogcategory:list"), {"q": "Category"}),
        (reverse("wagtailsnippets:index"), {}),
    ):
        response = signed_in_owner.get(url, query)
        assert CANARY.encode() not in response.content, url
        assert b"Birch Lane" not in response.content, url  # not even its live pages' titles
        assert response.status_code in (200, 302, 403, 404), (url, response.status_code)


def test_the_other_practices_media_is_refused(signed_in_owner, other):
    image, document = other["image"].pk, other["document"].pk
    for url in (
        reverse("wagtailimages:edit", args=[image]),
        reverse("wagtailimages:delete", args=[image]),
        reverse("wagtailimages:url_generator", args=[image]),
        reverse("wagtaildocs:edit", args=[document]),
        reverse("wagtaildocs:delete", args=[document]),
    ):
        assert_refused(signed_in_owner.get(url))
    assert_refused(
        signed_in_owner.post(reverse("wagtailimages:edit", args=[image]), {"title": "Renamed"})
    )
    other["image"].refresh_from_db()
    assert other["image"].title == f"Image {CANARY}"


def test_the_other_practices_settings_are_refused_and_unchanged(signed_in_owner, other):
    site = other["site"]
    for model in ("practice/practicesettings", "checks/checkssettings"):
        app_label, model_name = model.split("/")
        url = reverse("wagtailsettings:edit", args=[app_label, model_name, site.pk])
        assert_refused(signed_in_owner.get(url))
        assert_refused(signed_in_owner.post(url, {"name": "Hijacked", "tagline": "owned"}))
    assert PracticeSettings.objects.get(site=site).tagline == f"Tagline {CANARY}"


def test_the_settings_menu_opens_the_owners_own_site(signed_in_owner, practices):
    response = signed_in_owner.get(
        reverse("wagtailsettings:edit", args=["practice", "practicesettings"])
    )
    assert response.status_code == 302
    own = reverse(
        "wagtailsettings:edit", args=["practice", "practicesettings", practices[0].site.pk]
    )
    assert response["Location"] == own


def test_the_other_practices_inbox_is_refused_and_unchanged(signed_in_owner, other):
    pk = other["request"].pk
    for url in (reverse("inbox:detail", args=[pk]), reverse("inbox:delete", args=[pk])):
        assert_refused(signed_in_owner.get(url))
    assert_refused(signed_in_owner.post(reverse("inbox:status", args=[pk]), {"status": "handled"}))
    assert_refused(signed_in_owner.post(reverse("inbox:delete", args=[pk])))
    assert ConsultationRequest.objects.get(pk=pk).status == "new"


CATEGORY_VIEWS = ("edit", "delete", "history", "usage", "copy")


def category_url(name, pk=None):
    return reverse(f"wagtailsnippets_blog_blogcategory:{name}", args=[] if pk is None else [pk])


def test_the_other_practices_categories_are_refused_and_unchanged(signed_in_owner, other):
    category = other["category"]
    for name in CATEGORY_VIEWS:
        assert_refused(signed_in_owner.get(category_url(name, category.pk)))
    assert_refused(signed_in_owner.post(category_url("edit", category.pk), {"name": "Hijacked"}))
    assert_refused(signed_in_owner.post(category_url("delete", category.pk)))
    category.refresh_from_db()
    assert category.name == f"Category {CANARY}"


def test_the_owner_keeps_categories_of_their_own_with_the_same_address(
    signed_in_owner, practices, other
):
    own = practices[0].site
    add = category_url("add")
    form = signed_in_owner.get(add)
    assert form.status_code == 200
    assert b"Birch Lane" not in form.content
    assert b"birch.example" not in form.content

    response = signed_in_owner.post(add, {"site": own.pk, "name": "Sleep", "slug": "sleep"})
    assert response.status_code == 302, response.content[:2000]
    made = BlogCategory.objects.get(site=own, slug="sleep")
    assert made.name == "Sleep"
    assert other["category"].slug == "sleep"  # the other practice's, untouched

    # Naming the other practice's site changes nothing there: the owner works on one
    # practice, so the form has no practice field and the category is theirs.
    signed_in_owner.post(add, {"site": other["site"].pk, "name": "Planted", "slug": "planted"})
    assert BlogCategory.objects.get(name="Planted").site == own
    assert not BlogCategory.objects.filter(site=other["site"], name="Planted").exists()

    # A name or address the practice has already is a message, not a second row or a 500.
    for fields in ({"name": "sleep"}, {"name": "Sleeping", "slug": "sleep"}, {"name": "Sleep!"}):
        again = signed_in_owner.post(add, fields)
        assert again.status_code == 200, fields
        assert b"This practice already has a category" in again.content, fields
    assert BlogCategory.objects.filter(site=own).count() == 2

    # The listing shows the owner's own category, and the article editor offers only it.
    listing = signed_in_owner.get(category_url("list"))
    assert b"Sleep" in listing.content
    assert CANARY.encode() not in listing.content
    blog = BlogIndexPage.objects.descendant_of(practices[0].home).get()
    editor = signed_in_owner.get(
        reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog.pk])
    )
    assert editor.status_code == 200
    assert b"Sleep" in editor.content
    assert CANARY.encode() not in editor.content


def test_each_practice_serves_its_own_category_at_the_same_address(client, practices, other):
    own_blog = BlogIndexPage.objects.descendant_of(practices[0].home).get()
    mine = make_category("Sleep and rest", site=practices[0].site, slug="sleep")
    make_article(own_blog, "Resting well", categories=[mine])
    other_blog = BlogIndexPage.objects.descendant_of(other["home"]).get()

    own_page = client.get(own_blog.url + "category/sleep/", HTTP_HOST="willow.example")
    assert own_page.status_code == 200
    assert b"Sleep and rest" in own_page.content
    assert CANARY.encode() not in own_page.content
    # The other practice's category has no published article, and is never willow's.
    theirs = client.get(other_blog.url + "category/sleep/", HTTP_HOST="birch.example")
    assert b"Sleep and rest" not in theirs.content
