"""Booking and reach: a booking link per clinician, where each is licensed, and the clinicians
index narrowed by a plain GET form that sets no cookie and stores nothing."""

import json

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from quietroom.practice.booking import booking_for
from quietroom.practice.clinician_filter import choose, places_of
from quietroom.practice.models import ClinicianIndexPage, ClinicianPage, PracticeSettings
from quietroom.serving.pagecache import request_key
from quietroom.serving.tests.support import environ_for

PRACTICE_BOOKING = "https://book.lindentree.example/"
MAYA_BOOKING = "https://book.lindentree.example/maya-okafor"


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def words(element):
    return " ".join(element.text.split())


def page_soup(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return soup_of(response)


def actions(soup):
    return {a.text.strip(): a["href"] for a in soup.select("article.profile .actions a")}


def names(soup):
    return [h.a.text for h in soup.select("ul.grid .card-body > :first-child")]


def clinician(slug):
    return ClinicianPage.objects.get(slug=slug)


def republish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


# Booking


def test_a_clinician_books_through_their_own_link_then_the_practices(client, demo_site):
    maya = page_soup(client, clinician("maya-okafor").url)
    daniel = page_soup(client, clinician("daniel-reyes").url)

    assert actions(maya)["Book a first session with Maya"] == MAYA_BOOKING
    assert actions(daniel)["Book a first session with Daniel"] == PRACTICE_BOOKING
    # The contact page stays one step away, for a question before booking.
    assert "Ask a question first" in actions(daniel)
    # A reader is told that the link leaves this site, and for where.
    assert "book.lindentree.example" in maya.select_one(".action-note").text


def test_no_booking_link_while_a_clinician_is_not_taking_new_clients(client, demo_site):
    sam = clinician("sam-whitfield")
    sam_page = page_soup(client, sam.url)
    republish(clinician("maya-okafor"), accepting_new_clients=False)
    maya_page = page_soup(client, clinician("maya-okafor").url)

    for soup in (sam_page, maya_page):
        profile = soup.select_one("article.profile")
        assert not profile.select("a[href^='https://book.']"), profile.text
        note = profile.select_one(".action-note")
        assert "not taking new clients" in note.text
        assert note.a.text == "Write to us"


def test_without_any_booking_link_the_contact_page_is_the_way_in(client, demo_site):
    settings = PracticeSettings.objects.get()
    settings.booking_url = ""
    settings.save()
    soup = page_soup(client, clinician("daniel-reyes").url)

    assert list(actions(soup)) == ["Ask about a first session with Daniel"]
    assert not soup.select("article.profile a[href^='https://book.']")


def test_a_booking_link_is_a_web_address(demo_site):
    daniel = clinician("daniel-reyes")
    for bad in ("javascript:alert(1)", "ftp://files.example/booking", "not a link"):
        daniel.booking_url = bad
        with pytest.raises(ValidationError) as refused:
            daniel.full_clean()
        assert "booking_url" in refused.value.message_dict, bad


class Practice:
    def __init__(self, booking_url):
        self.booking_url = booking_url


def test_booking_for_prefers_the_clinician_and_never_a_script_address():
    class Person:
        accepting_new_clients = True
        booking_url = ""

    person = Person()
    assert booking_for(person, Practice("https://www.jane.example/clinic")).host == "jane.example"
    assert booking_for(person, Practice("")) is None
    assert booking_for(person, None) is None
    # A row saved before validation, or written by hand, is still not linked.
    assert booking_for(person, Practice("javascript:alert(1)")) is None
    person.booking_url = "https://own.example/me"
    assert booking_for(person, Practice("https://jane.example/")).url == "https://own.example/me"
    person.accepting_new_clients = False
    assert booking_for(person, Practice("https://jane.example/")) is None


# Where each clinician is licensed


def test_a_clinician_page_says_where_they_are_licensed_and_what_that_means_for_video(
    client, demo_site
):
    soup = page_soup(client, clinician("maya-okafor").url)
    facts = {dt.text: dt.find_next_sibling("dd") for dt in soup.select("dl.facts dt")}

    licensed = facts["Licensed in"]
    assert licensed.contents[0].strip() == "Illinois, Wisconsin"
    note = words(licensed.select_one(".fact-note"))
    assert note == (
        "Video sessions are for people located in one of these places at the time of the session."
    )


def test_the_json_ld_names_the_places_served_and_where_the_licence_holds(client, demo_site):
    soup = page_soup(client, clinician("daniel-reyes").url)
    data = json.loads(soup.find("script", type="application/ld+json").string)

    places = [{"@type": "AdministrativeArea", "name": n} for n in ("Illinois", "Indiana")]
    assert data["makesOffer"]["areaServed"] == places
    assert data["hasCredential"]["validIn"] == places
    assert data["hasCredential"]["credentialCategory"] == "license"
    assert data["hasCredential"]["name"] == (
        "Licensed marriage and family therapist in Illinois and Indiana"
    )


def test_a_clinician_without_places_has_no_area_in_json_ld(client, demo_site):
    republish(clinician("sam-whitfield"), licensed_in="", licence="")
    soup = page_soup(client, clinician("sam-whitfield").url)
    data = json.loads(soup.find("script", type="application/ld+json").string)

    assert "makesOffer" not in data
    assert "hasCredential" not in data
    assert "Licensed in" not in soup.select_one("dl.facts").text


def test_cards_show_how_and_where_each_clinician_sees_people(client, demo_site):
    soup = page_soup(client, ClinicianIndexPage.objects.get().url)
    reach = {
        card.h2.a.text: words(card.select_one(".card-reach"))
        for card in soup.select("ul.grid .card-body")
    }

    assert reach["Sam Whitfield"] == "Telehealth · Licensed in Illinois"
    assert reach["Daniel Reyes"] == "In person, Telehealth · Licensed in Illinois, Indiana"


# The clinicians index's filter


@pytest.fixture
def index_url(demo_site):
    return ClinicianIndexPage.objects.get().url


def test_the_filter_offers_the_places_the_clinicians_are_licensed_in(client, index_url):
    soup = page_soup(client, index_url)
    form = soup.select_one("form.clinician-filter")

    assert form["method"] == "get"
    options = [o.text for o in form.select("select[name=where] option")]
    assert options == ["Anywhere", "Illinois", "Indiana", "Wisconsin"]
    assert {i["name"] for i in form.select("input[type=checkbox]")} == {"telehealth", "accepting"}
    assert not soup.select_one(".filter-summary")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("where=Wisconsin", ["Dr. Maya Okafor"]),
        ("where=Indiana", ["Daniel Reyes"]),
        ("where=Illinois", ["Daniel Reyes", "Dr. Maya Okafor", "Sam Whitfield"]),
        ("accepting=on", ["Daniel Reyes", "Dr. Maya Okafor"]),
        ("where=Illinois&accepting=on", ["Daniel Reyes", "Dr. Maya Okafor"]),
        ("where=&telehealth=on", ["Daniel Reyes", "Dr. Maya Okafor", "Sam Whitfield"]),
    ],
)
def test_the_filter_narrows_the_list(client, index_url, query, expected):
    soup = page_soup(client, f"{index_url}?{query}")

    assert names(soup) == expected
    assert words(soup.select_one(".filter-summary")).startswith(f"{len(expected)} of 3 clinicians")


