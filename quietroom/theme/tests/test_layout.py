"""The header, the menu and the first view of an article in Chromium, in every style."""

import pytest
from wagtail.models import Site

from quietroom.blog.models import ArticlePage
from quietroom.demo.build import build_demo_site
from quietroom.theme.branding import BrandChange, change_brand
from quietroom.theme.palette import STYLES
from quietroom.theme.tests.browser import chromium_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP_NAV = ".site-header > .wrap-wide > .site-nav"
# The page, the logo and the hero: what the first screen of an article needs.
FIRST_VIEW_BUDGET = 3


@pytest.fixture
def built_demo(monkeypatch, settings, tmp_path):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.DATA_DIR = tmp_path
    build_demo_site()


def tops(page, selector) -> list[float]:
    return page.eval_on_selector_all(
        selector, "links => links.map(a => Math.round(a.getBoundingClientRect().top))"
    )


def header_on_one_line(browser, url, width) -> str | None:
    """What is wrong with the header at `width` pixels, or None."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(url)
    links = tops(page, f"{DESKTOP_NAV} a")
    brand = page.eval_on_selector(".brand", "el => el.getBoundingClientRect().bottom")
    nav = page.eval_on_selector(DESKTOP_NAV, "el => el.getBoundingClientRect().top")
    page.close()
    if len(links) != 5:
        return f"{len(links)} links instead of the demo's five"
    if len(set(links)) != 1:
        return f"the links wrap: their tops are {links}"
    if nav >= brand:
        return "the navigation sits below the practice's name"
    return None


def first_view(browser, url) -> tuple[list[str], list]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = context.new_page()
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(url, wait_until="networkidle")
    cookies = context.cookies()
    context.close()
    return seen, cookies


def test_every_style_keeps_the_header_on_one_line_and_the_first_view_small(
    live_server, built_demo, record_property
):
    site = Site.objects.get(is_default_site=True)
    article = live_server.url + ArticlePage.objects.published().first().url
    problems = []
    with chromium_browser() as browser:
        for style in STYLES:
            change_brand(
                site, BrandChange(style=style, accent_colour=STYLES[style].suggested_accent)
            )
            for width in (1024, 1280):
                for path in ("/", "/articles/"):
                    if found := header_on_one_line(browser, live_server.url + path, width):
                        problems.append(f"{style}, {width} px, {path}: {found}")
            requests, cookies = first_view(browser, article)
            record_property(f"first view of an article, {style}", f"{len(requests)} requests")
            names = [url.rsplit("/", 1)[-1] for url in requests]
            if len(requests) > FIRST_VIEW_BUDGET:
                problems.append(f"{style}: {len(requests)} requests for an article: {names}")
            if not any(".max-800x96." in url for url in requests):
                problems.append(f"{style}: the logo's 2x rendition was not loaded: {names}")
            if cookies:
                problems.append(f"{style}: cookies for a reader: {cookies}")
    assert not problems, "\n".join(problems)


def test_on_a_phone_the_menu_opens_without_javascript(live_server, built_demo):
    with chromium_browser() as browser:
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, java_script_enabled=False
        )
        page = context.new_page()
        page.goto(live_server.url + "/")

        assert not page.is_visible(DESKTOP_NAV)
        assert page.is_visible(".menu summary")
        assert not page.is_visible(".menu .site-nav a")
        page.click(".menu summary")
        assert page.is_visible(".menu .site-nav a >> text=Contact us")
        box = page.eval_on_selector(".menu summary", "el => el.getBoundingClientRect().height")
        assert box >= 44, "a touch target of at least 44 px"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, "nothing wider than the phone"
        context.close()
