"""New articles by email, against a real SMTP server: double opt-in, one email per confirmed
subscriber for a first publication only, one-click unsubscribe, no readable address stored."""

import datetime
import logging
import re
import time
from email.message import Message
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from quietroom.core.tests.factories import article, make_article, publish
from quietroom.core.tests.raw import stored_bytes
from quietroom.core.tests.smtp_server import running_smtp
from quietroom.jobs import worker
from quietroom.subscriptions import addresses, digests, links, publishing, signup, tasks
from quietroom.subscriptions.models import Mailing, MonthlyDigest, Subscriber

READER = "Worried.Reader@Example.org"
OTHER = "second-reader@example.net"

# The worker opens and closes connections between tasks, as a real one does: outside the
# test's transaction, with the database put back afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def mail(home, inbox_keys, queued_tasks, smtp):
    with running_smtp(smtp) as (_, mailbox):
        yield mailbox


def sign_up(client, address, **headers):
    return client.post("/subscribe/", {"email": address, "leave_blank": ""}, **headers)


def run_worker():
    call_command("worker", "--once")


def link_in(message: Message, pattern: str) -> str:
    text = part(message, "text/plain")
    return re.search(rf"https?://\S*{pattern}\S*", text)[0]


def header_url(value: str) -> str:
    """The URL of a `<...>` header, unfolded (long headers are folded onto two lines)."""
    return "".join(value.split()).strip("<>")


def part(message: Message, content_type: str) -> str:
    for piece in message.walk():
        if piece.get_content_type() == content_type:
            return piece.get_payload(decode=True).decode()
    raise AssertionError(f"no {content_type} part")


def confirmed(client, mailbox, address) -> None:
    sign_up(client, address)
    run_worker()
    confirm = link_in(mailbox.messages[-1]["message"], "/subscribe/confirm/")
    assert client.post(urlsplit(confirm).path).status_code == 200


def test_subscribing_sends_one_confirmation_and_nothing_else_until_it_is_followed(
    client, mail, blog
):
    answer = sign_up(client, READER)
    again = sign_up(client, READER.upper())  # the same mailbox, typed again at once
    run_worker()

    assert answer.status_code == again.status_code == 302
    assert answer["Location"] == "/subscribe/?sent=1"
    assert "Set-Cookie" not in answer
    assert not answer.cookies
    assert len(mail.messages) == 1
    assert mail.messages[0]["to"] == [READER.lower()]
    confirm = link_in(mail.messages[0]["message"], "/subscribe/confirm/")
    assert READER.lower() not in confirm

    make_article(blog, "Published before anyone confirmed")
    run_worker()
    assert len(mail.messages) == 1  # unconfirmed: no article

    # A mail scanner opening the link confirms nothing; the reader's button does.
    assert client.get(urlsplit(confirm).path).status_code == 200
    assert Subscriber.objects.get().confirmed_at is None
    client.post(urlsplit(confirm).path)
    assert Subscriber.objects.get().confirmed_at is not None


def test_the_confirmation_link_expires(client, mail, monkeypatch):
    sign_up(client, READER)
    run_worker()
    path = urlsplit(link_in(mail.messages[0]["message"], "/subscribe/confirm/")).path

    later = time.time() + 49 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    expired = client.post(path)

    assert expired.status_code == 410
    assert "expired" in expired.text
    assert Subscriber.objects.get().confirmed_at is None


