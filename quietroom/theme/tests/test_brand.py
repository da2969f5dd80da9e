"""Settings → Brand and `quietroom brand`: the same checks, and what readers then see."""

import re
from dataclasses import FrozenInstanceError
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from PIL import Image
from wagtail.models import Site

from quietroom.core.tests.factories import make_image, sign_in_verified
from quietroom.security.policy import style_hash
from quietroom.theme import palette
from quietroom.theme.brand import brand
from quietroom.theme.models import BrandSettings

PALE_YELLOW = "#f5e663"
PLUM = "#6b2d5c"


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def owner(client, admin_user):
    sign_in_verified(client, admin_user)
    return admin_user


def edit_url(site) -> str:
    return reverse("wagtailsettings:edit", args=["theme", "brandsettings", site.pk])


def form(**changes) -> dict:
    data = {
        "logo": "",
        "logo_alt": "",
        "show_name": "on",
        "accent_colour": palette.DEFAULT_ACCENT,
        "second_colour": "",
        "style": "calm",
    }
    return {**data, **changes}


def styles_of(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [style.string for style in soup.find_all("style")]


def csp_styles(response) -> list[str]:
    header = response["Content-Security-Policy"]
    return next(p.split()[1:] for p in header.split(";") if p.strip().startswith("style-src"))


def test_a_pale_yellow_accent_is_refused_in_the_admin_and_nothing_is_saved(client, owner, site):
    refused = client.post(edit_url(site), form(accent_colour=PALE_YELLOW))

    assert refused.status_code == 200
    text = refused.content.decode()
    assert "too faint to read" in text
    assert palette.nearest_passing(PALE_YELLOW) in text
    assert BrandSettings.for_site(site).accent_colour == palette.DEFAULT_ACCENT
    assert PALE_YELLOW not in client.get("/").content.decode()


def test_a_passing_accent_appears_in_the_pages_css_in_light_and_dark(client, owner, site):
    saved = client.post(edit_url(site), form(accent_colour=PLUM.upper(), style="warm"))
    assert saved.status_code == 302

    client.logout()
    page = client.get("/")
    colours, sheet = styles_of(page)
    dark = palette.dark_accent(PLUM)

    assert re.match(rf":root{{--accent:{PLUM};", colours)
    assert f"@media (prefers-color-scheme:dark){{:root{{--accent:{dark};" in colours
    assert dark != PLUM
    assert "ui-rounded" in sheet  # the warm style's type
    assert style_hash(colours) in csp_styles(page)
    assert style_hash(sheet) in csp_styles(page)


def test_a_dark_mode_failure_is_refused_too(site, monkeypatch):
    # A dark variant that stays as dark as the light accent cannot be read on dark backgrounds.
    monkeypatch.setattr(palette, "DARK_ACCENT_LIGHTNESS", 0.0)
    with pytest.raises(palette.Unreadable, match="dark mode"):
        palette.check("#2f6656")


def test_a_second_colour_that_is_not_a_colour_is_refused_on_its_own_field(client, owner, site):
    refused = client.post(edit_url(site), form(second_colour="teal"))

    assert refused.status_code == 200
    assert "is not a colour" in refused.content.decode()
    assert BrandSettings.for_site(site).second_colour == ""


def test_a_logo_without_alt_text_is_refused(client, owner, site):
    logo = make_image("Logo", 400, 400)

    refused = client.post(edit_url(site), form(logo=logo.pk, logo_alt="  "))

    assert refused.status_code == 200
    assert "Add alt text for the logo" in refused.content.decode()
    assert BrandSettings.for_site(site).logo_id is None


def test_the_header_shows_the_logo_with_its_alt_width_and_height(client, owner, site):
    logo = make_image("Logo", 400, 400)
    saved = client.post(edit_url(site), form(logo=logo.pk, logo_alt="Birch Lane Therapy"))
    assert saved.status_code == 302

    client.logout()
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    img = soup.select_one("header .brand img")

    assert img["alt"] == "Birch Lane Therapy"
    assert (img["width"], img["height"]) == ("48", "48")
    one, two = (part.split() for part in img["srcset"].split(","))
    assert one == [img["src"], "1x"]
    assert two[1] == "2x"
    assert two[0] != img["src"]
    for url in (one[0], two[0]):
        data = client.get(url).getvalue()
        # Lossless WebP (a VP8L chunk): half a PNG's bytes, the edges kept exactly.
        assert data[:4] == b"RIFF", url
        assert data[8:16] == b"WEBPVP8L", url
    assert soup.select_one("link[rel=icon]")["href"].startswith("data:image/png;base64,")
    touch = soup.select_one("link[rel=apple-touch-icon]")["href"]
    assert touch.startswith("/media/images/")
    assert client.get(touch).status_code == 200


def test_an_edit_of_the_logo_image_reaches_the_pages(client, site):
    logo = make_image("Logo", 600, 300)
    row = BrandSettings.for_site(site)
    row.logo, row.logo_alt = logo, "Birch Lane Therapy"
    row.save()

    def icons():
        soup = BeautifulSoup(client.get("/").content, "html.parser")
        return soup.select_one("link[rel=apple-touch-icon]")["href"]

    before = icons()
    # The editor moves the focal point: the square icons are cropped around it.
    logo.focal_point_x, logo.focal_point_y = 500, 150
    logo.focal_point_width = logo.focal_point_height = 100
    logo.save()

    assert icons() != before


def test_readers_get_an_immutable_copy_of_the_brand(site):
    remembered = brand(site.pk)

    with pytest.raises(FrozenInstanceError):
        remembered.accent = "#000000"
    assert brand(site.pk) is remembered


# --- quietroom brand ------------------------------------------------------------------------


def run_brand(*args) -> str:
    out = StringIO()
    call_command("brand", *args, stdout=out)
    return out.getvalue()


def logo_file(tmp_path, kind="PNG", name="logo.png"):
    path = tmp_path / name
    Image.new("RGB", (300, 300), (47, 102, 86)).save(path, kind)
    return path


def test_the_command_refuses_a_pale_yellow_with_exit_2_and_changes_nothing(site):
    with pytest.raises(CommandError) as refused:
        run_brand("--accent-colour", PALE_YELLOW, "--style", "clear")

    assert refused.value.returncode == 2
    assert "too faint to read" in str(refused.value)
    assert palette.nearest_passing(PALE_YELLOW, style="clear") in str(refused.value)
    row = BrandSettings.for_site(site)
    assert (row.accent_colour, row.style) == (palette.DEFAULT_ACCENT, "calm")


def test_the_command_saves_a_passing_colour_and_style_that_pages_then_use(client, site):
    output = run_brand("--accent-colour", PLUM, "--style", "clear")

    assert "saved" in output
    row = BrandSettings.for_site(site)
    assert (row.accent_colour, row.style) == (PLUM, "clear")
    colours, sheet = styles_of(client.get("/"))
    assert f"--accent:{PLUM}" in colours
    assert "Liberation Sans" in sheet  # the clear style's type


def test_the_command_refuses_a_logo_without_alt_text(site, tmp_path):
    with pytest.raises(CommandError, match="alt text") as refused:
        run_brand("--logo", str(logo_file(tmp_path)))

    assert refused.value.returncode == 2
    assert BrandSettings.for_site(site).logo_id is None


def test_the_command_refuses_a_logo_that_is_not_a_raster_image(site, tmp_path):
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    gif = logo_file(tmp_path, "GIF", "logo.gif")

    for path in (svg, gif):
        with pytest.raises(CommandError) as refused:
            run_brand("--logo", str(path), "--logo-alt", "Birch Lane")
        assert refused.value.returncode == 2
    assert BrandSettings.for_site(site).logo_id is None


def test_the_command_sets_a_logo_with_its_alt_text(client, site, tmp_path):
    run_brand("--logo", str(logo_file(tmp_path)), "--logo-alt", "Birch Lane Therapy")

    img = BeautifulSoup(client.get("/").content, "html.parser").select_one(".brand img")
    assert img["alt"] == "Birch Lane Therapy"


def test_the_command_shows_the_current_brand(site):
    output = run_brand("--show")

    assert "style: calm" in output
    assert f"accent colour: {palette.DEFAULT_ACCENT} (dark mode: " in output
    assert "logo: none" in output


def test_the_command_names_the_sites_when_a_hostname_is_unknown(site):
    with pytest.raises(CommandError, match="No site has the hostname") as refused:
        run_brand("--site", "nowhere.example", "--show")
    assert refused.value.returncode == 2


def test_a_logo_upload_is_read_as_an_image_not_trusted_by_its_name(site, tmp_path):
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"not an image at all")
    with pytest.raises(CommandError, match="not an image"):
        run_brand("--logo", str(fake), "--logo-alt", "Birch Lane")
