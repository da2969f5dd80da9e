"""An article's content note shows at the top with the practice's crisis resources."""

from collections import Counter

from bs4 import BeautifulSoup
from wagtail.models import Site

from quietroom.checks.site import check_page
from quietroom.core.tests.factories import make_article
from quietroom.practice.models import PracticeSettings

SUICIDE = [{"type": "text", "value": "<p>Thoughts of suicide can feel frightening.</p>"}]
NOTE = "This article talks about suicide."


def rules(page) -> list[str]:
    return [finding.rule for finding in check_page(page).findings]


def test_the_note_and_crisis_resources_come_before_the_article_body(client, blog):
    page = make_article(blog, body=SUICIDE, content_note=NOTE)

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    note = soup.select_one("article .content-note")
    assert NOTE in note.get_text()
    assert note.select_one(".crisis") is not None
    assert "988" in note.get_text()
    # The note's own heading; the footer's notice keeps the usual one.
    assert note.select_one(".crisis h2").get_text() == "If this brings up something hard"
    assert soup.select(".crisis h2")[-1].get_text() == "Need help right now?"
    following = [tag.get("class") for tag in note.find_all_next(["div", "figure"])]
    assert ["prose"] in following
    assert note.find_previous("header") is not None


def test_no_note_means_no_notice_at_the_top(client, blog):
    page = make_article(blog, body=SUICIDE)

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    assert soup.select_one(".content-note") is None
    assert len(soup.select(".crisis")) == 1  # the footer's, on every page


def test_the_page_keeps_unique_ids_with_two_crisis_notices(client, blog):
    page = make_article(blog, body=SUICIDE, content_note=NOTE)

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert all(count == 1 for count in ids.values()), ids
    for section in soup.select(".crisis"):
        assert all(soup.find(id=label) for label in section["aria-labelledby"].split())
    names = [section["aria-labelledby"] for section in soup.select(".crisis")]
    assert len(set(names)) == len(names)  # two regions, told apart by their names


def test_the_content_note_warning_goes_once_the_note_is_written(blog):
    page = make_article(blog, body=SUICIDE)
    assert "content-note" in rules(page)

    page.content_note = NOTE

    assert "content-note" not in rules(page)


def test_a_note_without_crisis_resources_to_show_still_warns(blog):
    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    practice.crisis_line, practice.crisis_services = "", []
    practice.save()

    page = make_article(blog, body=SUICIDE, content_note=NOTE)

    assert "content-note" in rules(page)
