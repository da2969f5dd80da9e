"""Illustrated portraits of the demo's fictional clinicians and the practice's logo, drawn with
Pillow: flat, warm shapes, never photographs of real people."""

import io
import math
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

from .heroes import ellipse, gradient, mix, rgb

WIDTH, HEIGHT = 800, 1000  # 4:5
SCALE = 2
CW, CH = WIDTH * SCALE, HEIGHT * SCALE


@dataclass(frozen=True)
class Person:
    slug: str
    alt: str
    backdrop: tuple[str, str]
    skin: str
    skin_shade: str
    hair: str
    top: str
    top_shade: str
    draw_hair: Callable
    extras: Callable | None = None
    lips: str = "#8c3f38"


def _shoulders(d: ImageDraw.ImageDraw, person: Person) -> None:
    """Shoulders and a rounded neckline, filling the lower third."""
    d.rounded_rectangle((120, 1440, CW - 120, CH + 400), radius=380, fill=person.top)
    d.polygon([(640, 1450), (800, 1660), (960, 1450)], fill=person.top_shade)
    d.rounded_rectangle((695, 1200, 905, 1540), radius=90, fill=person.skin_shade)
    d.pieslice((695, 1430, 905, 1640), 0, 180, fill=person.skin_shade)


def _head(d: ImageDraw.ImageDraw, person: Person, cx: float = 800, cy: float = 900) -> None:
    ellipse(d, (cx - 250, cy + 40), 42, 70, person.skin_shade)  # ears
    ellipse(d, (cx + 250, cy + 40), 42, 70, person.skin_shade)
    d.ellipse((cx - 255, cy - 320, cx + 255, cy + 330), fill=person.skin)


def _face(d: ImageDraw.ImageDraw, person: Person, cx: float = 800, cy: float = 900) -> None:
    """A few quiet lines: closed, smiling eyes, brows, a nose and a gentle smile."""
    line = rgb(person.hair)
    for side in (-1, 1):
        x = cx + side * 105
        d.arc((x - 48, cy - 10, x + 48, cy + 50), 200, 340, fill=line, width=12)
        d.arc((x - 60, cy - 110, x + 60, cy - 40), 210, 330, fill=line, width=14)
        ellipse(d, (x + side * 20, cy + 120), 46, 26, mix(person.skin, "#e8857a", 0.35))
    d.arc((cx - 30, cy + 20, cx + 30, cy + 140), 60, 120, fill=rgb(person.skin_shade), width=10)
    d.arc((cx - 90, cy + 120, cx + 90, cy + 230), 20, 160, fill=rgb(person.lips), width=13)


def _maya_hair(d: ImageDraw.ImageDraw, person: Person) -> None:
    ellipse(d, (800, 420), 230, 200, person.hair)  # a high, round puff
    d.pieslice((540, 560, 1060, 1080), 180, 360, fill=person.hair)
    d.ellipse((560, 610, 1040, 800), fill=person.hair)


def _maya_extras(d: ImageDraw.ImageDraw, person: Person) -> None:
    for x in (545, 1055):
        ellipse(d, (x, 1010), 22, 22, "#e0b04a")  # gold earrings
    d.rectangle((600, 410, 1000, 440), fill="#c98c6d")  # a terracotta headband


def _sam_hair(d: ImageDraw.ImageDraw, person: Person) -> None:
    d.pieslice((545, 560, 1055, 1120), 180, 360, fill=person.hair)
    d.polygon([(560, 800), (640, 560), (1000, 540), (1070, 760), (900, 680)], fill=person.hair)
    d.ellipse((600, 520, 1080, 760), fill=person.hair)  # a soft swoop to one side


def _sam_extras(d: ImageDraw.ImageDraw, person: Person) -> None:
    frame = rgb("#3b3a44")
    for x in (695, 905):
        d.ellipse((x - 78, 830, x + 78, 980), outline=frame, width=12)  # round glasses
    d.line((773, 895, 827, 895), fill=frame, width=10)
    for x, y in ((680, 1010), (712, 1030), (890, 1020), (925, 1005), (745, 1000)):
        ellipse(d, (x, y), 7, 7, "#c98a6a")  # freckles


def _daniel_hair(d: ImageDraw.ImageDraw, person: Person) -> None:
    d.pieslice((545, 570, 1055, 1000), 180, 360, fill=person.hair)
    d.ellipse((560, 560, 1040, 720), fill=person.hair)


def _daniel_extras(d: ImageDraw.ImageDraw, person: Person) -> None:
    # A short beard along the jaw and a moustache, the smile drawn again on top.
    beard = rgb("#3a2b24")
    d.chord((548, 640, 1052, 1232), 20, 160, fill=beard)
    d.ellipse((715, 1000, 885, 1050), fill=beard)
    d.chord((720, 1040, 880, 1150), 0, 180, fill=rgb("#f3e6dc"))
    d.arc((710, 1020, 890, 1130), 20, 160, fill=rgb("#6e3a33"), width=12)


