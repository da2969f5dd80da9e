"""`quietroom demo --no-serve` builds the sample practice once, however often it runs."""

import re
import stat
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.http import HttpRequest
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, Site

from quietroom.blog.models import ArticlePage, BlogCategory
from quietroom.checks.workflow import EditorialChecksTask
from quietroom.compliance.models import PolicyPage
from quietroom.core.models import CustomImage
from quietroom.demo.signin import SHEET_NAME
from quietroom.demo.sources import article_slugs
from quietroom.inbox import access
from quietroom.inbox.models import ConsultationRequest
from quietroom.practice.models import ClinicianPage, HomePage, PracticeSettings, ServicePage
from quietroom.security.twofactor import recovery


def run_demo():
    out = StringIO()
    call_command("demo", no_serve=True, stdout=out)
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "articles": ArticlePage.objects.count(),
        "images": CustomImage.objects.count(),
        "categories": BlogCategory.objects.count(),
        "clinicians": ClinicianPage.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "services": ServicePage.objects.count(),
        "policies": PolicyPage.objects.count(),
        "workflow tasks": EditorialChecksTask.objects.count(),
        "requests": ConsultationRequest.objects.count(),
        "groups": Group.objects.count(),
    }


@pytest.mark.django_db
def test_running_the_demo_twice_leaves_one_copy_of_everything(monkeypatch, inbox_keys):
    monkeypatch.delenv("QUIETROOM_ADMIN_PASSWORD", raising=False)
    first_output = run_demo()
    after_first = counts()
    second_output = run_demo()

    assert counts() == after_first
    assert after_first["articles"] == len(article_slugs()) >= 6
    # A hero for each article, a portrait of each clinician, the logo.
    assert after_first["images"] == len(article_slugs()) + 3 + 1
    assert after_first["clinicians"] == 3
    assert after_first["services"] == 3
    assert after_first["policies"] == 4
    assert after_first["workflow tasks"] == 1
    assert after_first["requests"] == 2
    assert HomePage.objects.count() == 1
    assert "(shown only now: write it down)" in first_output
    assert "shown only now" not in second_output
    assert "nothing to add" in second_output


@pytest.mark.django_db
def test_the_admin_password_can_come_from_the_environment(monkeypatch, client, inbox_keys):
    monkeypatch.setenv("QUIETROOM_ADMIN_PASSWORD", "a-long-demo-passphrase")

    output = run_demo()

    assert "a-long-demo-passphrase" in output
    # Axes needs the request to know where a sign-in comes from.
    assert client.login(request=HttpRequest(), username="admin", password="a-long-demo-passphrase")
    admin = get_user_model().objects.get(username="admin")
    assert access.can_read_inbox(admin), "the demo admin is explicitly granted the inbox"


@pytest.mark.django_db
def test_every_demo_article_is_live_with_a_described_hero_and_an_author(inbox_keys):
    run_demo()

    articles = ArticlePage.objects.published()
    assert articles.count() == len(article_slugs())
    for article in articles:
        assert article.hero_image is not None
        assert len(article.hero_alt) > 20
        assert article.author is not None
        assert article.categories.exists()
        assert article.reading_minutes >= 2
        # A review is a second clinician's reading, never the author's own.
        assert article.reviewed_by_id != article.author_id or article.reviewed_by_id is None
    assert articles.filter(last_reviewed__isnull=False).count() == 3
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert PracticeSettings.for_site(site).name == "Linden Tree Counselling"


@pytest.mark.django_db
def test_the_demo_practice_in_illinois_lists_crisis_services_of_the_us(inbox_keys):
    run_demo()

    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    services = {block.value["name"]: block.value for block in practice.crisis_services}

    assert practice.country == "US"
    assert set(services) == {
        "Emergency services",
        "988 Suicide & Crisis Lifeline",
        "Crisis Text Line",
    }
    assert services["Emergency services"]["phone"] == "911"
    assert services["988 Suicide & Crisis Lifeline"]["text"] == "988"
    assert services["Crisis Text Line"]["text"] == "741741"
    assert "HOME" in services["Crisis Text Line"]["description"]
    assert "Samaritans" not in practice.crisis_line + str(list(services))
    assert "988" in practice.crisis_line


@pytest.mark.django_db
def test_the_demo_practice_keeps_the_time_of_illinois(inbox_keys):
    run_demo()

    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    assert practice.time_zone == "America/Chicago"


@pytest.mark.django_db
def test_the_demo_ends_with_how_to_sign_in_and_keeps_the_codes_in_a_private_file(
    monkeypatch, inbox_keys
):
    monkeypatch.setenv("QUIETROOM_ADMIN_PASSWORD", "a-long-demo-passphrase")

    output = run_demo()

    summary = output[output.index("Your demo practice is ready.") :]
    assert "http://127.0.0.1:8000/admin/" in summary
    assert "User:            admin" in summary
    assert "a-long-demo-passphrase" in summary
    assert "changepassword admin" in summary
    assert "reset_two_factor admin" in summary
    assert "█" not in summary, "the QR code comes before the summary"
    assert "Subject: New consultation request" not in summary
    sheet = inbox_keys.parent / SHEET_NAME
    assert str(sheet) in summary
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600
    codes = re.findall(r"^  ([a-z2-9]{5}-[a-z2-9]{5})$", sheet.read_text(), re.MULTILINE)
    assert len(codes) == 10
    device = recovery.recovery_device(get_user_model().objects.get(username="admin"))
    assert recovery.use_code(device, recovery.normalise(codes[0]))
    assert "a-long-demo-passphrase" not in sheet.read_text()


@pytest.mark.django_db
def test_a_second_run_makes_no_new_codes_and_leaves_the_file_alone(inbox_keys):
    run_demo()
    sheet = inbox_keys.parent / SHEET_NAME
    before = sheet.read_text()

    output = run_demo()

    assert sheet.read_text() == before
    assert "Your demo practice is ready." in output
    assert "the one printed the first time" in output


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_sample_requests_notifications_are_sent_before_the_summary(settings, inbox_keys):
    # As in production, tasks wait in the database for a worker; the demo runs one round
    # itself (the worker closes its connections, hence a transactional test).
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }

    run_demo()

    assert DBTaskResult.objects.exists()
    assert not DBTaskResult.objects.ready().exists()
    subjects = {message.subject for message in mail.outbox}
    assert subjects == {"New consultation request for Linden Tree Counselling"}
