"""A practice's colours in light and dark, and whether everything made from them can be read.

Pure: styles, colours in, a palette or a refusal out. The admin's form and `quietroom brand`
both ask `check()`, so they refuse the same colours with the same words.
"""

from dataclasses import dataclass

from quietroom.theme import colours

TEXT = 4.5  # WCAG 2.2 AA, normal text (1.4.3)
UI = 3.0  # WCAG 2.2 AA, focus rings and the edges of controls (1.4.11)

# Where the dark variant of an accent sits: light enough to read on the dark background.
DARK_ACCENT_LIGHTNESS = 0.80
DARK_ACCENT_CHROMA = 0.13
# Quiet surfaces (callouts, the crisis box, cards) take only the second colour's hue.
SURFACE_LIGHTNESS = {"light": 0.95, "dark": 0.25}
SURFACE_CHROMA = {"light": 0.012, "dark": 0.016}


@dataclass(frozen=True)
class Neutrals:
    """The colours of a style that are not the practice's: background, text, rules."""

    background: str
    text: str
    muted: str
    rule: str


@dataclass(frozen=True)
class Style:
    name: str
    label: str
    description: str
    light: Neutrals
    dark: Neutrals
    suggested_accent: str


STYLES: dict[str, Style] = {
    style.name: style
    for style in (
        Style(
            "calm",
            "Calm",
            "Quiet and airy: a humanist sans with serif headings, small corners, thin rules, "
            "text beside the home page's picture.",
            Neutrals("#f7f6f2", "#1e2321", "#4e5853", "#d6dad3"),
            Neutrals("#131816", "#e4e7e2", "#a9b3ad", "#2e3834"),
            "#2f6656",
        ),
        Style(
            "warm",
            "Warm",
            "Friendly and soft: a rounded sans, large corners and soft shadows, the home "
            "page's picture above its words.",
            Neutrals("#fbf5ec", "#2b211b", "#5e4f44", "#e7d9c7"),
            Neutrals("#1a1512", "#f0e7dd", "#c0ae9f", "#3b302a"),
            "#9a4a2c",
        ),
        Style(
            "clear",
            "Clear",
            "Direct and high in contrast: a grotesque sans with bold headings, square corners "
            "and strong borders, a large home page headline in words only.",
            Neutrals("#fdfdfc", "#0f1720", "#444e5a", "#c9d0d8"),
            Neutrals("#0d1217", "#eef2f6", "#a9b4c0", "#2b3540"),
            "#1d4f91",
        ),
    )
}
DEFAULT_STYLE = "calm"
DEFAULT_ACCENT = STYLES[DEFAULT_STYLE].suggested_accent


@dataclass(frozen=True)
class Scheme:
    """The colours a page uses in one colour scheme."""

    accent: str
    surface: str
    neutrals: Neutrals


@dataclass(frozen=True)
class Palette:
    light: Scheme
    dark: Scheme


class Unreadable(ValueError):
    """A colour would make text, links, buttons or focus rings too faint to read."""

    def __init__(self, message: str, suggestion: str | None = None):
        super().__init__(message)
        self.suggestion = suggestion


def dark_accent(accent: str) -> str:
    """The dark-mode variant of an accent: same hue, lifted to read on a dark background."""
    lightness = max(colours.to_oklch(accent)[0], DARK_ACCENT_LIGHTNESS)
    return colours.with_lightness(accent, lightness, DARK_ACCENT_CHROMA)


def surface(colour: str, scheme: str) -> str:
    return colours.with_lightness(colour, SURFACE_LIGHTNESS[scheme], SURFACE_CHROMA[scheme])


def palette(accent: str, second: str = "", style: str = DEFAULT_STYLE) -> Palette:
    """The light and dark colours made from an accent, an optional second colour and a style
    (not checked: see `check`)."""
    accent = colours.parse(accent)
    tint = colours.parse(second) if second else accent
    chosen = STYLES[style]
    return Palette(
        light=Scheme(accent, surface(tint, "light"), chosen.light),
        dark=Scheme(dark_accent(accent), surface(tint, "dark"), chosen.dark),
    )


# (what the reader sees, the foreground, the background, the ratio needed) for one scheme.
def pairs(scheme: Scheme) -> list[tuple[str, str, str, float]]:
    n = scheme.neutrals
    return [
        ("links", scheme.accent, n.background, TEXT),
        ("button labels", n.background, scheme.accent, TEXT),
        ("links in callouts and the crisis box", scheme.accent, scheme.surface, TEXT),
        ("text in callouts and the crisis box", n.text, scheme.surface, TEXT),
        ("quieter text in callouts and cards", n.muted, scheme.surface, TEXT),
        ("focus rings", scheme.accent, n.background, UI),
    ]


def failures(chosen: Palette) -> list[tuple[str, str, float, float]]:
    """(scheme, what, ratio found, ratio needed) for every pair that is too faint."""
    found = []
    for name, scheme in (("light", chosen.light), ("dark", chosen.dark)):
        for what, fore, back, needed in pairs(scheme):
            ratio = colours.contrast(fore, back)
            if ratio < needed:
                found.append((name, what, ratio, needed))
    return found


def nearest_passing(accent: str, second: str = "", style: str = DEFAULT_STYLE) -> str | None:
    """The shade of `accent` nearest in OKLCH lightness whose palette passes, or None."""
    for shade in colours.lightness_steps(accent):
        if not failures(palette(shade, second, style)):
            return shade
    return None


def check(accent: str, second: str = "", style: str = DEFAULT_STYLE) -> Palette:
    """The palette, or Unreadable saying which pair fails, by how much, and what would pass."""
    if style not in STYLES:
        names = ", ".join(STYLES)
        raise Unreadable(f"“{style}” is not a style; choose one of {names}.")
    try:
        chosen = palette(accent, second, style)
    except colours.NotAColour as error:
        raise Unreadable(str(error)) from error
    failed = failures(chosen)
    if not failed:
        return chosen
    scheme, what, ratio, needed = failed[0]
    suggestion = nearest_passing(accent, second, style)
    mode = "dark mode" if scheme == "dark" else "light mode"
    message = (
        f"{colours.parse(accent)} would make {what} too faint to read in {mode} with the "
        f"{STYLES[style].label.lower()} style: {ratio:.2f}:1, where WCAG 2.2 AA needs at "
        f"least {needed:g}:1."
    )
    if suggestion:
        message += f" The nearest shade that passes is {suggestion}."
    raise Unreadable(message, suggestion)