PEOPLE = {
    person.slug: person
    for person in (
        Person(
            "maya-okafor",
            "An illustrated portrait: a smiling woman with deep brown skin, her black hair in a "
            "high round puff with a terracotta band, gold earrings and a mustard top, on a soft "
            "sage background.",
            ("#dfe6d6", "#c7d3bf"),
            "#7a4b32",
            "#6a3f29",
            "#1f1a17",
            "#d9a441",
            "#c08f34",
            _maya_hair,
            _maya_extras,
            lips="#d88a7a",
        ),
        Person(
            "sam-whitfield",
            "An illustrated portrait: a smiling person with pale freckled skin, short auburn "
            "hair swept to one side, round dark glasses and a denim-blue shirt, on a pale peach "
            "background.",
            ("#f6e2d3", "#ecc9b3"),
            "#f1c9ab",
            "#e2b394",
            "#9a4b2a",
            "#5f7fa6",
            "#4f6d92",
            _sam_hair,
            _sam_extras,
        ),
        Person(
            "daniel-reyes",
            "An illustrated portrait: a smiling man with warm brown skin, short black hair and "
            "a short beard, in a sage green sweater, on a pale blue background.",
            ("#dde7ec", "#c3d3dc"),
            "#b07a55",
            "#9c6a47",
            "#231d1a",
            "#7d9377",
            "#6b8066",
            _daniel_hair,
            _daniel_extras,
            lips="#6e3a33",
        ),
    )
}


def draw_portrait(slug: str) -> Image.Image:
    person = PEOPLE[slug]
    img = gradient([(0, person.backdrop[0]), (1, person.backdrop[1])], (CW, CH)).convert("RGBA")
    d = ImageDraw.Draw(img)
    ellipse(d, (800, 1000), 640, 640, mix(person.backdrop[0], "#ffffff", 0.35))  # soft halo
    _shoulders(d, person)
    # The head is drawn on its own layer and set a little lower, on a short neck.
    head = Image.new("RGBA", (CW, CH), (0, 0, 0, 0))
    h = ImageDraw.Draw(head)
    _head(h, person)
    person.draw_hair(h, person)
    _face(h, person)
    if person.extras:
        person.extras(h, person)
    img.alpha_composite(head, (0, 110))
    return img.convert("RGB").resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def render_portrait(slug: str, quality: int = 86) -> bytes:
    buf = io.BytesIO()
    draw_portrait(slug).save(buf, "JPEG", quality=quality, progressive=True, optimize=True)
    return buf.getvalue()


# --- the practice's logo --------------------------------------------------------------------

LOGO_SIZE = 384
LOGO_ALT = "Linden Tree Counselling"


def _linden_leaf(cx: float, cy: float, r: float, turn: float = -18) -> list[tuple[float, float]]:
    """A heart-shaped linden leaf with its tip turned a little, as points around its edge."""
    points = []
    for step in range(121):
        t = 2 * math.pi * step / 120
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        a = math.radians(turn)
        px, py = x * math.cos(a) - y * math.sin(a), x * math.sin(a) + y * math.cos(a)
        points.append((cx + px * r / 17, cy - py * r / 17))
    return points


def draw_logo(colour: str = "#2f6656", light: str = "#f7f6f2") -> Image.Image:
    """A round mark: a pale linden leaf with its stem and veins on the practice's green."""
    size = LOGO_SIZE * SCALE
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((8, 8, size - 8, size - 8), fill=colour)
    leaf_points = _linden_leaf(size / 2, size * 0.47, size * 0.3)
    d.polygon(leaf_points, fill=light)
    vein = rgb(colour)
    tip = (size * 0.5, size * 0.2)
    base = (size * 0.47, size * 0.72)
    d.line([base, tip], fill=vein, width=14)
    for t, side in ((0.35, -1), (0.45, 1), (0.58, -1), (0.66, 1)):
        x0 = base[0] + (tip[0] - base[0]) * t
        y0 = base[1] + (tip[1] - base[1]) * t
        d.line([(x0, y0), (x0 + side * size * 0.13, y0 - size * 0.07)], fill=vein, width=10)
    d.line([base, (size * 0.42, size * 0.84)], fill=light, width=16)  # the stem
    img = img.filter(ImageFilter.SMOOTH)
    return img.resize((LOGO_SIZE, LOGO_SIZE), Image.Resampling.LANCZOS)


def render_logo() -> bytes:
    buf = io.BytesIO()
    draw_logo().save(buf, "PNG", optimize=True)
    return buf.getvalue()
