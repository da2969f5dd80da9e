"""A plain page shows its title, summary and body blocks, and sits under the home page."""

from quietroom.core.tests.factories import make_image, publish
from quietroom.pages.models import StandardPage


def test_a_standard_page_renders_its_blocks(client, home):
    image = make_image("Consulting room")
    page = publish(
        home,
        StandardPage(
            title="Fees and insurance",
            slug="fees",
            summary="What a session costs.",
            body=[
                {"type": "text", "value": "<h2>Sessions</h2><p>Fifty minutes.</p>"},
                {"type": "quote", "value": {"quote": "Worth it.", "attribution": "a client"}},
                {"type": "image", "value": {"image": image.pk, "alt_text": "A calm room"}},
            ],
        ),
    )

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Fees and insurance</h1>" in html
    assert '<meta name="description" content="What a session costs.">' in html
    assert "<h2>Sessions</h2>" in html
    assert "Worth it." in html
    assert 'alt="A calm room"' in html


def test_standard_pages_nest_under_home_and_each_other(home):
    assert StandardPage.can_create_at(home)
    about = publish(home, StandardPage(title="About", slug="about"))
    assert StandardPage.can_create_at(about)
