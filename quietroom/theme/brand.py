"""The brand as readers see it: an immutable copy of a site's brand settings, remembered per site.

As with the practice (practice/profile.py), readers never hold the settings row: the copy is
made from the row as saved, with the logo's renditions and the site's colour sheet, and kept
until the site's generation changes (a brand save, or an edit of the logo image).
"""

import base64
import logging
from dataclasses import dataclass
from io import BytesIO

from django.utils.functional import SimpleLazyObject
from PIL import Image

from quietroom.core import memo, sites
from quietroom.theme import css, palette
from quietroom.theme.models import BrandSettings

logger = logging.getLogger("quietroom.theme")

LOGO_HEIGHT = 48  # CSS pixels in the header; the 2x rendition is twice that
# Lossless WebP keeps a logo's edges and transparency exactly, at about half a PNG's bytes
# (the demo's 2x logo: 4.5 KB against 8.2 KB); every browser a reader has shows it.
LOGO_SPECS = ("max-400x48|format-webp-lossless", "max-800x96|format-webp-lossless")
ICON_SPEC = "fill-32x32|format-png"
TOUCH_ICON_SPEC = "fill-180x180|format-png"
# How each style lays out the home page's first section.
HERO_LAYOUTS = {"calm": "beside", "warm": "above", "clear": "text"}


@dataclass(frozen=True)
class Logo:
    url: str
    url_2x: str
    width: int
    height: int
    alt: str
    icon: str  # a data: URI of a 32-pixel PNG, so the favicon costs no request
    touch_icon: str  # the 180-pixel icon a phone puts on its home screen


@dataclass(frozen=True)
class Brand:
    style: str
    accent: str
    second: str
    show_name: bool
    logo: Logo | None
    stylesheet: str
    colours: str

    @property
    def hero_layout(self) -> str:
        return HERO_LAYOUTS[self.style]


def colour_sheet(chosen: palette.Palette) -> str:
    return css.colour_sheet(
        {"accent": chosen.light.accent, "surface": chosen.light.surface},
        {"accent": chosen.dark.accent, "surface": chosen.dark.surface},
    )


def brand_of(row: BrandSettings) -> Brand:
    """The reader's copy of a row (saved or not). A row saved before a check existed, or
    edited by hand, that no longer passes is shown in the style's own accent instead."""
    style = row.style if row.style in palette.STYLES else palette.DEFAULT_STYLE
    try:
        chosen = palette.check(row.accent_colour, row.second_colour, style)
    except palette.Unreadable:
        logger.warning("Site %s: the brand's colours fail the contrast check", row.site_id)
        chosen = palette.check(palette.STYLES[style].suggested_accent, "", style)
    return Brand(
        style=style,
        accent=chosen.light.accent,
        second=row.second_colour,
        show_name=row.show_name or not row.logo_id,
        logo=logo_of(row) if row.logo_id else None,
        stylesheet=css.stylesheet(style),
        colours=colour_sheet(chosen),
    )


def logo_of(row: BrandSettings) -> Logo | None:
    image = row.logo
    try:
        made = image.get_renditions(*LOGO_SPECS, ICON_SPEC, TOUCH_ICON_SPEC)
    except Exception:  # a missing or broken file: the header shows the name instead
        logger.exception("Site %s: the logo's renditions could not be made", row.site_id)
        return None
    one, two = made[LOGO_SPECS[0]], made[LOGO_SPECS[1]]
    return Logo(
        url=one.url,
        url_2x=two.url,
        width=one.width,
        height=one.height,
        alt=row.logo_alt,
        icon=image_data(made[ICON_SPEC], "PNG"),
        touch_icon=made[TOUCH_ICON_SPEC].url,
    )


def image_data(rendition, kind: str) -> str:
    """A small rendition as a data: URI (a PNG's colours reduced to keep the page small)."""
    with rendition.file.open("rb") as file:
        data = file.read()
    if kind == "PNG":
        picture = Image.open(BytesIO(data))
        small = BytesIO()
        picture.convert("RGBA").quantize(64, method=Image.Quantize.FASTOCTREE).save(
            small, "PNG", optimize=True
        )
        data = small.getvalue()
    return f"data:image/{kind.lower()};base64," + base64.b64encode(data).decode()


@memo.per_site
def brand(site_id: int) -> Brand:
    """The brand of `site_id` as saved; the defaults if it has no row (rows are made with the
    site, so a reader's view never creates one)."""
    row = BrandSettings.objects.filter(site_id=site_id).select_related("logo").first()
    return brand_of(row or BrandSettings(site_id=site_id))


def default_brand() -> Brand:
    return brand_of(BrandSettings())


def for_request(request) -> Brand:
    record = sites.record_for(request.META)
    return default_brand() if record is None else brand(record.id)


def context(request) -> dict:
    """Context processor: `brand` in every template, read only if a template uses it."""
    return {"brand": SimpleLazyObject(lambda: for_request(request))}
