"""Clinicians' faces and articles' pictures wherever readers choose what to read or whom to see."""

from bs4 import BeautifulSoup

from quietroom.core.tests.factories import make_article, make_clinician, make_image
from quietroom.practice.models import ClinicianIndexPage

ALT = "An illustrated portrait: Alex Rivera smiling, in a green jumper"


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def card_of(soup, name):
    link = soup.find("a", string=name)
    assert link is not None, name
    return link.find_parent(class_="card")


def test_a_clinician_photo_set_in_the_editor_appears_on_cards_and_bylines(client, home, blog):
    alex = make_clinician(home, "Alex Rivera")
    article = make_article(blog, "Sleep, and why it flees", author=alex)
    index = ClinicianIndexPage.objects.get()
    assert card_of(soup_of(client, home.url), "Alex Rivera").select_one(".media-empty").text == "AR"

    alex.photo, alex.photo_alt = make_image("Alex", 800, 1000), ALT
    alex.save_revision().publish()

    for url in (home.url, index.url):
        photo = card_of(soup_of(client, url), "Alex Rivera").select_one("picture img")
        assert photo["alt"] == ALT, url
        assert photo["loading"] == "lazy", url
        assert int(photo["width"]) * 5 == int(photo["height"]) * 4, "a 4:5 portrait"
        assert len(photo.find_previous_sibling("source")["srcset"].split(",")) == 2
    byline = soup_of(client, article.url).select_one(".byline img")
    assert byline["src"].startswith("data:image/webp;base64,")  # no request of its own
    assert (byline["width"], byline["height"]) == ("48", "48")


def test_cards_without_a_picture_show_a_quiet_initial(client, home, blog):
    make_article(blog, "Worry at work")
    make_clinician(home, "Dr. Jo Marsh")

    soup = soup_of(client, home.url)
    assert card_of(soup, "Worry at work").select_one(".media-empty").text == "W"
    empty = card_of(soup, "Dr. Jo Marsh").select_one(".media-empty")
    assert empty.text == "JM"
    assert empty["aria-hidden"] == "true"


def test_article_cards_carry_the_hero_as_a_lazy_thumbnail(client, home, blog):
    hero = make_image("Hero", 1600, 900)
    make_article(blog, "Rain", hero_image=hero, hero_alt="Rain on a window")

    for url in (home.url, blog.url):
        thumbnail = card_of(soup_of(client, url), "Rain").select_one("picture img")
        assert thumbnail["loading"] == "lazy", url
        # The title beside it says what the card is; the picture is not read out twice.
        assert thumbnail["alt"] == "", url
        assert int(thumbnail["width"]) * 2 == int(thumbnail["height"]) * 3, "3:2"
