"""Draw the demo's pictures into quietroom/demo/data/media/: run again after changing a drawing.

The demo loads the files committed there; it never draws. Needs Pillow (a dependency of
Wagtail). Usage: .venv/bin/python tools/draw_demo_images.py
"""

import sys
from pathlib import Path

from demo_images.heroes import HEROES, render_jpeg
from demo_images.portraits import PEOPLE, render_logo, render_portrait

MEDIA = Path(__file__).resolve().parent.parent / "quietroom" / "demo" / "data" / "media"
# Where the WXR's attachment addresses point (wp-content/uploads/2026/06/<motif>.jpg).
HEROES_DIR = MEDIA / "2026" / "06"
# The heroes are shown at most 800 pixels wide, twice that for sharp screens; a lower
# quality than a photograph's keeps the files, which are in git, small.
HERO_QUALITY = 72
PORTRAIT_QUALITY = 78


def draw(media: Path = MEDIA) -> list[Path]:
    """Write every hero, portrait and the logo under `media`; return the files written."""
    heroes = media / HEROES_DIR.relative_to(MEDIA)
    heroes.mkdir(parents=True, exist_ok=True)
    written = []
    for motif in HEROES:
        written.append(_write(heroes / f"{motif}.jpg", render_jpeg(motif, HERO_QUALITY)))
    for slug in PEOPLE:
        written.append(_write(media / f"{slug}.jpg", render_portrait(slug, PORTRAIT_QUALITY)))
    written.append(_write(media / "logo.png", render_logo()))
    return written


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


if __name__ == "__main__":
    for path in draw(Path(sys.argv[1]) if len(sys.argv) > 1 else MEDIA):
        sys.stdout.write(f"{path} ({path.stat().st_size // 1024} KB)\n")
