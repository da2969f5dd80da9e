"""The practice's pages: clinicians, services, FAQ, home, and the safety features on every page."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from quietroom.blog.models import ArticlePage
from quietroom.core.tests.factories import make_clinician, make_image
from quietroom.practice.models import (
    ClinicianPage,
    ContactPage,
    FAQPage,
    HomePage,
    PracticeSettings,
    ServicePage,
)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup):
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_a_clinician_page_shows_what_a_client_needs_to_choose(client, demo_site):
    daniel = ClinicianPage.objects.get(slug="daniel-reyes")
    soup = soup_of(client, daniel.url)
    facts = {dt.text: dt.find_next_sibling("dd").text for dt in soup.select("dl.facts dt")}

    assert soup.h1.text == "Daniel Reyes"
    assert "he/him" in soup.select_one("article .meta").text
    assert facts["New clients"] == "Accepting new clients"
    assert facts["Sessions"] == "In person, Telehealth"
    assert facts["Languages"] == "English, Spanish"
    assert "Couples and family therapy" in facts["Specialties"]
    assert "narrative therapy" in facts["Approaches"]
    assert facts["Licence"] == "Licensed marriage and family therapist in Illinois and Indiana"
    assert "$150" in facts["Fees"]
    assert "regional plan" in facts["Insurance"]
    written = {a.text for a in soup.select("#articles-heading ~ ul a")}
    assert written == {a.title for a in ArticlePage.objects.filter(author=daniel)}


def test_a_clinician_not_taking_clients_says_so(client, demo_site):
    sam = ClinicianPage.objects.get(slug="sam-whitfield")
    soup = soup_of(client, sam.url)

    assert "Not taking new clients" in soup.select_one("dl.facts").text
    assert "Telehealth" in soup.select_one("dl.facts").text
    assert "In person" not in soup.select_one("dl.facts").text


def test_a_clinician_is_described_as_a_person_in_json_ld(client, demo_site):
    maya = ClinicianPage.objects.get(slug="maya-okafor")
    data = json_ld(soup_of(client, maya.url))

    assert data["@type"] == "Person"
    assert data["name"] == "Dr. Maya Okafor"
    assert data["knowsLanguage"] == ["English", "Yoruba"]
    assert data["worksFor"]["name"] == "Linden Tree Counselling"


def test_a_service_page_links_its_clinicians_and_live_articles(client, demo_site):
    service = ServicePage.objects.get(slug="grief")
    withdrawn = ArticlePage.objects.get(slug="crying-in-therapy")
    withdrawn.unpublish()
    soup = soup_of(client, service.url)

    clinicians = {a.text for a in soup.select("#clinicians-heading ~ ul a")}
    articles = {a.text for a in soup.select("#articles-heading ~ ul a")}
    assert clinicians == {"Daniel Reyes", "Sam Whitfield"}
    assert articles == {"Grief does not follow a schedule"}
    assert "Who it helps" in soup.find("article").text


def test_the_faq_asks_each_question_as_a_heading_and_in_json_ld(client, demo_site):
    faq = FAQPage.objects.get()
    soup = soup_of(client, faq.url)
    data = json_ld(soup)

    questions = [item.value["question"] for item in faq.questions]
    assert [h.text for h in soup.select(".prose h2")] == questions
    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == questions
    assert all(q["acceptedAnswer"]["text"] for q in data["mainEntity"])


def test_the_home_page_invites_a_consultation_and_describes_the_practice(client, demo_site):
    home = HomePage.objects.get()
    soup = soup_of(client, home.url)
    data = json_ld(soup)

    opening, closing = soup.select(".hero a.button")[0], soup.select(".closing a.button")[0]
    assert opening["href"] == closing["href"] == ContactPage.objects.get().url
    assert (
        soup.select_one(".hero h1").text
        == "Unhurried therapy for anxiety, grief and the in-between times"
    )
    assert data["@type"] == "MedicalBusiness"
    assert data["address"]["addressLocality"] == "Evanston"
    assert data["telephone"] == "(312) 555-0142"


def test_featured_articles_replace_the_newest_on_the_home_page(client, demo_site):
    home = HomePage.objects.get()
    oldest = ArticlePage.objects.published().order_by("date").first()
    home.featured_articles = [oldest]
    home.save_revision().publish()

    section = soup_of(client, home.url).find("h2", string="From our articles").parent
    titles = [a.text for a in section.select("ul h3 a")]

    assert titles == [oldest.title]


def test_crisis_resources_from_settings_end_every_page(client, demo_site):
    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    practice.crisis_line = "Call 000 in an emergency."
    practice.crisis_services = [
        ("service", {"name": "Lifeline Australia", "phone": "13 11 14", "text": "0477 13 11 14"})
    ]
    practice.save()

    for page in [HomePage.objects.get(), *ClinicianPage.objects.all(), ContactPage.objects.get()]:
        crisis = soup_of(client, page.url).select("footer .crisis")[0]
        assert "Call 000 in an emergency." in crisis.text
        assert crisis.select_one('a[href="tel:131114"]').text == "13 11 14"
        assert crisis.select_one('a[href="sms:0477131114"]')


def test_the_quick_exit_link_appears_only_when_the_practice_turns_it_on(client, demo_site):
    home = HomePage.objects.get()
    assert not soup_of(client, home.url).select(".quick-exit")

    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    practice.quick_exit = True
    practice.quick_exit_url = "https://weather.example/"
    practice.save()

    soup = soup_of(client, home.url)
    links = soup.find("body").find_all("a")
    assert links[0]["class"] == ["skip-link"]
    assert links[1].text == "Leave this site quickly"
    assert links[1]["href"] == "https://weather.example/"
    assert "noreferrer" in links[1]["rel"]


@pytest.mark.django_db
def test_a_clinicians_empty_photo_alt_starts_from_the_images_description(home):
    clinician = make_clinician(home, "Sam Lee")
    clinician.photo = make_image(description="Sam smiling in the consulting room")
    clinician.photo_alt = ""

    clinician.full_clean()

    assert clinician.photo_alt == "Sam smiling in the consulting room"
