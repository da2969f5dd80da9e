"""Calm error pages, with the crisis resources, when the database is away or a request is wrong."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client, RequestFactory
from django.urls import reverse

from quietroom.core.tests.factories import make_article, valid_request
from quietroom.inbox.models import ConsultationRequest
from quietroom.practice.models import PracticeSettings
from quietroom.practice.models.settings import DEFAULT_CRISIS_LINE
from quietroom.reliability import pages
from quietroom.reliability.tests.broken import unreachable_database


@pytest.fixture
def client():
    """A browser's view: what the server sends, never the exception behind it."""
    return Client(raise_request_exception=False)


@pytest.fixture
def form_url(contact_page, inbox_keys):
    return contact_page.url


def page_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def assert_calm(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "no-store"
    text = page_text(response)
    for leak in ("Traceback", "Error:", "Exception", 'File "'):
        assert leak not in text
    assert BeautifulSoup(response.content, "html.parser").find("section", class_="crisis")
    return text


def test_a_reader_page_while_the_database_is_down_is_a_503_with_retry_after(client, blog, tmp_path):
    url = make_article(blog, "While the database sleeps").url
    with unreachable_database(tmp_path):
        response = client.get(url)

    text = assert_calm(response, 503)
    assert response["Retry-After"] == str(pages.RETRY_AFTER_SECONDS)
    assert "try again in a minute" in text
    assert DEFAULT_CRISIS_LINE in text


def test_a_contact_request_while_the_database_is_down_says_it_was_not_saved(
    client, form_url, tmp_path
):
    client.get(form_url)
    with unreachable_database(tmp_path):
        response = client.post(form_url, valid_request(message="sent during the outage"))

    text = assert_calm(response, 503)
    assert "What you sent was not saved" in text
    assert not ConsultationRequest.objects.exists()


def test_an_editor_caught_by_an_outage_is_asked_to_check_what_was_saved(
    client, django_user_model, home, tmp_path
):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "pw"))
    url = reverse("wagtailimages:add")
    with unreachable_database(tmp_path):
        response = client.post(url, {"title": "A picture"})

    text = assert_calm(response, 503)
    assert "may have been saved" in text
    assert "was not saved" not in text


def test_an_outage_in_a_view_is_handled_and_logged_in_one_line_without_a_traceback(
    form_url, tmp_path, caplog
):
    strict = Client()  # re-raises anything the site did not handle itself
    with unreachable_database(tmp_path):
        response = strict.post(form_url, valid_request())

    assert response.status_code == 503
    assert not [record for record in caplog.records if record.exc_info]
    assert any("Database unavailable" in record.getMessage() for record in caplog.records)


def test_a_fault_raised_outside_any_view_still_gets_the_503_page(client, home, tmp_path):
    # No URL pattern matches, so the 404 page and the redirects middleware hit the database.
    with unreachable_database(tmp_path):
        response = client.get("/no-such-file.php")

    assert_calm(response, 503)
    assert response["Retry-After"]


def test_cached_pages_are_still_served_while_the_database_is_down(client, blog, tmp_path):
    url = make_article(blog, "Cached before the outage").url
    assert client.get(url).status_code == 200

    with unreachable_database(tmp_path):
        response = client.get(url)

    assert response.status_code == 200
    assert "Cached before the outage" in response.content.decode()


def test_error_pages_show_the_practice_crisis_line_last_read_without_touching_the_database(
    client, form_url, django_db_blocker
):
    practice = PracticeSettings.objects.get()
    practice.phone = "0101 555 0199"
    practice.crisis_line = "Call the Riverside crisis team on 0101 555 0100, day or night."
    practice.save()
    client.get(form_url)  # the practice settings are read once, as any page view does

    request = RequestFactory().post(form_url)
    with django_db_blocker.block():
        text = page_text(pages.unavailable(request))

    assert "Riverside crisis team" in text
    assert "0101 555 0199" in text
    assert "Test Practice" in text


def test_error_pages_fall_back_to_the_default_crisis_resources(django_db_blocker):
    with django_db_blocker.block():
        for response in (
            pages.unavailable(RequestFactory().get("/")),
            pages.server_error(RequestFactory().get("/")),
            pages.too_large(RequestFactory().post("/")),
            pages.bad_request(RequestFactory().get("/", HTTP_HOST="bad host")),
        ):
            text = page_text(response)
            assert DEFAULT_CRISIS_LINE in text
            assert "988" in text


def test_an_oversized_contact_request_is_refused_with_a_413_page(form_url, settings):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    form = BeautifulSoup(client.get(form_url).content, "html.parser")
    token = form.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    huge = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = client.post(form_url, valid_request(message=huge, csrfmiddlewaretoken=token))

    text = assert_calm(response, 413)
    assert "too large" in text
    assert not ConsultationRequest.objects.exists()


def test_a_request_with_too_many_fields_is_refused_with_a_400_page(client, form_url, settings):
    fields = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    response = client.post(form_url, {**valid_request(), **fields})

    text = assert_calm(response, 400)
    assert "nothing was saved" in text
    assert not ConsultationRequest.objects.exists()
