"""WCAG 2.2 contrast and OKLCH lightness steps: plain maths on '#rrggbb' colours, no Django."""

import math
import re

HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")

RGB = tuple[float, float, float]  # sRGB channels, 0..1
LCH = tuple[float, float, float]  # OKLCH: lightness 0..1, chroma, hue in degrees


class NotAColour(ValueError):
    """The text is not a hex colour such as #2c6457."""


def parse(text: str) -> str:
    """`text` as a lowercase '#rrggbb'; three-digit forms are expanded. Raises NotAColour."""
    found = HEX.match(str(text).strip())
    if not found:
        raise NotAColour(f"“{text}” is not a colour: write it as six hex digits, like #2c6457.")
    digits = found.group(1).lower()
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return f"#{digits}"


def to_rgb(colour: str) -> RGB:
    value = parse(colour)
    return tuple(int(value[i : i + 2], 16) / 255 for i in (1, 3, 5))


def to_hex(rgb: RGB) -> str:
    return "#" + "".join(f"{round(min(1.0, max(0.0, c)) * 255):02x}" for c in rgb)


def _linear(channel: float) -> float:
    # WCAG 2.2 gives 0.04045 (sRGB's own threshold); the 0.03928 of WCAG 2.0 changes nothing
    # for 8-bit colours.
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _gamma(channel: float) -> float:
    if channel <= 0.0031308:
        return 12.92 * channel
    return 1.055 * channel ** (1 / 2.4) - 0.055


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.2): 0 for black, 1 for white."""
    r, g, b = (_linear(c) for c in to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --- OKLCH (Björn Ottosson's OKLab in polar form), for steps a person sees as even -----------


def to_oklch(colour: str) -> LCH:
    r, g, b = (_linear(c) for c in to_rgb(colour))
    lms = (
        0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b,
        0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b,
        0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b,
    )
    l_, m_, s_ = (math.copysign(abs(v) ** (1 / 3), v) for v in lms)
    lightness = 0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_
    a = 1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_
    b_ = 0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_
    return lightness, math.hypot(a, b_), math.degrees(math.atan2(b_, a)) % 360


def _oklch_to_linear(lch: LCH) -> RGB:
    lightness, chroma, hue = lch
    a, b = chroma * math.cos(math.radians(hue)), chroma * math.sin(math.radians(hue))
    l_ = lightness + 0.3963377774 * a + 0.2158037573 * b
    m_ = lightness - 0.1055613458 * a - 0.0638541728 * b
    s_ = lightness - 0.0894841775 * a - 1.2914855480 * b
    l3, m3, s3 = l_**3, m_**3, s_**3
    return (
        4.0767416621 * l3 - 3.3077115913 * m3 + 0.2309699292 * s3,
        -1.2684380046 * l3 + 2.6097574011 * m3 - 0.3413193965 * s3,
        -0.0041960863 * l3 - 0.7034186147 * m3 + 1.7076147010 * s3,
    )


def _in_gamut(linear: RGB) -> bool:
    return all(-1e-4 <= c <= 1 + 1e-4 for c in linear)


def from_oklch(lch: LCH) -> str:
    """The sRGB colour nearest `lch`: chroma is reduced, hue and lightness kept, until it fits."""
    lightness, chroma, hue = min(1.0, max(0.0, lch[0])), lch[1], lch[2]
    if not _in_gamut(_oklch_to_linear((lightness, chroma, hue))):
        low, high = 0.0, chroma
        for _ in range(24):
            middle = (low + high) / 2
            if _in_gamut(_oklch_to_linear((lightness, middle, hue))):
                low = middle
            else:
                high = middle
        chroma = low
    return to_hex(
        tuple(_gamma(min(1.0, max(0.0, c))) for c in _oklch_to_linear((lightness, chroma, hue)))
    )


def with_lightness(colour: str, lightness: float, max_chroma: float | None = None) -> str:
    """`colour` at another OKLCH lightness (and at most `max_chroma`), same hue."""
    _, chroma, hue = to_oklch(colour)
    if max_chroma is not None:
        chroma = min(chroma, max_chroma)
    return from_oklch((lightness, chroma, hue))


def lightness_steps(colour: str, step: float = 0.005):
    """Shades of `colour` ever further from it in OKLCH lightness, alternately darker and
    lighter (nearest first), hue and chroma kept as far as sRGB allows."""
    start, chroma, hue = to_oklch(colour)
    for n in range(1, math.ceil(1 / step) + 1):
        for lightness in (start - n * step, start + n * step):
            if 0.0 <= lightness <= 1.0:
                yield from_oklch((lightness, chroma, hue))
