"""Discovery: sitemap.xml lists every live page; robots.txt points to it."""

from xml.etree import ElementTree

from quietroom.core.tests.factories import make_article, make_clinician, make_draft

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return {loc.text for loc in ElementTree.fromstring(response.content).findall(".//s:loc", NS)}


def test_sitemap_lists_every_live_page_and_no_draft(client, home, blog):
    live = make_article(blog, "Live")
    clinician = make_clinician(home)
    draft = make_draft(blog, "Draft")
    live.tags.add("grief")
    live.save_revision().publish()

    locations = sitemap_locations(client)

    for page in (home, blog, live, clinician, clinician.get_parent()):
        assert page.full_url in locations
    assert f"{blog.full_url}tag/grief/" in locations
    assert not any(draft.slug in location for location in locations)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, home):
    response = client.get("/robots.txt")
    text = response.content.decode()

    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://localhost/sitemap.xml" in text
