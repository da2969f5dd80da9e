"""Every kind of response carries the security headers, with the policy that fits it (A2)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from quietroom.blog.models import ArticlePage
from quietroom.core.models import CustomImage
from quietroom.core.tests.factories import sign_in_verified
from quietroom.core.tests.pages import public_paths
from quietroom.security.policy import style_hash
from quietroom.theme.brand import brand, default_brand
from quietroom.theme.css import stylesheet
from quietroom.theme.palette import STYLES


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parts = [part.strip().split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def assert_common_headers(response, label):
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains"), label
    assert response["X-Content-Type-Options"] == "nosniff", label
    assert response["Referrer-Policy"] == "same-origin", label
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", label
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "interest-cohort"):
        assert f"{feature}=()" in permissions, label
    policy = directives(response)
    assert policy["object-src"] == ["'none'"], label
    assert policy["base-uri"] == ["'none'"], label
    assert not any("'unsafe-eval'" in values for values in policy.values()), label
    return policy


def assert_reader_policy(response, label):
    policy = assert_common_headers(response, label)
    assert policy["default-src"] == ["'self'"], label
    assert policy["frame-ancestors"] == ["'none'"], label
    assert policy["form-action"] == ["'self'"], label
    assert "script-src" not in policy, f"{label}: scripts fall back to default-src 'self'"
    assert "'unsafe-inline'" not in policy["style-src"], label
    return policy


class HttpsClient(Client):
    """A test client whose every request arrives over HTTPS, as in production."""

    def generic(self, *args, **kwargs):
        kwargs["secure"] = True
        return super().generic(*args, **kwargs)


@pytest.fixture
def https():
    return HttpsClient()


@pytest.mark.django_db
def test_every_public_page_type_carries_the_reader_policy(https, demo_site):
    for name, path in public_paths().items():
        response = https.get(path)
        assert response.status_code == 200, name
        assert_reader_policy(response, name)
        assert response["X-Frame-Options"] == "DENY", name


@pytest.mark.django_db
def test_the_404_and_500_pages_carry_the_reader_policy(demo_site, settings):
    settings.ROOT_URLCONF = "quietroom.security.tests.urls"
    client = HttpsClient(raise_request_exception=False)

    missing = client.get("/no-such-page/")
    broken = client.get("/broken/")

    assert missing.status_code == 404
    assert broken.status_code == 500
    assert_reader_policy(missing, "404")
    policy = assert_reader_policy(broken, "500")
    for inline in BeautifulSoup(broken.content, "html.parser").find_all("style"):
        assert style_hash(inline.string) in policy["style-src"]


@pytest.mark.django_db
def test_the_inline_stylesheets_are_allowed_by_their_hashes_and_nothing_else(https, demo_site):
    response = https.get(public_paths()["article"])
    styles = [s.string for s in BeautifulSoup(response.content, "html.parser").find_all("style")]
    site_brand = brand(Site.objects.get(is_default_site=True).pk)

    assert styles == [site_brand.colours, stylesheet("calm")]
    allowed = directives(response)["style-src"]
    assert all(style_hash(style) in allowed for style in styles)
    # 'self', the sheet of each style, the default colours, the site's colours; nothing else.
    expected = {"'self'", *(style_hash(stylesheet(name)) for name in STYLES)}
    expected |= {style_hash(default_brand().colours), style_hash(site_brand.colours)}
    assert set(allowed) == expected
    assert not re.search(rb"<script(?![^>]*application/ld\+json)", response.content)


@pytest.mark.django_db
def test_a_changed_stylesheet_would_no_longer_match_the_policy(https, demo_site):
    response = https.get("/")
    allowed = directives(response)["style-src"]
    assert style_hash(stylesheet("calm") + " ") not in allowed
    site_brand = brand(Site.objects.get(is_default_site=True).pk)
    assert style_hash(site_brand.colours + " ") not in allowed


@pytest.mark.django_db
def test_static_files_carry_the_headers(https, demo_site):
    response = https.get("/static/wagtailadmin/js/core.js")

    assert response.status_code == 200
    assert_reader_policy(response, "static file")
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_image_renditions_are_served_with_a_policy_that_lets_nothing_run(https, demo_site):
    rendition = CustomImage.objects.filter(file__endswith=".jpg").first().get_rendition("width-400")
    response = https.get(rendition.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    policy = assert_common_headers(response, "media image")
    assert policy["default-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_documents_download_as_attachments_that_can_run_nothing(https, demo_site):
    document = Document(title="Intake form")
    document.file.save("intake.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    response = https.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert_common_headers(response, "document")
    assert directives(response)["default-src"] == ["'none'"]
    b"".join(response.streaming_content)


@pytest.mark.django_db
def test_the_admin_has_its_own_policy_still_closed_to_other_sites(https, admin_user):
    sign_in_verified(https, admin_user)
    for path in ("/admin/login/", "/admin/", "/admin/pages/", "/admin/images/"):
        response = https.get(path, follow=path == "/admin/login/")
        assert response.status_code == 200, path
        policy = assert_common_headers(response, path)
        assert policy["default-src"] == ["'self'"], path
        assert policy["frame-ancestors"] == ["'self'"], path
        assert policy["form-action"] == ["'self'"], path
        assert all(not source.startswith("http") for v in policy.values() for source in v)


@pytest.mark.django_db
def test_a_page_answered_from_the_page_cache_keeps_every_header(https, demo_site):
    path = public_paths()["article"]
    # Only a site asked for by its own hostname is cached (the demo's is 127.0.0.1).
    host = {"host": "127.0.0.1"}
    first = https.get(path, headers=host)
    cached = https.get(path, headers={**host, "if-none-match": first["ETag"]})

    assert cached.status_code == 304
    for name in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
        assert cached[name] == first[name], name
    assert_reader_policy(cached, "cached article")


@pytest.mark.django_db
def test_no_public_page_sets_a_cookie_except_the_contact_form(https, demo_site):
    for name, path in public_paths().items():
        cookies = set(https.get(path).cookies)
        expected = {"csrftoken"} if name == "contact" else set()
        assert cookies == expected, name


@pytest.mark.django_db
def test_uploaded_documents_are_not_served_around_their_privacy_checks(https, demo_site):
    document = Document(title="Private notes")
    document.file.save("notes.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))

    assert https.get(f"/media/{document.file.name}").status_code == 404
    assert https.get(document.url).status_code == 200


def preview_form(article) -> dict:
    """What the editor's preview panel posts for `article` as it stands."""
    return nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "summary": article.summary,
            "hero_alt": "",
            "hero_caption": "",
            "content_note": "",
            "date": article.date.isoformat(),
            "tags": "",
            "body": streamfield([("text", rich_text("<p>Tears are part of healing.</p>"))]),
        }
    )


