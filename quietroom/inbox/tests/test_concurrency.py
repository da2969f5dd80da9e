"""Fifty people sending at once against a live server: every request stored, every one readable."""

import re
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from quietroom.core.tests.factories import make_contact_page, make_home, valid_request
from quietroom.inbox import keyring
from quietroom.inbox.models import ConsultationRequest

SENDERS = 50


def fetch_form(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        cookie = response.headers["Set-Cookie"].split(";")[0]
        html = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return cookie, token


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def send(url, cookie, token, number):
    body = urllib.parse.urlencode(
        {**valid_request(message=f"request number {number}"), "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(url, data=body, headers={"Cookie": cookie})
    try:
        urllib.request.build_opener(NoRedirect).open(request, timeout=60)
    except urllib.error.HTTPError as answer:
        return answer.code
    return 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_submissions_are_all_stored_and_all_decrypt(
    live_server, settings, inbox_keys
):
    settings.QUIETROOM_CONTACT_RATE_LIMIT = SENDERS * 2
    url = live_server.url + make_contact_page(make_home()).url
    cookie, token = fetch_form(url)

    with ThreadPoolExecutor(max_workers=SENDERS) as pool:
        codes = list(pool.map(lambda n: send(url, cookie, token, n), range(SENDERS)))

    assert codes == [302] * SENDERS
    messages = {
        keyring.open_sealed(item.site_id, item.ciphertext)["message"]
        for item in ConsultationRequest.objects.all()
    }
    assert messages == {f"request number {n}" for n in range(SENDERS)}
