"""A reader's data request in the admin and on the command line: only by its own grant, with a
second factor, for the practices the user serves, and every use logged without the address."""

import json
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page, Site

from quietroom.core.tests.factories import make_article, sign_in_verified
from quietroom.inbox.models import InboxGroupSite
from quietroom.practice.models import HomePage
from quietroom.subscriptions import access, addresses, signup
from quietroom.subscriptions.models import AddressAccess, Mailing, Subscriber

READER = "quiet.reader@example.org"
OTHER = "birch.reader@example.org"
URL = "/admin/subscribers/data-request/"


@pytest.fixture
def site(home, inbox_keys):
    site = Site.objects.get(is_default_site=True)
    signup.confirm(signup.subscribe(site, READER, "127.0.0.1"))
    return site


@pytest.fixture
def other_site(site):
    root = Page.get_first_root_node()
    birch = root.add_child(instance=HomePage(title="Birch", slug="birch-home"))
    other = Site.objects.create(hostname="birch.example", port=80, root_page=birch)
    signup.confirm(signup.subscribe(other, OTHER, "127.0.0.3"))
    return other


def granted(django_user_model, name="manager", superuser=False):
    make = (
        django_user_model.objects.create_superuser
        if superuser
        else django_user_model.objects.create_user
    )
    user = make(name, f"{name}@example.org", "pw")
    group = Group.objects.create(name=f"List managers {name}")
    group.permissions.add(Permission.objects.get(codename=access.MANAGE), admin_access())
    user.groups.add(group)
    return user, group


def admin_access() -> Permission:
    return Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")


