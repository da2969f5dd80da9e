"""Production passes `check --deploy` with no warning; Quietroom's own checks catch drift (A1)."""

import secrets
from importlib.metadata import version

import pytest
from cryptography.fernet import Fernet
from wagtail import blocks
from wagtail.fields import StreamField

from quietroom.core.tests.command import run_quietroom
from quietroom.security import checks


def production_env(tmp_path, **overrides):
    return {
        "QUIETROOM_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "quietroom.settings.production",
        "QUIETROOM_SECRET_KEY": secrets.token_urlsafe(50),
        "QUIETROOM_ALLOWED_HOSTS": "practice.example",
        "QUIETROOM_BASE_URL": "https://practice.example",
        "QUIETROOM_INBOX_KEYS": Fernet.generate_key().decode(),
        **overrides,
    }


def test_production_settings_pass_the_deploy_checks_with_no_warning(tmp_path):
    result = run_quietroom(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env(tmp_path)
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_an_inbox_key_equal_to_the_secret_key_stops_production(tmp_path):
    key = Fernet.generate_key().decode()
    env = production_env(tmp_path, QUIETROOM_SECRET_KEY=key, QUIETROOM_INBOX_KEYS=key)

    result = run_quietroom("check", env=env)

    assert result.returncode != 0
    assert "quietroom.inbox.E002" in result.stderr


def ids(problems):
    return {problem.id for problem in problems}


def test_our_checks_find_nothing_in_the_project_settings(settings):
    for check in (checks.admin_calls_home, checks.uploads_are_bounded, checks.no_raw_html):
        assert check() == []
    assert checks.no_form_builder() == []


def test_calls_home_from_the_admin_are_flagged(settings):
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = True
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = "//www.gravatar.com/avatar"

    assert ids(checks.admin_calls_home()) == {
        "quietroom.security.W001",
        "quietroom.security.W002",
    }


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("WAGTAILDOCS_SERVE_METHOD", "direct", "quietroom.security.W003"),
        ("WAGTAILIMAGES_MAX_UPLOAD_SIZE", None, "quietroom.security.W004"),
        ("WAGTAILDOCS_MAX_UPLOAD_SIZE", 500 * 1024 * 1024, "quietroom.security.W004"),
        ("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 1_000_000_000, "quietroom.security.W004"),
        ("WAGTAILIMAGES_EXTENSIONS", ["jpg", "svg"], "quietroom.security.W005"),
    ],
)
def test_unbounded_or_unsafe_uploads_are_flagged(settings, name, value, expected):
    setattr(settings, name, value)

    assert ids(checks.uploads_are_bounded()) == {expected}


def test_a_raw_html_block_anywhere_in_a_stream_is_found():
    nested = blocks.StreamBlock(
        [
            ("text", blocks.RichTextBlock()),
            ("box", blocks.StructBlock([("items", blocks.ListBlock(blocks.RawHTMLBlock()))])),
        ]
    )
    field = StreamField(nested)

    assert list(checks.raw_html_blocks(field.stream_block, "page.body")) == [
        "page.body.box.items.item"
    ]


def test_the_form_builder_is_flagged(settings):
    installed = [*settings.INSTALLED_APPS, "wagtail.contrib.forms"]

    assert ids(checks.no_form_builder(installed_apps=installed)) == {"quietroom.security.W007"}


@pytest.mark.parametrize(
    ("package", "floor"),
    [("django", (5, 2, 18)), ("wagtail", (8, 0, 1)), ("pillow", (11, 0, 0))],
)
def test_installed_versions_are_at_or_above_the_security_floor(package, floor):
    installed = tuple(int(part) for part in version(package).split(".")[:3])
    assert installed >= floor
