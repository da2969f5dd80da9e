"""The sign-up form on reader pages: at the foot of every article, cookie-free, and left out of
a static copy, which has no server to take it."""

from bs4 import BeautifulSoup

from quietroom.core.tests.factories import make_article
from quietroom.export.static import export_static


def test_an_article_ends_with_the_sign_up_form_and_sets_no_cookie(client, blog):
    page = make_article(blog, "On rest")

    response = client.get(page.url)

    form = BeautifulSoup(response.content, "html.parser").select_one("form.subscribe-form")
    assert (form["action"], form["method"]) == ("/subscribe/", "post")
    assert form.select_one("input[type=email][name=email][required]")
    assert form.select_one("label").get_text(strip=True) == "Your email address"
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.text


def test_a_static_copy_has_no_sign_up_form(blog, tmp_path):
    page = make_article(blog, "On rest")

    export_static(tmp_path, base_url="https://static.example")

    written = BeautifulSoup(
        (tmp_path / page.url.strip("/") / "index.html").read_text(), "html.parser"
    )
    assert written.select_one("h1").get_text(strip=True) == "On rest"
    assert not written.select("form.subscribe-form, section.subscribe")