def test_a_new_article_goes_once_to_each_confirmed_subscriber_with_one_click_unsubscribe(
    client, mail, blog, settings
):
    confirmed(client, mail, READER)
    confirmed(client, mail, OTHER)
    sign_up(client, "never-confirms@example.com")
    run_worker()
    before = len(mail.messages)
    settings.SECURE_SSL_REDIRECT = True  # as in production: every link is https

    page = make_article(
        blog, "Why crying in therapy is healing", summary="Tears are not a failure."
    )
    run_worker()

    sent = mail.messages[before:]
    assert sorted(m["to"][0] for m in sent) == sorted([READER.lower(), OTHER])
    for item in sent:
        message = item["message"]
        assert message["Subject"] == "Why crying in therapy is healing"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        unsubscribe = header_url(message["List-Unsubscribe"])
        assert unsubscribe.startswith("https://")
        html = part(message, "text/html")
        text = part(message, "text/plain")
        assert "Tears are not a failure." in html
        assert "Tears are not a failure." in text
        assert "<img" not in html.lower()
        hosts = {urlsplit(url).netloc for url in re.findall(r'href="([^"]+)"', html)}
        assert hosts == {Site.objects.get(is_default_site=True).hostname}
        assert page.url.strip("/") in text
    assert Mailing.objects.get(page=page).sent == 2

    # The mail program's one-click request, as RFC 8058 describes it.
    one_click = urlsplit(header_url(sent[0]["message"]["List-Unsubscribe"])).path
    answer = client.post(
        one_click, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert answer.status_code == 200
    assert Subscriber.objects.filter(confirmed_at__isnull=False).count() == 1

    # Published again after an edit: nothing more.
    page.title = "Why crying in therapy is healing (updated)"
    page.save_revision().publish()
    run_worker()
    assert len(mail.messages) == before + 2


def test_no_address_can_be_read_in_the_database_or_its_dump(client, mail, blog):
    confirmed(client, mail, READER)
    make_article(blog, "A new article on rest")
    run_worker()
    connection.close()  # SQLite writes what it holds to its files, as a copy would see them

    stored = stored_bytes()

    assert len(mail.messages) == 2
    assert b"A new article on rest" in stored, "the dump must hold the site's ordinary data"
    for spelling in (READER, READER.lower(), "worried.reader", "example.org"):
        assert spelling.encode() not in stored
        assert spelling.encode("utf-16-le") not in stored


def test_a_failed_send_is_tried_again_and_logged_without_the_address(
    client, home, inbox_keys, queued_tasks, smtp, monkeypatch, caplog
):
    monkeypatch.setattr(tasks, "RETRY_DELAYS", (0, 0, 0))
    with caplog.at_level(logging.INFO):
        sign_up(client, READER)
        worker.run_queued(batch=True, max_tasks=1)  # nobody listens on the port yet
        with running_smtp(smtp) as (_, mailbox):
            run_worker()

    # Everything this deployment logs; not the test's own mail server (which logs recipients).
    ours = " ".join(r.getMessage() for r in caplog.records if r.name != "mail.log").lower()
    assert "trying again later" in ours
    assert READER.lower() not in ours
    assert [m["to"] for m in mailbox.messages] == [[READER.lower()]]


def test_a_post_from_another_site_or_a_script_filling_the_hidden_field_subscribes_nobody(
    client, mail
):
    refused = sign_up(client, READER, HTTP_ORIGIN="https://elsewhere.example")
    cross = sign_up(client, OTHER, HTTP_SEC_FETCH_SITE="cross-site")
    robot = client.post("/subscribe/", {"email": READER, "leave_blank": "buy now"})
    run_worker()

    assert refused.status_code == cross.status_code == 403
    assert robot.status_code == 302  # told nothing
    assert not Subscriber.objects.exists()
    assert not mail.messages


def test_a_bad_address_is_named_and_changes_nothing(client, mail):
    answer = sign_up(client, "not an address")

    assert answer.status_code == 400
    assert "Please enter an email address such as name@example.com." in answer.text
    assert 'aria-invalid="true"' in answer.text
    assert not Subscriber.objects.exists()


def test_an_unknown_frequency_is_named_and_changes_nothing(client, mail):
    answer = client.post("/subscribe/", {"email": READER, "frequency": "hourly", "leave_blank": ""})

    assert answer.status_code == 400
    assert "Please choose each new article or once a month." in answer.text
    assert not Subscriber.objects.exists()


def test_one_connection_may_sign_up_only_a_few_addresses_an_hour(client, mail):
    answers = [
        sign_up(client, f"reader{n}@example.org").status_code for n in range(signup.LIMIT + 1)
    ]

    assert answers == [302] * signup.LIMIT + [429]
    assert Subscriber.objects.count() == signup.LIMIT


def test_an_imported_old_article_and_a_private_one_are_not_mailed(home, blog, inbox_keys):
    old = article("From the old site")
    old.first_published_at = timezone.now() - datetime.timedelta(days=400)
    old = publish(blog, old)
    hidden = make_article(blog, "For members")
    Mailing.objects.filter(page=hidden).delete()
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)

    assert not Mailing.objects.filter(page=old).exists()
    assert publishing.queue_mailing(hidden) is None


def test_unconfirmed_addresses_are_deleted_once_their_link_has_expired(home, inbox_keys):
    site = Site.objects.get(is_default_site=True)
    waiting = signup.subscribe(site, READER, "127.0.0.1")
    signup.confirm(signup.subscribe(site, OTHER, "127.0.0.1"))

    assert signup.forget_unconfirmed() == 0
    later = timezone.now() + datetime.timedelta(hours=49)
    assert signup.forget_unconfirmed(now=later) == 1
    assert not Subscriber.objects.filter(pk=waiting.pk).exists()
    assert Subscriber.objects.count() == 1


def test_a_link_for_a_deleted_row_opens_nothing_even_when_its_number_comes_back(home, inbox_keys):
    site = Site.objects.get(is_default_site=True)
    first = signup.subscribe(site, READER, "127.0.0.1")
    token = links.unsubscribe_token(first)
    number = first.pk
    signup.leave(first)
    Subscriber.objects.create(pk=number, site=site, digest="f" * 64, address="sealed")

    assert links.subscriber_for(token, confirming=False) is None


