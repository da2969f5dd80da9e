"""A limited editor reaches nothing beyond their section through the admin (E6).

The editor may add, edit and publish pages under one blog and use images in one collection.
Everything else carries a canary that must never come back in a response, and every refused
write must leave the database as it was.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.admin.panels import get_edit_handler
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents.models import Document
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models

from quietroom.blog.models import BlogCategory
from quietroom.checks.models import ChecksSettings
from quietroom.core.models import CustomImage
from quietroom.core.tests.factories import make_draft, make_image, sign_in_verified
from quietroom.practice.models import PracticeSettings
from quietroom.security.tests.scene import CANARY, assert_refused, text

# Site settings (CVE-2024-35228, CVE-2024-32882)


def settings_url(model, home):
    meta = model._meta
    return reverse(
        "wagtailsettings:edit", args=[meta.app_label, meta.model_name, home.get_site().pk]
    )


def test_a_section_editor_cannot_change_practice_settings(client, section_editor, home):
    practice = PracticeSettings.for_site(home.get_site())
    practice.tagline = f"Tagline {CANARY}"
    practice.save()
    url = settings_url(PracticeSettings, home)

    assert_refused(client.get(url))
    assert_refused(client.post(url, {"name": "Hijacked", "tagline": "owned", "email": ""}))
    assert_refused(client.post(url + "preview/", {"name": "Hijacked"}))

    practice.refresh_from_db()
    assert (practice.name, practice.tagline) == ("Our practice", f"Tagline {CANARY}")


def test_a_section_editor_cannot_change_the_editorial_checks(client, section_editor, home):
    before = ChecksSettings.for_site(home.get_site()).reading_grade
    url = settings_url(ChecksSettings, home)

    assert_refused(client.get(url))
    assert_refused(client.post(url, {"reading_grade": "16", "rule_levels-count": "0"}))

    assert ChecksSettings.for_site(home.get_site()).reading_grade == before


def test_no_editing_panel_is_restricted_by_a_per_field_permission():
    # Restricting one field by permission is where CVE-2024-32882 lived; none is, so a limited
    # editor meets no half-editable form. Adding one needs its own test in this pack.
    models = [*get_page_models(), *get_snippet_models(), *settings_registry]
    restricted = []
    for model in models:
        stack = [get_edit_handler(model)]
        while stack:
            panel = stack.pop()
            stack.extend(getattr(panel, "children", []))
            if getattr(panel, "permission", None):
                restricted.append(f"{model.__name__}.{getattr(panel, 'field_name', panel)}")
    assert restricted == []


# Pages outside the editor's section (CVE-2026-25517, CVE-2026-44197/44198/44200)


def test_previewing_an_unowned_page_is_refused(client, section_editor, unowned):
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[unowned.page.pk])

    assert_refused(client.get(preview))
    assert_refused(client.post(preview, {"title": "Peek", "slug": "peek"}))
    assert_refused(client.get(reverse("wagtailadmin_pages:view_draft", args=[unowned.page.pk])))
    assert_refused(client.get(reverse("wagtailadmin_pages:edit", args=[unowned.page.pk])))


def test_previewing_a_new_page_under_an_unowned_section_is_refused(client, section_editor, unowned):
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["blog", "articlepage", unowned.section.pk]
    )

    assert_refused(client.post(url, {"title": "Peek", "slug": "peek"}))


def test_revisions_of_an_unowned_page_cannot_be_viewed_compared_or_reverted(
    client, section_editor, unowned
):
    page, first, latest = unowned.page.pk, unowned.first_revision_id, unowned.latest_revision_id
    revisions_before = unowned.page.revisions.count()

    assert_refused(client.get(reverse("wagtailadmin_pages:revisions_view", args=[page, latest])))
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page, first, latest])
    assert_refused(client.get(compare))
    assert_refused(client.get(compare.replace(f"{first}...{latest}", "earliest...latest")))
    revert = reverse("wagtailadmin_pages:revisions_revert", args=[page, first])
    assert_refused(client.get(revert))
    assert_refused(client.post(revert))

    assert unowned.page.revisions.count() == revisions_before


def test_the_history_of_an_unowned_page_is_refused(client, section_editor, unowned):
    for name in ("history", "history_results", "workflow_history", "usage"):
        assert_refused(client.get(reverse(f"wagtailadmin_pages:{name}", args=[unowned.page.pk])))


def test_copying_an_unowned_page_into_the_editors_own_section_is_refused(
    client, section_editor, blog, unowned
):
    url = reverse("wagtailadmin_pages:copy", args=[unowned.page.pk])
    pages_before = Page.objects.count()

    assert_refused(client.get(url))
    assert_refused(
        client.post(
            url,
            {"new_title": "Copied", "new_slug": "copied", "new_parent_page": blog.pk},
        )
    )

    assert Page.objects.count() == pages_before
    assert not Page.objects.filter(title__contains=CANARY).exclude(pk=unowned.page.pk).exists()


def test_the_admin_api_cannot_copy_an_unowned_page(client, section_editor, blog, unowned):
    pages_before = Page.objects.count()
    url = reverse("wagtailadmin_api:pages:action", args=[unowned.page.pk, "copy"])

    response = client.post(
        url,
        json.dumps({"destination_page_id": blog.pk, "slug": "copied"}),
        content_type="application/json",
    )

    assert_refused(response)
    assert Page.objects.count() == pages_before


def test_copying_a_category_snippet_without_snippet_rights_is_refused(
    client, section_editor, unowned
):
    url = reverse("wagtailsnippets_blog_blogcategory:copy", args=[unowned.category.pk])

    assert_refused(client.get(url))
    assert_refused(client.post(url, {"name": "Copied category", "slug": "copied"}))

    assert BlogCategory.objects.count() == 1


def test_page_search_and_the_page_chooser_never_show_an_unowned_draft(
    client, section_editor, blog, unowned
):
    make_draft(blog, title="Own draft about Notes")
    searched = text(client.get(reverse("wagtailadmin_pages:search"), {"q": "Notes"}))
    browsed = text(client.get(reverse("wagtailadmin_choose_page_child", args=[unowned.section.pk])))
    found = text(client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Notes"}))

    assert CANARY not in searched + browsed + found
    assert "Own draft about Notes" in searched
    assert "Own draft about Notes" in found


def test_the_admin_pages_api_shows_nothing_of_an_unowned_page(
    client, section_editor, blog, unowned
):
    listing = reverse("wagtailadmin_api:pages:listing")
    own_titles = [item["title"] for item in json.loads(text(client.get(listing)))["items"]]
    searched = text(client.get(listing, {"search": "Notes"}))

    assert blog.title in own_titles
    assert CANARY not in " ".join(own_titles) + searched
    assert_refused(client.get(reverse("wagtailadmin_api:pages:detail", args=[unowned.page.pk])))
    for tree_filter in ("child_of", "descendant_of"):
        response = client.get(listing, {tree_filter: unowned.section.pk})
        assert response.status_code in (400, 404)
        assert CANARY.encode() not in response.content
    find = reverse("wagtailadmin_api:pages:find")
    assert_refused(client.get(find, {"html_path": unowned.page.url_path}))


# Images and documents in a collection the editor has no rights on (CVE-2026-54259/54261)


def test_the_image_views_refuse_an_image_in_an_unpermitted_collection(
    client, section_editor, unowned
):
    image = unowned.image.pk
    for url in (
        reverse("wagtailimages:edit", args=[image]),
        reverse("wagtailimages:preview", args=[image, "original"]),
        reverse("wagtailimages:preview", args=[image, "fill-100x100"]),
        reverse("wagtailimages:url_generator", args=[image]),
        reverse("wagtailimages:image_usage", args=[image]),
        reverse("wagtailimages_chooser:select_format", args=[image]),
        f"/admin/images/chooser/{image}/",
    ):
        assert_refused(client.get(url))
    assert_refused(client.post(reverse("wagtailimages:edit", args=[image]), {"title": "Renamed"}))
    assert_refused(client.post(reverse("wagtailimages:delete", args=[image])))

    assert CustomImage.objects.get(pk=image).title == f"Client letter {CANARY}"


def test_image_listings_and_the_chooser_leave_out_unpermitted_collections(
    client, section_editor, own_collection, unowned
):
    own = make_image(title="Own letter picture")
    own.collection = own_collection
    own.save()
    pages = [
        text(client.get(reverse("wagtailimages:index"), {"q": "letter"})),
        text(client.get(reverse("wagtailimages_chooser:choose"), {"q": "letter"})),
        text(client.get(reverse("wagtailimages_chooser:choose_results"))),
    ]

    for page in pages:
        assert CANARY not in page
        assert "Own letter picture" in page


def test_the_admin_media_api_lists_only_permitted_collections(
    client, section_editor, own_collection, unowned
):
    own = make_image(title="Own letter picture")
    own.collection = own_collection
    own.save()
    private_document = Document(title=f"Referral {CANARY}", collection=unowned.image.collection)
    private_document.file.save("referral.txt", ContentFile(b"notes"))

    images = reverse("wagtailadmin_api:images:listing")
    listed = json.loads(text(client.get(images)))["items"]
    searched = text(client.get(images, {"search": "letter"}))
    documents = text(client.get(reverse("wagtailadmin_api:documents:listing")))

    assert [item["title"] for item in listed] == ["Own letter picture"]
    assert CANARY not in searched + documents
    image_detail = reverse("wagtailadmin_api:images:detail", args=[unowned.image.pk])
    assert_refused(client.get(image_detail))
    document_detail = reverse("wagtailadmin_api:documents:detail", args=[private_document.pk])
    assert_refused(client.get(document_detail))


# Managing users and groups


@pytest.fixture
def colleague(django_user_model):
    return django_user_model.objects.create_user(
        "colleague", email="colleague@example.org", password="another long passphrase"
    )


def test_the_user_and_group_lists_are_refused(client, section_editor, colleague):
    for name in ("wagtailusers_users:index", "wagtailusers_users:add"):
        assert_refused(client.get(reverse(name)))
    for name in ("wagtailusers_groups:index", "wagtailusers_groups:add"):
        assert_refused(client.get(reverse(name)))
    assert_refused(client.get(reverse("wagtailusers_users:edit", args=[colleague.pk])))


def test_a_section_editor_cannot_add_a_user(client, section_editor, django_user_model):
    users_before = django_user_model.objects.count()
    form = {
        "username": "intruder",
        "email": "intruder@example.org",
        "first_name": "In",
        "last_name": "Truder",
        "password1": "a long passphrase 42",
        "password2": "a long passphrase 42",
        "is_superuser": "on",
        "is_active": "on",
    }

    assert_refused(client.post(reverse("wagtailusers_users:add"), form))

    assert django_user_model.objects.count() == users_before
    assert not django_user_model.objects.filter(username="intruder").exists()


def test_a_section_editor_cannot_edit_or_delete_another_user(client, section_editor, colleague):
    form = {"username": "colleague", "email": "taken@evil.test", "is_active": "on"}

    assert_refused(client.post(reverse("wagtailusers_users:edit", args=[colleague.pk]), form))
    assert_refused(client.post(reverse("wagtailusers_users:delete", args=[colleague.pk])))

    colleague.refresh_from_db()
    assert (colleague.email, colleague.is_active) == ("colleague@example.org", True)


def test_a_section_editor_cannot_make_themselves_a_superuser(client, section_editor):
    groups_before = set(section_editor.groups.values_list("pk", flat=True))
    form = {
        "username": section_editor.username,
        "email": "editor@example.org",
        "is_superuser": "on",
        "is_active": "on",
        "groups": [group.pk for group in Group.objects.all()],
    }

    assert_refused(client.post(reverse("wagtailusers_users:edit", args=[section_editor.pk]), form))

    section_editor.refresh_from_db()
    assert not section_editor.is_superuser
    assert set(section_editor.groups.values_list("pk", flat=True)) == groups_before


def test_a_section_editor_cannot_widen_or_create_a_group(client, section_editor):
    group = section_editor.groups.get()
    permissions_before = set(group.permissions.values_list("pk", flat=True))
    groups_before = Group.objects.count()

    edit = reverse("wagtailusers_groups:edit", args=[group.pk])
    assert_refused(client.post(edit, {"name": group.name, "permissions": list(range(1, 200))}))
    assert_refused(client.post(reverse("wagtailusers_groups:add"), {"name": "Everything"}))

    assert set(group.permissions.values_list("pk", flat=True)) == permissions_before
    assert Group.objects.count() == groups_before


def test_an_administrator_still_chooses_any_page_and_lists_every_image(
    client, django_user_model, unowned
):
    admin = django_user_model.objects.create_superuser("boss", password="a long passphrase")
    sign_in_verified(client, admin)

    browsed = text(client.get(reverse("wagtailadmin_choose_page_child", args=[unowned.section.pk])))
    images = text(client.get(reverse("wagtailadmin_api:images:listing")))

    assert CANARY in browsed
    assert CANARY in images


# Admin reports (issue 11.9): none shows anything of a page outside the editor's section

REPORTS = [
    "locked_pages",
    "workflow",
    "workflow_tasks",
    "site_history",
    "aging_pages",
    "page_types_usage",
]


def unowned_everywhere(unowned, django_user_model):
    """The unowned page in every report's way: locked, in moderation, long unpublished."""
    from wagtail.models import Workflow

    page = unowned.page
    boss = django_user_model.objects.create_superuser("boss", password="a long passphrase")
    page.locked, page.locked_by = True, boss
    page.save(update_fields=["locked", "locked_by"])
    page.save_revision(user=boss)  # and the most recently edited page of its type
    Workflow.objects.get(name="Moderators approval").start(page, boss)
    return page


def test_no_admin_report_shows_a_page_outside_the_editors_section(
    client, section_editor, blog, unowned, django_user_model
):
    from quietroom.core.tests.factories import make_article

    own = make_article(blog, "Own article in the report")
    unowned_everywhere(unowned, django_user_model)
    for name in REPORTS:
        for view in (name, f"{name}_results"):
            response = client.get(reverse(f"wagtailadmin_reports:{view}"))
            if response.status_code == 200:
                assert CANARY not in response.content.decode(), view
            else:
                assert_refused(response)
    usage = text(client.get(reverse("wagtailadmin_reports:page_types_usage_results")))
    assert own.title in usage


def test_an_administrator_still_sees_every_page_in_the_page_types_report(
    client, unowned, django_user_model
):
    admin = unowned_everywhere(unowned, django_user_model).locked_by
    sign_in_verified(client, admin)

    usage = text(client.get(reverse("wagtailadmin_reports:page_types_usage_results")))

    assert CANARY in usage