@pytest.mark.django_db
@pytest.mark.parametrize("mode", ["", "quality"])
def test_a_preview_keeps_the_reader_policy_and_may_be_framed_by_the_admin_alone(
    https, admin_user, demo_site, mode
):
    sign_in_verified(https, admin_user)
    article = ArticlePage.objects.published().first()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])

    posted = https.post(url, preview_form(article))
    response = https.get(url, {"mode": mode, "in_preview_panel": "true"})

    assert posted.json() == {"is_valid": True, "is_available": True}
    assert response.status_code == 200
    assert article.title.encode() in response.content
    policy = assert_common_headers(response, f"preview {mode!r}")
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert "script-src" not in policy, "scripts fall back to default-src 'self'"
    assert "'unsafe-inline'" not in policy["style-src"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.django_db
def test_a_new_pages_preview_may_be_framed_by_the_admin_too(https, admin_user, demo_site):
    sign_in_verified(https, admin_user)
    article = ArticlePage.objects.published().first()
    blog = article.get_parent()
    url = reverse("wagtailadmin_pages:preview_on_add", args=["blog", "articlepage", blog.pk])

    https.post(url, {**preview_form(article), "slug": "a-new-one", "title": "A new one"})
    response = https.get(url, {"mode": ""})

    assert b"A new one" in response.content
    assert directives(response)["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