def text_of(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def log_rows() -> list[dict]:
    return list(AddressAccess.objects.values("username", "site_id", "action", "found"))


def test_being_the_administrator_is_not_enough_to_see_an_address(client, django_user_model, site):
    admin = django_user_model.objects.create_superuser("owner", "owner@example.org", "pw")
    sign_in_verified(client, admin)

    page = client.get(URL)
    asked = client.post(URL, {"site": site.pk, "email": READER})

    assert page.status_code == asked.status_code == 403
    assert "needs its own permission" in text_of(page)
    assert READER not in asked.content.decode()
    assert AddressAccess.objects.count() == 0


def test_the_grant_asks_for_a_second_factor_first(client, django_user_model, site):
    manager, _ = granted(django_user_model)
    client.force_login(manager)  # signed in with a password only

    response = client.post(URL, {"site": site.pk, "email": READER})

    assert response.status_code == 302
    assert READER not in response.content.decode()
    assert AddressAccess.objects.count() == 0


def test_a_look_up_shows_what_is_held_and_logs_it_without_the_address(
    client, django_user_model, site
):
    manager, _ = granted(django_user_model)
    sign_in_verified(client, manager)

    form = BeautifulSoup(client.get(URL).content, "html.parser").find("form", method="post")
    found = text_of(client.post(URL, {"site": site.pk, "email": READER.upper()}))
    missing = text_of(client.post(URL, {"site": site.pk, "email": "nobody@example.org"}))

    assert form is not None  # the address travels in a POST, never in a URL
    assert READER in found
    assert "Each new article" in found
    assert "Confirmed" in found
    assert "holds nothing for this address" in missing
    assert log_rows() == [
        {"username": "manager", "site_id": site.pk, "action": "looked_up", "found": False},
        {"username": "manager", "site_id": site.pk, "action": "looked_up", "found": True},
    ]
    stored = " ".join(
        str(value) for row in AddressAccess.objects.values() for value in row.values()
    )
    assert "reader" not in stored
    assert "nobody" not in stored


def test_an_address_in_the_query_string_is_not_looked_up(client, django_user_model, site):
    manager, _ = granted(django_user_model)
    sign_in_verified(client, manager)

    response = client.get(URL, {"site": site.pk, "email": READER})

    assert READER not in response.content.decode()
    assert AddressAccess.objects.count() == 0


def test_an_export_is_a_private_json_copy_of_everything_held(client, django_user_model, site):
    manager, _ = granted(django_user_model)
    sign_in_verified(client, manager)

    response = client.post(URL, {"site": site.pk, "email": READER, "action": "export"})

    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    held = json.loads(response.content)["held"]
    assert held["email"] == READER
    assert held["hostname"] == site.hostname
    assert held["practice"] == (site.site_name or site.hostname)
    assert held["sends"] == "Each new article"
    assert held["confirmed"] is not None
    assert log_rows() == [
        {"username": "manager", "site_id": site.pk, "action": "exported", "found": True}
    ]


def test_a_deletion_forgets_the_address_and_only_it(client, django_user_model, site, other_site):
    manager, _ = granted(django_user_model, superuser=True)
    sign_in_verified(client, manager)
    signup.confirm(signup.subscribe(site, "stays@example.org", "127.0.0.4"))

    asked = client.post(URL, {"site": site.pk, "email": READER, "action": "delete"})
    assert Subscriber.objects.filter(site=site).count() == 2  # not before it is confirmed
    confirm = BeautifulSoup(asked.content, "html.parser").select_one(
        "button[name=action][value=delete_confirmed]"
    )
    assert confirm.get_text(strip=True) == "Yes, delete it"

    response = client.post(
        URL, {"site": site.pk, "email": READER, "action": "delete_confirmed"}, follow=True
    )

    assert "The address was deleted from the list." in text_of(response)
    assert not Subscriber.objects.filter(
        site=site, digest=addresses.digest(site.pk, READER)
    ).exists()
    assert Subscriber.objects.filter(site=site).count() == 1  # stays@example.org
    assert Subscriber.objects.filter(site=other_site).count() == 1
    assert (
        text_of(client.post(URL, {"site": site.pk, "email": READER})).count(
            "holds nothing for this address"
        )
        == 1
    )
    assert [row["action"] for row in log_rows()] == ["looked_up", "deleted", "looked_up"]


def test_a_practices_manager_cannot_reach_another_practices_list(
    client, django_user_model, site, other_site
):
    manager, group = granted(django_user_model)
    InboxGroupSite.objects.create(group=group, site=site)
    sign_in_verified(client, manager)

    choices = BeautifulSoup(client.get(URL).content, "html.parser").select(
        "select[name=site] option"
    )
    refused = client.post(URL, {"site": other_site.pk, "email": OTHER})

    assert [option["value"] for option in choices] == [str(site.pk)]
    assert "What the list holds" not in text_of(refused)  # the form shows only what was typed
    assert "Select a valid choice" in text_of(refused)
    assert AddressAccess.objects.count() == 0


def test_the_send_log_names_no_address_and_links_the_grant(client, django_user_model, site, blog):
    make_article(blog, "Sleep and worry")
    Mailing.objects.update(sent=4, failed=1)
    manager, _ = granted(django_user_model, superuser=True)
    admin = django_user_model.objects.create_superuser("owner", "owner@example.org", "pw")

    sign_in_verified(client, admin)
    plain = client.get(reverse("subscriptions:index"))
    sign_in_verified(client, manager)
    with_grant = client.get(reverse("subscriptions:index"))

    assert "Sleep and worry" in text_of(plain)
    row = BeautifulSoup(plain.content, "html.parser").find("td", string="Sleep and worry").parent
    assert [cell.get_text(strip=True) for cell in row.find_all("td")][1:] == [
        "Sleep and worry",
        "4",
        "1",
    ]
    assert READER not in plain.content.decode()
    assert URL not in plain.content.decode()
    assert URL in with_grant.content.decode()


def test_the_send_log_is_only_for_the_practices_staff(client, django_user_model, site):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.user_permissions.add(admin_access())
    client.force_login(editor)

    response = client.get(reverse("subscriptions:index"))

    assert response.status_code == 403


def test_the_address_log_shows_each_use_to_administrators(client, django_user_model, site):
    manager, _ = granted(django_user_model)
    sign_in_verified(client, manager)
    client.post(URL, {"site": site.pk, "email": READER, "action": "export"})
    admin = django_user_model.objects.create_superuser("owner", "owner@example.org", "pw")

    refused = client.get(reverse("subscriptions:access_log"))
    sign_in_verified(client, admin)
    shown = text_of(client.get(reverse("subscriptions:access_log")))

    assert refused.status_code == 403
    assert "manager" in shown
    assert "Exported an address" in shown
    assert READER not in shown


def test_the_grant_is_offered_on_the_group_page(client, django_user_model, site):
    admin = django_user_model.objects.create_superuser("owner", "owner@example.org", "pw")
    sign_in_verified(client, admin)

    page = client.get(reverse("wagtailusers_groups:add")).content.decode()

    permission = Permission.objects.get(codename=access.MANAGE)
    assert f'value="{permission.pk}"' in page


def run(*args) -> str:
    out = StringIO()
    call_command("subscriber", *args, stdout=out)
    return out.getvalue()


def test_the_command_exports_as_json_and_logs_itself(site):
    held = json.loads(run(site.hostname, READER, "--json"))["held"]
    nothing = json.loads(run(site.hostname, "nobody@example.org", "--json"))

    assert held["email"] == READER
    assert nothing == {"held": None}
    assert [(row["username"], row["action"], row["found"]) for row in log_rows()] == [
        ("(command line)", "exported", False),
        ("(command line)", "exported", True),
    ]


def test_the_command_refuses_export_and_delete_together(site):
    with pytest.raises(CommandError, match="not allowed with argument"):
        run(site.hostname, READER, "--json", "--delete")
    assert Subscriber.objects.count() == 1
