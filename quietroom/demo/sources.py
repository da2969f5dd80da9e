"""The demo's data files: the practice's articles as a WordPress export, the rest in TOML."""

import tomllib
from functools import cache
from pathlib import Path

from quietroom.importers.wxr import Item, read_wxr

DATA_DIR = Path(__file__).resolve().parent / "data"
ARTICLES_WXR = DATA_DIR / "linden-tree.xml"
# The pictures: the export's attachments by their uploads path, the portraits and logo by name.
MEDIA_DIR = DATA_DIR / "media"
PRACTICE_TOML = DATA_DIR / "practice.toml"


def practice() -> dict:
    """Everything about the practice that a WordPress export cannot carry."""
    with open(PRACTICE_TOML, "rb") as handle:
        return tomllib.load(handle)


@cache
def article_slugs() -> tuple[str, ...]:
    """The slugs of the export's posts, in the order the file lists them."""
    return tuple(
        entry.slug
        for entry in read_wxr(ARTICLES_WXR)
        if isinstance(entry, Item) and entry.post_type == "post"
    )