def test_every_answer_page_keeps_the_crisis_notice_and_sets_no_cookie(client, mail):
    sign_up(client, READER)
    run_worker()
    path = urlsplit(link_in(mail.messages[0]["message"], "/subscribe/confirm/")).path

    for answer in (client.get(path), client.post(path), client.get("/subscribe/?sent=1")):
        assert answer.status_code == 200
        assert "Need help right now?" in answer.text  # not the page's own heading
        assert not answer.cookies
        assert answer["Cache-Control"] == "private, no-store"


def test_a_key_rotation_that_drops_the_old_keys_keeps_every_address_readable(home, inbox_keys):
    site = Site.objects.get(is_default_site=True)
    subscriber = signup.subscribe(site, READER, "127.0.0.1")
    before = Subscriber.objects.get(pk=subscriber.pk).address

    call_command("rotate_inbox_key", "--drop-old")

    after = Subscriber.objects.get(pk=subscriber.pk).address
    assert after != before
    assert addresses.unseal(site.pk, after) == READER.lower()


def test_a_monthly_subscriber_gets_one_digest_of_last_months_articles_and_no_single_emails(
    client, mail, blog
):
    client.post("/subscribe/", {"email": OTHER, "frequency": "monthly", "leave_blank": ""})
    run_worker()
    client.post(urlsplit(link_in(mail.messages[-1]["message"], "/subscribe/confirm/")).path)
    confirmed(client, mail, READER)  # each new article
    before = len(mail.messages)

    november = [make_article(blog, f"November article {n}") for n in (1, 2)]
    for n, page in enumerate(november, 1):
        moment = datetime.datetime(2026, 11, 10 + n, 9, tzinfo=datetime.UTC)
        type(page).objects.filter(pk=page.pk).update(first_published_at=moment)
    make_article(blog, "October article")  # published "now"; moved into October below
    type(november[0]).objects.filter(title="October article").update(
        first_published_at=datetime.datetime(2026, 10, 30, tzinfo=datetime.UTC)
    )
    run_worker()  # the single emails to READER go out
    singles = len(mail.messages) - before

    december_first = datetime.datetime(2026, 12, 1, 3, tzinfo=datetime.UTC)
    made = digests.send_due(now=december_first)
    again = digests.send_due(now=december_first)
    run_worker()

    assert singles == 3
    assert all(m["to"] == [READER.lower()] for m in mail.messages[before : before + singles])
    digest_mail = mail.messages[before + singles :]
    assert [m["to"] for m in digest_mail] == [[OTHER]]
    message = digest_mail[0]["message"]
    assert message["Subject"] == "New from Our practice in November 2026"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = part(message, "text/plain")
    assert text.index("November article 1") < text.index("November article 2")
    assert "October article" not in text
    assert "<img" not in part(message, "text/html").lower()
    assert [d.articles for d in made] == [2]
    assert again == []
    assert MonthlyDigest.objects.get().sent == 1


def test_a_month_without_a_new_article_sends_no_digest(client, mail, home):
    client.post("/subscribe/", {"email": OTHER, "frequency": "monthly", "leave_blank": ""})
    run_worker()
    client.post(urlsplit(link_in(mail.messages[-1]["message"], "/subscribe/confirm/")).path)

    made = digests.send_due(now=datetime.datetime(2026, 12, 1, 3, tzinfo=datetime.UTC))
    run_worker()

    assert [d.articles for d in made] == [0]
    assert len(mail.messages) == 1  # the confirmation only


def test_the_months_are_counted_across_a_new_year():
    assert digests.last_month(datetime.datetime(2027, 1, 1, 0, 5, tzinfo=datetime.UTC)) == (
        datetime.date(2026, 12, 1)
    )
    start, end = digests.month_bounds(datetime.date(2026, 12, 1))
    assert (start.date(), end.date()) == (datetime.date(2026, 12, 1), datetime.date(2027, 1, 1))


def test_a_reader_about_to_leave_can_hear_once_a_month_instead(client, mail, blog):
    confirmed(client, mail, READER)
    make_article(blog, "On rest")
    run_worker()
    leave = urlsplit(link_in(mail.messages[-1]["message"], "/unsubscribe/")).path
    before = len(mail.messages)

    offered = BeautifulSoup(client.get(leave).content, "html.parser")
    bogus = client.post(leave, {"frequency": "hourly"})
    switched = client.post(leave, {"frequency": "monthly"})
    make_article(blog, "On sleep")
    run_worker()

    button = offered.select_one("form.switch-frequency button[name=frequency]")
    assert (button["value"], button.get_text(strip=True)) == (
        "monthly",
        "Send me one email a month instead",
    )
    assert bogus.status_code == 400
    assert "Your choice is saved" in switched.text
    assert Subscriber.objects.get().frequency == Subscriber.Frequency.MONTHLY
    assert len(mail.messages) == before  # the next article waits for the month's digest
