"""The contact form: accessible, spam-resistant, stored encrypted, notifying without content."""

import socket

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from quietroom.core.tests.factories import valid_request
from quietroom.inbox import keyring
from quietroom.inbox.models import ConsultationRequest


@pytest.fixture
def form_url(contact_page, inbox_keys):
    return contact_page.url


def post(client, url, **overrides):
    return client.post(url, valid_request(**overrides))


def test_the_page_opens_with_crisis_resources_and_says_it_is_not_for_emergencies(client, form_url):
    response = client.get(form_url)
    soup = BeautifulSoup(response.content, "html.parser")
    main = soup.find("main")

    assert main.find("section", class_="crisis") is main.find(True)
    # Its own heading, so the top notice and the footer's are told apart.
    assert main.select_one(".crisis h2").get_text() == "In crisis? Please do not wait for a reply"
    assert soup.select(".crisis h2")[-1].get_text() == "Need help right now?"
    assert "not for emergencies" in main.text
    assert soup.find("form", class_="request-form")
    assert set(response.cookies) == {"csrftoken"}
    assert response["Cache-Control"] == "private, no-store"


def test_a_valid_request_is_stored_encrypted_and_thanks_the_person(client, form_url):
    response = post(client, form_url, message="Panic on the train")

    assert response.status_code == 302
    assert response["Location"].endswith("/contact/thanks/")
    assert "sessionid" not in response.cookies
    item = ConsultationRequest.objects.get()
    assert "Panic" not in item.ciphertext
    data = keyring.open_sealed(item.site_id, item.ciphertext)
    assert data["message"] == "Panic on the train"
    assert data["name"] == "Robin Example"
    assert data["may_leave_message"] is False
    thanks = client.get(response["Location"])
    assert b"Your request was sent" in thanks.content


