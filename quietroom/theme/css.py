"""Stylesheets written for people, compacted once for inlining (and hashed from the same text)."""

import re
from functools import cache
from pathlib import Path

from quietroom.theme.palette import STYLES

STATIC = Path(__file__).resolve().parent / "static" / "theme"
BASE = "quietroom.css"

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SPACE = re.compile(r"\s+")
# Spaces around these never matter in CSS (`+`, `-` and `>` are left alone: calc() needs them
# spaced, and a compact `>` buys little).
_PUNCTUATION = re.compile(r"\s*([{};,])\s*|(?<=:)\s+|\s+(?=!important)")


def compact(css: str) -> str:
    """`css` without comments and without the spaces a browser ignores."""
    text = _SPACE.sub(" ", _COMMENT.sub("", css)).strip()
    text = _PUNCTUATION.sub(lambda m: m.group(1) or "", text)
    return text.replace(";}", "}")


def source(name: str) -> str:
    return (STATIC / name).read_text()


@cache
def stylesheet(style: str) -> str:
    """The compacted sheet a page of `style` inlines: the base, then the style's own rules."""
    if style not in STYLES:
        raise ValueError(f"{style} is not one of the styles {tuple(STYLES)}")
    return compact(source(BASE) + "\n" + source(f"styles/{style}.css"))


def stylesheets() -> list[str]:
    """Every sheet a page may inline whatever the practice's colours: one per style."""
    return [stylesheet(style) for style in STYLES]


def colour_sheet(light: dict[str, str], dark: dict[str, str]) -> str:
    """A site's colours as custom properties, dark ones for `prefers-color-scheme: dark`."""

    def declarations(values):
        return ";".join(f"--{name}:{value}" for name, value in values.items())

    return (
        f":root{{{declarations(light)}}}"
        f"@media (prefers-color-scheme:dark){{:root{{{declarations(dark)}}}}}"
    )
