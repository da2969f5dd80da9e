"""Changing a site's brand outside the admin (`quietroom brand`), with the admin's checks."""

from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image, UnidentifiedImageError
from wagtail.models import Site

from quietroom.core.models import CustomImage
from quietroom.theme import palette
from quietroom.theme.models import BrandSettings, colour_errors

LOGO_PILLOW_FORMATS = {"PNG", "JPEG", "WEBP"}


class BrandError(Exception):
    """The brand could not be changed as asked; nothing was saved."""


@dataclass(frozen=True)
class BrandChange:
    logo: Path | None = None
    logo_alt: str | None = None
    accent_colour: str | None = None
    second_colour: str | None = None
    style: str | None = None


def find_site(hostname: str | None = None) -> Site:
    if hostname is None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise BrandError("There is no site yet: run `quietroom demo` or create one.")
        return site
    site = Site.objects.filter(hostname=hostname).first()
    if site is None:
        known = ", ".join(Site.objects.values_list("hostname", flat=True)) or "none"
        raise BrandError(f"No site has the hostname {hostname} (the sites: {known}).")
    return site


def check_logo(path: Path) -> None:
    try:
        with Image.open(path) as picture:
            kind = picture.format
    except FileNotFoundError as error:
        raise BrandError(f"There is no file at {path}.") from error
    except (UnidentifiedImageError, OSError) as error:
        raise BrandError(f"{path} is not an image this site can read.") from error
    if kind not in LOGO_PILLOW_FORMATS:
        raise BrandError(f"{path} is a {kind} image; the logo must be a PNG, JPEG or WebP.")


def messages_of(errors: dict[str, str | list]) -> str:
    return " ".join(" ".join(v) if isinstance(v, list) else v for v in errors.values())


@transaction.atomic
def change_brand(site: Site, change: BrandChange, collection=None) -> BrandSettings:
    """Apply `change` to the site's brand, checked as the admin checks it; a new logo goes
    into `collection` (the root collection when None). Raises BrandError with the admin's
    message, leaving everything as it was."""
    row = BrandSettings.for_site(site)
    accent = change.accent_colour if change.accent_colour is not None else row.accent_colour
    second = change.second_colour if change.second_colour is not None else row.second_colour
    style = change.style if change.style is not None else row.style
    if style not in palette.STYLES:
        raise BrandError(f"“{style}” is not a style; choose one of {', '.join(palette.STYLES)}.")
    if errors := colour_errors(accent, second, style):
        raise BrandError(messages_of(errors))
    logo_alt = (change.logo_alt if change.logo_alt is not None else row.logo_alt).strip()
    if (change.logo or row.logo_id) and not logo_alt:
        raise BrandError("A logo needs alt text (--logo-alt), usually the practice’s name.")
    if change.logo:
        check_logo(change.logo)
    row.accent_colour, row.second_colour, row.style, row.logo_alt = accent, second, style, logo_alt
    if change.logo:
        row.logo = new_image(change.logo, logo_alt, collection)
    try:
        row.full_clean()
    except ValidationError as error:
        raise BrandError(messages_of(error.message_dict)) from error
    row.save()
    return row


def new_image(path: Path, alt: str, collection=None) -> CustomImage:
    image = CustomImage(title=f"Logo: {path.stem}", description=alt)
    if collection is not None:
        image.collection = collection
    with path.open("rb") as file:
        image.file = ImageFile(file, name=path.name)
        image.save()
    return image


def describe(site: Site) -> list[tuple[str, str]]:
    row = BrandSettings.for_site(site)
    chosen = palette.palette(row.accent_colour, row.second_colour, row.style)
    logo = (
        f"{row.logo.title} ({row.logo.width} by {row.logo.height} pixels)"
        if row.logo_id
        else "none"
    )
    return [
        ("site", f"{site.hostname}:{site.port}"),
        ("style", f"{row.style} ({palette.STYLES[row.style].label})"),
        ("accent colour", f"{row.accent_colour} (dark mode: {chosen.dark.accent})"),
        ("second colour", row.second_colour or "none (a tint of the accent)"),
        ("surfaces", f"{chosen.light.surface} (dark mode: {chosen.dark.surface})"),
        ("logo", logo),
        ("logo alt text", row.logo_alt or "none"),
        ("name beside the logo", "yes" if row.show_name else "no"),
    ]
