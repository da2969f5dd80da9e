"""In a real Chromium: no CSP violation, no third-party request, no payload runs (A2, F1, B2)."""

import re
import urllib.request
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from quietroom.blog.models import ArticlePage
from quietroom.demo.build import build_demo_site, ensure_admin
from quietroom.inbox.models import ConsultationRequest
from quietroom.practice.models import ContactPage
from quietroom.security.tests import payloads
from quietroom.security.tests.support import code
from quietroom.theme.tests.browser import chromium_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a long demo passphrase"
WATCH = """
window.__xss = 0;
window.__csp = [];
document.addEventListener("securitypolicyviolation",
    (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.fixture
def built_demo(monkeypatch, settings, tmp_path):
    # Playwright's sync API runs an event loop; Django's ORM calls stay in this thread.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.DATA_DIR = tmp_path
    build_demo_site()
    ensure_admin(PASSWORD)
    admin = get_user_model().objects.get(username="admin")
    return TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)


class Watched:
    """A Chromium page that records CSP reports and every host it sends a request to."""

    def __init__(self, browser, origin):
        self.origin = urlsplit(origin).netloc
        self.page = browser.new_page()
        self.page.add_init_script(WATCH)
        self.console = []
        self.hosts = set()
        self.page.on("console", lambda m: self.console.append(m.text))
        self.page.on("request", lambda r: self.hosts.add(urlsplit(r.url).netloc or r.url[:5]))

    def visit(self, url):
        response = self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        return response

    def csp_violations(self) -> list[str]:
        reported = self.page.evaluate("window.__csp")
        logged = [m for m in self.console if "Content Security Policy" in m]
        return reported + logged

    def foreign_hosts(self) -> set[str]:
        return self.hosts - {self.origin, "data:"}


def sitemap_paths(origin) -> list[str]:
    with urllib.request.urlopen(origin + "/sitemap.xml") as response:
        root = ElementTree.fromstring(response.read())
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [urlsplit(loc.text).path for loc in root.findall(".//s:loc", namespace)]


def sign_in(watched, origin, device):
    page = watched.page
    watched.visit(origin + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/two-factor/verify/.*"))
    page.fill("#id_token", code(device))
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


def admin_paths() -> dict[str, str]:
    article = ArticlePage.objects.published().first()
    request = ConsultationRequest.objects.first()
    return {
        "dashboard": "/admin/",
        "page explorer": f"/admin/pages/{article.get_parent().pk}/",
        "page editor": f"/admin/pages/{article.pk}/edit/",
        "page history": f"/admin/pages/{article.pk}/history/",
        "image listing": "/admin/images/",
        "image upload": "/admin/images/multiple/add/",
        "snippets": "/admin/snippets/",
        "settings": "/admin/settings/practice/practicesettings/",
        "inbox": "/admin/inbox/",
        "inbox request": f"/admin/inbox/{request.pk}/",
        "users": "/admin/users/",
    }


def test_every_sitemap_page_and_a_contact_request_load_with_no_violation_or_foreign_request(
    live_server, built_demo
):
    paths = sitemap_paths(live_server.url)
    assert len(paths) > 20
    with chromium_browser() as browser:
        watched = Watched(browser, live_server.url)
        for path in [*paths, "/no-such-page/"]:
            response = watched.visit(live_server.url + path)
            assert response.status in (200, 404), path
            assert watched.csp_violations() == [], path
        watched.visit(live_server.url + ContactPage.objects.get().url)
        watched.page.fill("#id_name", "Robin Example")
        watched.page.fill("#id_email", "robin@example.org")
        watched.page.fill("#id_message", "I would like to talk about sleep.")
        watched.page.check("input[name=preferred_contact][value=email]")
        watched.page.check("input[name=may_leave_message][value=no]")
        watched.page.check("#id_consent")
        watched.page.click("main button[type=submit]")
        # The form posts to #errors; a redirect without a fragment of its own keeps it.
        watched.page.wait_for_url(re.compile(r".*/thanks/(#errors)?$"))
        assert watched.csp_violations() == []
    assert watched.foreign_hosts() == set()
    assert ConsultationRequest.objects.count() == 3


def test_the_main_admin_screens_work_under_their_policy_and_call_nobody(live_server, built_demo):
    with chromium_browser() as browser:
        watched = Watched(browser, live_server.url)
        sign_in(watched, live_server.url, built_demo)
        for name, path in admin_paths().items():
            response = watched.visit(live_server.url + path)
            assert response.status == 200, name
            assert watched.csp_violations() == [], name
        # A signed-in editor reading the site sees Wagtail's userbar, under the reader policy.
        watched.visit(live_server.url + ArticlePage.objects.published().first().url)
        assert watched.page.locator("wagtail-userbar").count() == 1
        assert watched.csp_violations() == []
    assert watched.foreign_hosts() == set()


def test_no_payload_runs_on_any_reader_page_or_admin_screen(live_server, built_demo):
    payloads.plant()
    paths = sitemap_paths(live_server.url)
    with chromium_browser() as browser:
        watched = Watched(browser, live_server.url)
        for path in paths:
            watched.visit(live_server.url + path)
            for link in watched.page.locator("a[href]").all():
                href = link.get_attribute("href") or ""
                assert not href.strip().lower().startswith("javascript"), (path, href)
            assert watched.page.evaluate("window.__xss") == 0, path
        sign_in(watched, live_server.url, built_demo)
        for name, path in admin_paths().items():
            watched.visit(live_server.url + path)
            assert watched.page.evaluate("window.__xss") == 0, name


def test_the_watcher_reports_a_violation_when_there_is_one(live_server):
    # Guards the tests above: an inline style the policy does not allow must be seen.
    with chromium_browser() as browser:
        watched = Watched(browser, live_server.url)
        watched.page.route(
            live_server.url + "/probe/",
            lambda route: route.fulfill(
                body="<style>body{color:red}</style><p>probe</p>",
                headers={
                    "Content-Type": "text/html",
                    "Content-Security-Policy": "style-src 'self'",
                },
            ),
        )
        watched.visit(live_server.url + "/probe/")
        assert watched.csp_violations() != []
