"""Crisis services by country: choosing the country fills them in from a data file, each
entry with its source and when it was checked; the practice can still edit them."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from quietroom.core.tests.factories import sign_in_verified
from quietroom.practice import crisis_defaults
from quietroom.practice.crisis_defaults import BadDefaults, defaults_for, read
from quietroom.practice.models import PracticeSettings

NAMED_IN_THE_ISSUE = {"US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "NL", "ES", "IN"}


def test_every_country_asked_for_has_a_list_and_the_uk_is_great_britain():
    codes = {d.code for d in crisis_defaults.countries()}

    assert codes >= NAMED_IN_THE_ISSUE
    assert defaults_for("UK") is defaults_for("gb")
    assert defaults_for(" us ").country == "United States"
    assert defaults_for("") is None
    assert defaults_for("BR") is None


@pytest.mark.parametrize("defaults", crisis_defaults.countries(), ids=lambda d: d.code)
def test_each_entry_can_be_reached_checked_and_is_never_dated_ahead(defaults):
    emergency = defaults.services[0]

    assert emergency.name.startswith("Emergency services")
    # The notice at the foot of every page names the same emergency number as the list.
    assert emergency.phone in defaults.crisis_line
    for service in defaults.services:
        assert service.phone or service.text or service.url, service.name
        assert service.source.startswith("https://"), service.name
        assert service.verified_on is None or service.verified_on <= datetime.date.today()


def test_a_data_file_without_a_way_in_or_a_source_is_refused(tmp_path):
    unreachable = tmp_path / "xx.toml"
    unreachable.write_text(
        'country = "X"\ncrisis_line = "Call 1."\n'
        '[[services]]\nname = "Nobody"\nsource = "https://x.example/"\n'
    )
    unsourced = tmp_path / "yy.toml"
    unsourced.write_text(
        'country = "Y"\ncrisis_line = "Call 1."\n'
        '[[services]]\nname = "Line"\nphone = "1"\nsource = "http://y.example/"\n'
    )

    with pytest.raises(BadDefaults, match="no way to reach it"):
        read(unreachable)
    with pytest.raises(BadDefaults, match="needs its source"):
        read(unsourced)


# Through the admin's settings form


@pytest.fixture
def owner(client, django_user_model, home):
    user = django_user_model.objects.create_superuser("owner", "o@example.org", "pw-not-real-1")
    sign_in_verified(client, user)
    return client


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


def url_of(site):
    return reverse("wagtailsettings:edit", args=["practice", "practicesettings", site.pk])


def form(practice, services=None, **changes) -> dict:
    """The settings form as the admin would post it, with the services as they stand."""
    if services is None:
        services = [("service", dict(block.value)) for block in practice.crisis_services]
    fields = {
        "name": practice.name,
        "tagline": practice.tagline,
        "email": practice.email,
        "phone": practice.phone,
        "street_address": "",
        "locality": "",
        "region": "",
        "postal_code": "",
        "country": practice.country,
        "hours": "",
        "time_zone": practice.time_zone,
        "booking_url": "",
        "social_links": streamfield([]),
        "crisis_line": practice.crisis_line,
        "crisis_services": streamfield(
            [(kind, {k: v or "" for k, v in value.items()}) for kind, value in services]
        ),
        "quick_exit_url": practice.quick_exit_url,
    }
    fields.update(changes)
    return nested_form_data(fields)


def saved(site):
    return PracticeSettings.objects.get(site=site)


def names(practice):
    return [block.value["name"] for block in practice.crisis_services]


def test_choosing_the_country_fills_in_its_crisis_services(owner, site, client):
    practice = PracticeSettings.for_site(site)
    assert practice.country == ""

    response = owner.post(url_of(site), form(practice, country="ca"))

    assert response.status_code == 302, response.context["form"].errors
    canada = defaults_for("CA")
    now = saved(site)
    assert now.country == "CA"
    assert now.crisis_line == canada.crisis_line
    assert names(now) == [s.name for s in canada.services]
    first = now.crisis_services[1].value
    assert first["source"] == "https://988.ca/"
    assert first["verified_on"] is None
    # Readers see the services, and nothing of where they were checked.
    page = client.get("/").content.decode()
    assert "9-8-8 Suicide Crisis Helpline" in page
    assert "public-safety-canada" not in page


def test_crisis_services_the_practice_wrote_stay_when_the_country_changes(owner, site):
    practice = PracticeSettings.for_site(site)
    own = [("service", {"name": "County crisis team", "phone": "555-0100"})]

    response = owner.post(url_of(site), form(practice, services=own, country="GB"))

    assert response.status_code == 302, response.context["form"].errors
    assert saved(site).country == "GB"
    assert names(saved(site)) == ["County crisis team"]


def test_the_box_fills_them_in_on_purpose_and_they_stay_editable(owner, site):
    practice = PracticeSettings.for_site(site)
    own = [("service", {"name": "County crisis team", "phone": "555-0100"})]
    owner.post(url_of(site), form(practice, services=own, country="GB"))

    filled = owner.post(url_of(site), form(saved(site), fill_crisis_services="on"))
    assert filled.status_code == 302, filled.context["form"].errors
    assert names(saved(site)) == [s.name for s in defaults_for("GB").services]

    # The practice corrects an entry and dates its check; the country is unchanged, so
    # nothing is filled in over it.
    services = [("service", dict(block.value)) for block in saved(site).crisis_services]
    services[2][1].update(phone="116 123 (free)", verified_on="2026-11-30")
    edited = owner.post(url_of(site), form(saved(site), services=services))

    assert edited.status_code == 302, edited.context["form"].errors
    samaritans = saved(site).crisis_services[2].value
    assert samaritans["phone"] == "116 123 (free)"
    assert samaritans["verified_on"] == datetime.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"country": "BR", "fill_crisis_services": "on"}, "fill_crisis_services", "“BR”"),
        ({"fill_crisis_services": "on"}, "fill_crisis_services", "“no country”"),
        ({"country": "U1"}, "country", "two-letter code"),
    ],
)
def test_a_country_without_a_list_or_a_code_that_is_none_changes_nothing(
    owner, site, changes, field, message
):
    practice = PracticeSettings.for_site(site)
    before = (practice.country, practice.crisis_line, names(practice))

    response = owner.post(url_of(site), form(practice, **changes))

    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert message in " ".join(errors)
    now = saved(site)
    assert (now.country, now.crisis_line, names(now)) == before


def test_the_editor_sees_each_entrys_source_and_when_it_was_checked(owner, site):
    owner.post(url_of(site), form(PracticeSettings.for_site(site), country="NZ"))

    html = owner.get(url_of(site)).content.decode()

    # The stream's blocks are drawn by the admin's script from the data in the page.
    for service in defaults_for("NZ").services:
        assert f'"source": "{service.source}"' in html.replace("&quot;", '"'), service.name
    assert "Checked on" in html.replace("&quot;", '"')
    assert BeautifulSoup(html, "html.parser").select_one("input[name='fill_crisis_services']")


def test_unchecked_and_stale_crisis_services_are_due_for_review(owner, site):
    owner.post(url_of(site), form(PracticeSettings.for_site(site), country="IE"))
    report = reverse("compliance:reviews")

    listed = BeautifulSoup(owner.get(report).content, "html.parser").text
    for service in defaults_for("IE").services:
        assert f"{service.name}: never checked" in " ".join(listed.split())

    practice = saved(site)
    today = datetime.date.today()
    dates = [today, today - datetime.timedelta(days=400), *[today] * 2]
    practice.crisis_services = [
        ("service", {**dict(block.value), "verified_on": when})
        for block, when in zip(practice.crisis_services, dates, strict=True)
    ]
    practice.save()

    listed = " ".join(BeautifulSoup(owner.get(report).content, "html.parser").text.split())
    assert "never checked" not in listed
    assert "Samaritans Ireland: checked" in listed
    assert "(13 months ago)" in listed
    assert "Pieta:" not in listed
