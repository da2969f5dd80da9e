"""The practice's name is typed once, in Practice settings, and shown everywhere."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site

from quietroom.core.tests.factories import make_contact_page, sign_in_verified, valid_request
from quietroom.practice.models import HomePage, PracticeSettings
from quietroom.security import outbox
from quietroom.serving.tests.support import settings_form, wsgi_get

NEW_NAME = "Willow Street Therapy"


def heading(body: bytes) -> str:
    return BeautifulSoup(body, "html.parser").find("h1").get_text(strip=True)


def rename(site, name):
    practice = PracticeSettings.for_site(site)
    practice.name = name
    practice.save()


@pytest.fixture
def owner(client, django_user_model):
    user = django_user_model.objects.create_superuser("owner", "o@example.org", "pw-not-real-1")
    sign_in_verified(client, user)
    return client


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["practice", "practicesettings", site.pk])


def test_renaming_the_practice_renames_the_cached_home_page_the_site_and_the_admin(
    shared_backend, owner, home
):
    site = Site.objects.get(is_default_site=True)
    assert heading(wsgi_get(home.url)[2]) == "Our practice"
    assert heading(wsgi_get(home.url)[2]) == "Our practice"  # now from the page cache

    saved = owner.post(settings_url(site), settings_form(site, name=NEW_NAME))

    assert saved.status_code == 302, saved.context["form"].errors
    assert heading(wsgi_get(home.url)[2]) == NEW_NAME
    site.refresh_from_db()
    assert site.site_name == NEW_NAME
    dashboard = BeautifulSoup(owner.get("/admin/").content, "html.parser")
    assert dashboard.find("h1").get_text(strip=True) == NEW_NAME
    assert dashboard.title.get_text(strip=True) == f"Dashboard - {NEW_NAME}"
    sign_in_page = BeautifulSoup(Client().get("/admin/login/").content, "html.parser")
    assert sign_in_page.find("h1").get_text(strip=True) == f"Sign in to {NEW_NAME}"
    assert sign_in_page.title.get_text(strip=True) == f"Sign in - {NEW_NAME}"


def test_a_headline_the_editor_sets_stays_when_the_practice_is_renamed(client, home):
    home.body = [
        ("hero", {"headline": "You are welcome here"}),
        *((child.block_type, child.value) for child in home.body[1:]),
    ]
    home.save_revision().publish()

    rename(Site.objects.get(is_default_site=True), NEW_NAME)

    assert heading(client.get(home.url).content) == "You are welcome here"


def test_the_notification_email_names_the_practice_as_renamed(client, home, inbox_keys):
    contact = make_contact_page(home)
    rename(Site.objects.get(is_default_site=True), NEW_NAME)

    client.post(contact.url, valid_request())

    [email] = mail.outbox
    assert NEW_NAME in email.subject
    assert NEW_NAME in email.body


def test_each_practices_admin_sign_in_page_says_its_own_name(home):
    rename(Site.objects.get(is_default_site=True), "Linden Tree Counselling")
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Birch", slug="birch")
    )
    rename(Site.objects.create(hostname="birch.example", root_page=other_home), "Birch Lane")

    def sign_in_heading(host):
        page = Client().get("/admin/login/", headers={"host": host})
        return BeautifulSoup(page.content, "html.parser").find("h1").get_text(strip=True)

    assert sign_in_heading("birch.example") == "Sign in to Birch Lane"
    assert sign_in_heading("localhost") == "Sign in to Linden Tree Counselling"


def test_the_password_reset_email_names_the_practice(home, django_user_model):
    rename(Site.objects.get(is_default_site=True), NEW_NAME)
    django_user_model.objects.create_user("sam", "sam@example.org", "pw-not-real-1")

    Client().post(reverse("wagtailadmin_password_reset"), {"email": "sam@example.org"})
    outbox.flush()  # the email is sent after the reply

    [email] = mail.outbox
    assert email.subject == f"{NEW_NAME}: reset your password"
    assert f"for the {NEW_NAME} website" in email.body
    assert "/admin/password_reset/confirm/" in email.body


def test_a_shared_link_to_the_home_page_is_titled_with_the_new_name(client, home):
    rename(Site.objects.get(is_default_site=True), NEW_NAME)

    soup = BeautifulSoup(client.get(home.url).content, "html.parser")

    assert soup.find("meta", property="og:title")["content"] == NEW_NAME
    assert soup.find("meta", attrs={"name": "twitter:title"})["content"] == NEW_NAME
    assert soup.title.get_text(strip=True) == NEW_NAME
