"""What the practice sees of its list: counts and what was sent, never an address; and the
command that answers a reader's data request."""

import datetime
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Site

from quietroom.core.tests.factories import make_article, sign_in_verified
from quietroom.subscriptions import signup
from quietroom.subscriptions.models import Mailing, MonthlyDigest, Subscriber

READER = "quiet.reader@example.org"


@pytest.fixture
def subscribers(home, inbox_keys):
    site = Site.objects.get(is_default_site=True)
    signup.confirm(signup.subscribe(site, READER, "127.0.0.1"))
    signup.subscribe(site, "waiting@example.org", "127.0.0.2")
    return site


def run(*args) -> str:
    out = StringIO()
    call_command("subscriber", *args, stdout=out)
    return out.getvalue()


def test_the_dashboard_counts_the_list_and_shows_what_was_sent_without_an_address(
    client, django_user_model, subscribers, blog
):
    page = make_article(blog, "Sleep and worry")
    Mailing.objects.filter(page=page).update(sent=1, failed=1)
    MonthlyDigest.objects.create(
        site=subscribers, month=datetime.date(2026, 11, 1), articles=2, sent=3
    )
    admin = django_user_model.objects.create_superuser("owner", "owner@example.org", "pw")
    sign_in_verified(client, admin)

    home = BeautifulSoup(client.get(reverse("wagtailadmin_home")).text, "html.parser")
    page_text = home.get_text()
    dashboard = " ".join(page_text.split())

    assert "Email subscribers" in dashboard
    assert "1 subscriber (1 waiting to confirm)" in dashboard
    assert "“Sleep and worry”: 1 sent, 1 could not be delivered" in dashboard
    assert "November 2026: 2 articles, 3 sent" in dashboard
    assert READER not in dashboard
    assert "waiting@example.org" not in dashboard
    assert home.find("a", string="All articles and digests sent")["href"] == "/admin/subscribers/"


def test_a_readers_data_request_shows_what_is_held_and_deletes_it(subscribers):
    shown = run(subscribers.hostname, READER.upper())
    deleted = run(subscribers.hostname, READER, "--delete")
    after = run(subscribers.hostname, READER)

    assert "holds this address, encrypted" in shown
    assert "confirmed" in shown
    assert deleted.startswith("Deleted")
    assert "holds nothing for this address" in after
    assert Subscriber.objects.count() == 1  # the other address is untouched


def test_a_data_request_for_an_unknown_practice_is_refused_by_name(subscribers):
    with pytest.raises(CommandError, match=r"No practice with the host name 'nowhere\.example'"):
        run("nowhere.example", READER)
    assert Subscriber.objects.count() == 2