def test_the_notification_carries_none_of_the_request(client, form_url):
    post(client, form_url, name="Canary Name", message="canary-message-text")

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["practice@example.org"]
    assert "sign in to read it" in email.body.lower()
    everything = email.subject + email.body + str(email.extra_headers)
    for secret in ("Canary", "canary-message-text", "robin@example.org"):
        assert secret not in everything
    assert ConsultationRequest.objects.get().notification == "sent"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_failing_mail_server_leaves_the_request_stored_and_flags_it(client, form_url, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2

    response = post(client, form_url)

    assert response.status_code == 302
    item = ConsultationRequest.objects.get()
    assert item.notification == "failed"
    assert item.notification_error == "ConnectionRefusedError"
    assert keyring.open_sealed(item.site_id, item.ciphertext)["name"] == "Robin Example"


def test_errors_are_announced_and_what_was_typed_is_kept(client, form_url):
    response = post(client, form_url, message="", email="", phone="", consent="")
    soup = BeautifulSoup(response.content, "html.parser")

    assert response.status_code == 400
    assert soup.title.text.startswith("Error:")
    summary = soup.find(class_="error-summary")
    assert summary["role"] == "alert"
    assert "Please tell us briefly what you are looking for." in summary.text
    message = soup.find("textarea", id="id_message")
    assert message["aria-invalid"] == "true"
    assert "id_message_error" in message["aria-describedby"]
    assert soup.find(id="id_name")["value"] == "Robin Example"
    assert not ConsultationRequest.objects.exists()


def test_a_filled_honeypot_is_rejected_without_storing(client, form_url):
    response = post(client, form_url, leave_blank="http://spam.example")

    assert response.status_code == 400
    assert b"We could not send this yet" in response.content
    assert not ConsultationRequest.objects.exists()
    assert not mail.outbox


def test_a_form_sent_faster_than_a_person_could_is_rejected(client, form_url, settings):
    settings.QUIETROOM_CONTACT_MIN_SECONDS = 5

    response = post(client, form_url)

    assert response.status_code == 400
    assert not ConsultationRequest.objects.exists()
    token = BeautifulSoup(response.content, "html.parser").find(attrs={"name": "started"})
    assert token["value"], "a fresh start time lets the person send again"


@pytest.mark.parametrize("token", ["", "forged", "1700000000.0"])
def test_a_missing_or_forged_start_time_is_rejected(client, form_url, token):
    response = post(client, form_url, started=token)

    assert response.status_code == 400
    assert not ConsultationRequest.objects.exists()


def test_the_eleventh_submission_from_one_address_is_refused(client, form_url):
    for _ in range(10):
        assert post(client, form_url).status_code == 302

    refused = post(client, form_url)

    assert refused.status_code == 429
    assert b"We have received several requests from you" in refused.content
    assert b"(312)" not in refused.content  # the test practice has no phone
    assert ConsultationRequest.objects.count() == 10


def test_another_address_is_not_limited_by_the_first(client, form_url):
    for _ in range(10):
        post(client, form_url)

    other = client.post(form_url, valid_request(), REMOTE_ADDR="10.0.0.7")

    assert other.status_code == 302
    assert ConsultationRequest.objects.count() == 11


def test_csrf_is_enforced(form_url):
    browser = Client(enforce_csrf_checks=True)

    refused = browser.post(form_url, valid_request())

    assert refused.status_code == 403
    assert b"Your form could not be sent" in refused.content
    assert not ConsultationRequest.objects.exists()
    browser.get(form_url)
    token = browser.cookies["csrftoken"].value
    accepted = browser.post(form_url, {**valid_request(), "csrfmiddlewaretoken": token})
    assert accepted.status_code == 302


HOSTILE = {
    "xss name": ({"name": "<img src=x onerror=window.__xss=1>"}, 302),
    "closing textarea": ({"message": "</textarea><script>window.__xss=1</script>"}, 302),
    "crlf in email": ({"email": "a@b.c\r\nBcc: x@evil.test"}, 400),
    "crlf in name": ({"name": "Ann\r\nSubject: hi"}, 400),
    "nul byte": ({"message": "hello\x00world"}, 400),
    "one megabyte": ({"message": "a" * 1_000_000}, 400),
    "rtl override": ({"name": "Ann \u202eevil"}, 302),
    "huge email": ({"email": "a" * 5000 + "@"}, 400),
    "long url": ({"message": "see http://" + "a" * 300 + ".example"}, 302),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_hostile_input_is_stored_as_text_or_refused_without_error(client, form_url, case):
    overrides, expected = HOSTILE[case]

    response = post(client, form_url, **overrides)

    assert response.status_code == expected
    assert ConsultationRequest.objects.count() == (1 if expected == 302 else 0)
    if expected == 302:
        item = ConsultationRequest.objects.get()
        stored = keyring.open_sealed(item.site_id, item.ciphertext)
        for field, value in overrides.items():
            assert stored[field] == value


def test_too_many_fields_is_a_bad_request_not_a_crash(client, form_url):
    data = valid_request() | {f"extra{n}": "x" for n in range(10_001)}

    response = client.post(form_url, data)

    assert response.status_code == 400
    assert not ConsultationRequest.objects.exists()


def test_a_start_time_older_than_its_lifetime_is_refused_and_the_message_kept(
    client, form_url, settings
):
    import time

    from quietroom.inbox import spam

    settings.QUIETROOM_CONTACT_MAX_SECONDS = 7200
    stale = spam.start_token(now=time.time() - 7201)

    response = post(client, form_url, started=stale, message="Still here after lunch")

    assert response.status_code == 400
    assert not ConsultationRequest.objects.exists()
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("textarea", id="id_message").text.strip() == "Still here after lunch"
    assert soup.find(attrs={"name": "started"})["value"] != stale
    assert post(client, form_url, started=soup.find(attrs={"name": "started"})["value"])


def test_one_start_time_sent_again_and_again_is_still_held_to_the_limit(client, form_url):
    from quietroom.inbox import spam

    token = spam.start_token()
    answers = [post(client, form_url, started=token).status_code for _ in range(12)]

    assert answers == [302] * 10 + [429] * 2


def test_the_limit_keeps_one_count_per_address_and_window_not_a_row_per_request(client, form_url):
    from quietroom.core.models import RateCount

    for _ in range(3):
        post(client, form_url)

    count = RateCount.objects.get()
    assert count.count == 3
    assert count.scope == "contact"
    assert "127.0.0.1" not in count.key
    received = ConsultationRequest.objects.values_list("received_at", flat=True)
    assert all(count.ends_at != int(moment.timestamp()) for moment in received)


def test_a_refused_request_opens_at_its_error_summary_without_script(client, form_url):
    form = BeautifulSoup(client.get(form_url).content, "html.parser").select_one("main form")
    assert form["action"] == f"{form_url}#errors"

    refused = post(client, form_url, email="not an address")

    soup = BeautifulSoup(refused.content, "html.parser")
    assert soup.find(id="errors") is soup.find(class_="error-summary")
    assert soup.select_one("main form")["action"] == f"{form_url}#errors"
