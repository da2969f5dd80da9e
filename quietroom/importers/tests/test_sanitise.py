"""C4: hostile HTML in imported bodies never reaches a reader's page."""

import pytest
from bs4 import BeautifulSoup

from quietroom.blog.models import ArticlePage
from quietroom.importers.body import clean_rich_text
from quietroom.importers.tests.support import post, run_import, wxr
from quietroom.security.tests.support import our_own_form
from quietroom.theme.tests.browser import chromium_browser

PAYLOADS = [
    "<p>Plain words that must survive.</p>",
    "<p " + " ".join(f'data-a{n}="{n}"' for n in range(10_000)) + ">many attributes</p>",
    "<script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=1>",
    '<a href="javascript:window.__xss=1">js</a>',
    '<a href="JaVaScRiPt:window.__xss=1">mixed case</a>',
    '<a href="jav&#x09;ascript:window.__xss=1">tab</a>',
    '<a href="data:text/html,<script>window.__xss=1</script>">data</a>',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    "<svg><script>window.__xss=1</script></svg>",
    "<svg><foreignObject><img src=x onerror=window.__xss=1></foreignObject></svg>",
    '<form action="https://evil.example/"><input name=q><button>Go</button></form>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<p style="background:url(javascript:window.__xss=1)">styled</p>',
    "<!--[if IE]><script>window.__xss=1</script><![endif]-->",
    "[embed]https://evil.example/video[/embed]",
    '[gallery ids="1,2"]',
    '[contact-form-7 id="12" title="Contact"]',
    # Last: an unclosed <style> swallows whatever follows, in a browser as in nh3.
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
]
FORBIDDEN_TAGS = ["script", "iframe", "object", "embed", "form", "base", "svg", "math", "style"]


@pytest.fixture
def hostile(blog, write_wxr):
    run_import(write_wxr(wxr(post(1, "Hostile", "\n\n".join(PAYLOADS)))))
    return ArticlePage.objects.get()


def test_the_stored_body_holds_only_what_wagtail_itself_would_store(hostile):
    for block in hostile.body:
        if block.block_type == "text":
            assert clean_rich_text(block.value.source) == block.value.source
    text = " ".join(str(block.value) for block in hostile.body)
    assert "Plain words that must survive." in text
    assert "many attributes" in text
    assert "__xss" not in text
    assert "javascript" not in text.lower()
    assert "contact-form-7" not in text


def test_the_rendered_page_has_no_active_content(hostile, client):
    response = client.get(hostile.url)
    assert response.status_code == 200
    document = BeautifulSoup(response.content, "html5lib")

    for name in FORBIDDEN_TAGS:
        found = [tag for tag in document.body.find_all(name) if not our_own_form(tag)]
        assert not found, name
    assert not document.find("meta", attrs={"http-equiv": True})
    prose = document.select_one(".prose")
    for tag in prose.find_all(True):
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag
        assert "style" not in tag.attrs, tag
        for name in ("href", "src"):
            value = (tag.get(name) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:")), tag
    assert "Plain words that must survive." in prose.get_text()


@pytest.mark.browser
def test_no_payload_runs_in_a_real_browser(hostile, client):
    html = client.get(hostile.url).content.decode()
    address = "http://quietroom.test/hostile/"
    with chromium_browser() as browser:
        page = browser.new_page()
        page.add_init_script("window.__xss = 0")
        # The page alone is served; anything it tries to load elsewhere is refused.
        page.route(
            "**/*",
            lambda route: (
                route.fulfill(body=html, content_type="text/html")
                if route.request.url == address
                else route.abort()
            ),
        )
        page.goto(address, wait_until="load")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") == 0
        assert "Plain words that must survive." in page.inner_text("main")
