"""Adding, listing and removing practices: everything made in one go, and only that removed."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image
from wagtail.models import Collection, GroupPagePermission, Page, PageLogEntry, Revision, Site

from quietroom.blog.models import BlogIndexPage
from quietroom.checks.models import ChecksSettings
from quietroom.core.models import CustomImage
from quietroom.core.tests.factories import make_article, make_image
from quietroom.hosting.provision import PracticeError, add_practice, list_practices, remove_practice
from quietroom.inbox.models import ConsultationRequest, InboxGroupSite
from quietroom.inbox.store import store_request
from quietroom.practice.models import ClinicianIndexPage, ContactPage, PracticeSettings
from quietroom.theme.models import BrandSettings


def test_a_new_practice_has_its_site_pages_settings_collection_groups_and_owner(practices):
    added, _ = practices
    site = Site.objects.get(hostname="willow.example")

    assert site.root_page.specific.title == "Willow Street Therapy"
    children = {type(page.specific) for page in site.root_page.get_children().live()}
    assert children == {BlogIndexPage, ClinicianIndexPage, ContactPage}
    settings_row = PracticeSettings.objects.get(site=site)
    assert (settings_row.name, settings_row.email) == (
        "Willow Street Therapy",
        "ana@willow.example",
    )
    assert ChecksSettings.objects.filter(site=site).exists()
    assert Collection.objects.filter(name="Willow Street Therapy (willow.example)").exists()
    groups = Group.objects.filter(name__startswith="willow.example:")
    assert {g.name for g in groups} == {"willow.example: owners", "willow.example: editors"}
    assert set(
        GroupPagePermission.objects.filter(group__in=groups).values_list("page", flat=True)
    ) == {site.root_page_id}
    assert InboxGroupSite.objects.filter(site=site).count() == 2
    owner = get_user_model().objects.get(username="ana@willow.example")
    assert owner.groups.get().name == "willow.example: owners"
    assert added.set_password_path.startswith("/admin/password_reset/")


def test_the_owners_link_lets_them_choose_a_password_once(client, practices):
    added, _ = practices

    first = client.get(added.set_password_path, follow=True)

    assert first.status_code == 200
    assert b"new_password1" in first.content


def test_a_new_practice_answers_on_its_own_host_name(client, practices):
    response = client.get("/", HTTP_HOST="willow.example")

    assert response.status_code == 200
    assert b"Willow Street Therapy" in response.content


@pytest.mark.parametrize(
    ("hostname", "name", "email", "message"),
    [
        ("willow.example", "Another", None, "already a practice"),
        ("not a host!", "Another", None, "is not a host name"),
        ("cedar.example", "  ", None, "Give the practice a name"),
        ("cedar.example", "Cedar", "not-an-address", "is not an email address"),
        ("cedar.example", "Cedar", "ana@willow.example", "already an account"),
    ],
)
def test_a_refused_practice_changes_nothing(practices, hostname, name, email, message):
    counts = (Site.objects.count(), Page.objects.count(), Group.objects.count())

    with pytest.raises(PracticeError, match=message):
        add_practice(hostname, name, owner_email=email)

    assert (Site.objects.count(), Page.objects.count(), Group.objects.count()) == counts


def test_the_commands_add_list_and_refuse_with_exit_code_two(db):
    out = io.StringIO()
    call_command("add_practice", "cedar.example", "--name", "Cedar Counselling", stdout=out)
    with pytest.raises(CommandError) as refused:
        call_command("add_practice", "cedar.example", "--name", "Again")
    listed = io.StringIO()
    call_command("list_practices", stdout=listed)

    assert "Added Cedar Counselling at https://cedar.example/" in out.getvalue()
    assert refused.value.returncode == 2
    assert "already a practice" in str(refused.value)
    assert "cedar.example\tCedar Counselling" in listed.getvalue()
    assert [p.hostname for p in list_practices()] == ["cedar.example", "localhost"]


def state_of(site: Site) -> dict:
    """Everything of a practice a removal of another practice must leave as it was."""
    pages = site.root_page.get_descendants(inclusive=True)
    return {
        "pages": sorted(pages.values_list("pk", "title", "url_path", "live")),
        "settings": list(PracticeSettings.objects.filter(site=site).values()),
        "revisions": Revision.page_revisions.filter(
            object_id__in=[str(p.pk) for p in pages]
        ).count(),
        "groups": sorted(Group.objects.filter(name__startswith=site.hostname).values_list("name")),
        "requests": ConsultationRequest.objects.filter(site=site).count(),
    }


def test_removing_a_practice_removes_all_of_it_and_leaves_the_other_untouched(
    practices, inbox_keys, django_capture_on_commit_callbacks
):
    willow, birch = practices
    blog = BlogIndexPage.objects.child_of(willow.home).get()
    image = make_image("A willow tree by water")
    image.collection = Collection.objects.get(name__endswith="(willow.example)")
    image.save()
    make_article(blog, "On rest", hero_image=image, hero_alt="A willow tree by water")
    store_request({"name": "Someone", "message": "Hello"}, willow.site)
    store_request({"name": "Another", "message": "Hi"}, birch.site)
    other = state_of(birch.site)
    file_name = image.file.name
    storage = image.file.storage
    page_ids = list(willow.home.get_descendants(inclusive=True).values_list("pk", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        removed = remove_practice("willow.example")

    assert removed.pages == 5
    assert removed.images == 1
    assert removed.users == 1
    assert not Site.objects.filter(hostname="willow.example").exists()
    assert not Page.objects.filter(pk__in=page_ids).exists()
    assert not PageLogEntry.objects.filter(page_id__in=page_ids).exists()
    assert not Revision.objects.filter(object_id__in=[str(pk) for pk in page_ids]).exists()
    assert not CustomImage.objects.filter(pk=image.pk).exists()
    assert not storage.exists(file_name)
    assert not Group.objects.filter(name__startswith="willow.example").exists()
    assert not get_user_model().objects.filter(username="ana@willow.example").exists()
    assert not PracticeSettings.objects.filter(site_id=willow.site.pk).exists()
    assert ConsultationRequest.objects.count() == 1
    assert state_of(Site.objects.get(hostname="birch.example")) == other


def test_remove_practice_wants_yes_and_names_a_missing_practice(db):
    with pytest.raises(CommandError, match="--yes") as unconfirmed:
        call_command("remove_practice", "willow.example")
    with pytest.raises(CommandError, match=r"No practice at nowhere\.example"):
        call_command("remove_practice", "nowhere.example", "--yes")
    assert unconfirmed.value.returncode == 2


def logo_file(path):
    Image.new("RGB", (400, 120), "#6b2d5c").save(path, "PNG")
    return path


def test_a_practice_is_added_with_its_brand_and_its_logo_in_its_own_collection(
    client, db, tmp_path, settings
):
    settings.ALLOWED_HOSTS = ["cedar.example"]
    logo = logo_file(tmp_path / "cedar.png")
    call_command(
        "add_practice",
        "cedar.example",
        "--name",
        "Cedar Counselling",
        "--logo",
        str(logo),
        "--logo-alt",
        "Cedar Counselling",
        "--accent-colour",
        "#6b2d5c",
        "--style",
        "warm",
        stdout=io.StringIO(),
    )
    site = Site.objects.get(hostname="cedar.example")
    brand = BrandSettings.for_site(site)

    assert (brand.accent_colour, brand.style, brand.logo_alt) == (
        "#6b2d5c",
        "warm",
        "Cedar Counselling",
    )
    assert brand.logo.collection.name == "Cedar Counselling (cedar.example)"
    page = client.get("/", HTTP_HOST="cedar.example", secure=True).content.decode()
    assert "--accent:#6b2d5c" in page
    assert 'alt="Cedar Counselling"' in page

    remove_practice("cedar.example")
    assert not CustomImage.objects.filter(pk=brand.logo_id).exists()


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--accent-colour", "#f5e663"], "too faint to read"),
        (["--logo", "LOGO"], "needs alt text"),
        (["--logo", "missing.png", "--logo-alt", "Cedar"], "There is no file"),
    ],
)
def test_a_refused_brand_adds_no_practice(db, tmp_path, flags, message):
    logo = str(logo_file(tmp_path / "cedar.png"))
    flags = [logo if flag == "LOGO" else flag for flag in flags]
    counts = (Site.objects.count(), Page.objects.count(), CustomImage.objects.count())

    with pytest.raises(CommandError, match=message) as refused:
        call_command("add_practice", "cedar.example", "--name", "Cedar", *flags)

    assert refused.value.returncode == 2
    assert (Site.objects.count(), Page.objects.count(), CustomImage.objects.count()) == counts


def test_a_practice_added_with_its_country_starts_from_that_countrys_crisis_services(db):
    added = add_practice("rowan.example", "Rowan Therapy", country="nz")
    call_command("add_practice", "aspen.example", "--name", "Aspen", "--country", "UK")

    rowan = PracticeSettings.objects.get(site=added.site)
    assert rowan.country == "NZ"
    assert "call 111" in rowan.crisis_line
    assert [b.value["name"] for b in rowan.crisis_services][1] == "Need to talk? 1737"
    aspen = PracticeSettings.objects.get(site__hostname="aspen.example")
    assert aspen.country == "GB"
    assert "Samaritans" in [b.value["name"] for b in aspen.crisis_services]


def test_a_country_without_crisis_services_is_refused_before_anything_is_made(db):
    counts = (Site.objects.count(), Page.objects.count(), Group.objects.count())

    with pytest.raises(CommandError) as refused:
        call_command("add_practice", "elm.example", "--name", "Elm", "--country", "BR")

    assert refused.value.returncode == 2
    assert "no crisis services for “BR”" in str(refused.value)
    assert "US" in str(refused.value)
    assert (Site.objects.count(), Page.objects.count(), Group.objects.count()) == counts