def test_video_sessions_leave_out_who_sees_people_in_person_only(client, index_url):
    republish(clinician("daniel-reyes"), telehealth=False)
    soup = page_soup(client, f"{index_url}?telehealth=on")

    assert names(soup) == ["Dr. Maya Okafor", "Sam Whitfield"]
    summary = words(soup.select_one(".filter-summary"))
    assert summary == "2 of 3 clinicians offering video sessions. Show everyone"
    assert soup.select_one("input[name=telehealth]").has_attr("checked")


def test_when_nobody_fits_the_page_says_so_and_points_to_the_practice(client, index_url):
    republish(clinician("maya-okafor"), accepting_new_clients=False)
    soup = page_soup(client, f"{index_url}?where=Wisconsin&accepting=on")

    assert names(soup) == []
    empty = words(soup.select_one(".filter-empty"))
    assert "None of our clinicians is licensed in Wisconsin and accepting new clients." in empty
    assert soup.select_one(".filter-empty a").text == "Write to us"


def test_a_place_the_form_does_not_offer_is_named_and_everyone_is_listed(client, index_url):
    response = client.get(f"{index_url}?where=Atlantis")
    soup = soup_of(response)

    assert response.status_code == 400
    assert (
        "None of our clinicians is licensed in “Atlantis”"
        in soup.select_one(".clinician-filter [role=alert]").text
    )
    assert len(names(soup)) == 3
    assert not soup.select_one(".filter-summary")


def text_columns():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.CharField | models.TextField) and field.concrete:
                yield model, field.attname


def test_a_readers_choice_sets_no_cookie_and_is_stored_nowhere(client, index_url):
    place = "Ruritania-4417"
    queries = [f"where={place}", "where=Indiana&telehealth=on&accepting=on"]
    client.get(index_url)  # the portraits' renditions, made on a first view, made now
    before = {m: m._default_manager.count() for m in apps.get_models()}

    responses = [client.get(f"{index_url}?{q}") for q in queries]

    assert [r.status_code for r in responses] == [400, 200]
    for response in responses:
        assert "Set-Cookie" not in response.headers
        assert not response.cookies
    assert {m: m._default_manager.count() for m in apps.get_models()} == before
    found = [
        (model.__name__, name)
        for model, name in text_columns()
        if model._default_manager.filter(**{f"{name}__contains": place}).exists()
    ]
    assert found == []
    # Neither answer may be kept by the page cache, which keys only `?page=N`.
    assert request_key(environ_for(index_url)) is not None
    for query in queries:
        assert request_key(environ_for(f"{index_url}?{query}")) is None


def test_the_filter_is_left_out_where_it_cannot_work_or_choose(client, index_url, settings):
    settings.QUIETROOM_STATIC_EXPORT = True
    exported = page_soup(client, index_url)
    settings.QUIETROOM_STATIC_EXPORT = False
    for slug in ("sam-whitfield", "daniel-reyes"):
        clinician(slug).unpublish()
    alone = page_soup(client, index_url)

    assert len(names(exported)) == 3
    assert not exported.select_one("form.clinician-filter")
    assert names(alone) == ["Dr. Maya Okafor"]
    assert not alone.select_one("form.clinician-filter")


def test_places_are_listed_once_whatever_their_case():
    class Person:
        def __init__(self, places):
            self.places = places

        def jurisdiction_list(self):
            return self.places

    people = [Person(["Ontario", "quebec"]), Person(["ontario", "Quebec", "Manitoba"])]
    assert places_of(people) == ("Manitoba", "Ontario", "quebec")
    choice = choose(people, {"where": "Ontario"})
    assert choice.valid
    assert len(choice.clinicians) == 2
