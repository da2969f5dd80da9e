"""Calm illustrated hero images for the demo site, drawn with Pillow."""

import io
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageOps

WIDTH, HEIGHT = 1600, 900

# Everything is drawn on a canvas twice the final size, then downscaled for smooth edges.
SCALE = 2
CW, CH = WIDTH * SCALE, HEIGHT * SCALE

Color = tuple[int, int, int]
Point = tuple[float, float]
Waves = Sequence[tuple[float, float, float]]  # (amplitude, period, phase) terms of a curve

CREAM = "#f4ecdf"
SAGE_PALE = "#c9d2bc"
SAGE = "#a3b394"
SAGE_DEEP = "#7d9377"
SAGE_DARK = "#5f7563"
BLUE_PALE = "#d7e0e4"
TERRA = "#c98c6d"
TERRA_SOFT = "#dfaa8d"
WOOD = "#a7825f"
WOOD_DARK = "#7c604a"


@dataclass(frozen=True)
class Hero:
    motif: str
    alt: str
    draw: Callable[[], Image.Image]


# --- shared helpers -------------------------------------------------------------------------


def rgb(color: str) -> Color:
    """A '#rrggbb' string as an RGB tuple."""
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def rgba(color: str, alpha: int) -> tuple[int, int, int, int]:
    return (*rgb(color), alpha)


def mix(a: str, b: str, t: float) -> Color:
    """Linear blend between two colours, t=0 gives a and t=1 gives b."""
    (r1, g1, b1), (r2, g2, b2) = rgb(a), rgb(b)
    return round(r1 + (r2 - r1) * t), round(g1 + (g2 - g1) * t), round(b1 + (b2 - b1) * t)


def gradient(stops: Sequence[tuple[float, str]], size: tuple[int, int] = (CW, CH)) -> Image.Image:
    """A vertical multi-stop gradient, built as a 1x256 strip and stretched to size."""
    strip = Image.new("RGB", (1, 256))
    for row in range(256):
        pos = row / 255
        lower = max((s for s in stops if s[0] <= pos), key=lambda s: s[0], default=stops[0])
        upper = min((s for s in stops if s[0] >= pos), key=lambda s: s[0], default=stops[-1])
        span = upper[0] - lower[0]
        t = (pos - lower[0]) / span if span else 0.0
        strip.putpixel((0, row), mix(lower[1], upper[1], t))
    return strip.resize(size, Image.Resampling.BILINEAR)


@lru_cache(maxsize=4)
def _radial_base(power: float) -> Image.Image:
    """A 256x256 soft round falloff mask: 255 at the centre, 0 at the rim."""
    lut = [round(255 * max(0.0, 1 - v / 181) ** power) for v in range(256)]
    return Image.radial_gradient("L").point(lut)


def glow(img: Image.Image, center: Point, radius: tuple[int, int], color: str, strength: float):
    """Lay a soft radial glow of colour over the image."""
    rx, ry = radius
    mask = _radial_base(2.0).resize((2 * rx, 2 * ry), Image.Resampling.BICUBIC)
    mask = mask.point(lambda v: round(v * strength))
    img.paste(rgb(color), (round(center[0] - rx), round(center[1] - ry)), mask)


def hill_y(base: float, waves: Waves, x: float) -> float:
    """Height of a wavy curve at x: base minus a sum of sine terms."""
    return base - sum(a * math.sin(2 * math.pi * x / p + ph) for a, p, ph in waves)


def wave(base: float, waves: Waves, step: int = 16) -> list[Point]:
    """Points of a gentle curve running across the whole canvas."""
    return [(x, hill_y(base, waves, x)) for x in range(-step, CW + 2 * step, step)]


def hill(draw: ImageDraw.ImageDraw, color, base: float, waves: Waves, bottom: float = CH) -> None:
    """Fill a rolling hill from a wavy top edge down to bottom."""
    top = wave(base, waves)
    draw.polygon([*top, (CW + 40, bottom + 10), (-40, bottom + 10)], fill=color)


def shaded_hill(img: Image.Image, top: str, bottom: str, base: float, waves: Waves) -> None:
    """A rolling hill filled with a vertical gradient from its crest to the canvas bottom."""
    crest = round(base - sum(abs(a) for a, _, _ in waves))
    fill = gradient([(0, top), (1, bottom)], (CW, CH - crest))
    mask = Image.new("L", (CW, CH), 0)
    ImageDraw.Draw(mask).polygon([*wave(base, waves), (CW + 40, CH + 10), (-40, CH + 10)], fill=255)
    img.paste(fill, (0, crest), mask.crop((0, crest, CW, CH)))


def leaf(base: Point, angle: float, length: float, width: float, n: int = 10) -> list[Point]:
    """An almond-shaped leaf growing from base in direction angle (degrees, 0 = right)."""
    rad = math.radians(angle)
    ux, uy = math.cos(rad), math.sin(rad)
    side, back = [], []
    for i in range(n + 1):
        t = i / n
        half = width / 2 * math.sin(math.pi * t) ** 0.8
        cx, cy = base[0] + ux * length * t, base[1] + uy * length * t
        side.append((cx - uy * half, cy + ux * half))
        back.append((cx + uy * half, cy - ux * half))
    return side + back[::-1]


def ellipse(draw: ImageDraw.ImageDraw, center: Point, rx: float, ry: float, fill) -> None:
    cx, cy = center
    draw.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=fill)


def finish(img: Image.Image) -> Image.Image:
    """Downscale the 2x canvas to the final RGB hero size."""
    return img.convert("RGB").resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)


def potted_plant(draw: ImageDraw.ImageDraw, x: float, floor: float, size: float) -> None:
    """A terracotta pot with a fan of sage leaves, standing on floor."""
    pot_h, top_w, bottom_w = 0.55 * size, 0.62 * size, 0.44 * size
    top = floor - pot_h
    colors = [SAGE_DEEP, SAGE, SAGE_DARK, SAGE, SAGE_DEEP, SAGE, SAGE_DARK]
    for i, angle in enumerate(range(-160, -10, 25)):
        length = size * (0.95 + 0.3 * math.sin(i * 1.7))
        draw.polygon(leaf((x, top + 4), angle, length, size * 0.3), fill=colors[i])
    draw.polygon(
        [
            (x - top_w / 2, top),
            (x + top_w / 2, top),
            (x + bottom_w / 2, floor),
            (x - bottom_w / 2, floor),
        ],
        fill=TERRA,
    )
    rim = 0.09 * size
    draw.rounded_rectangle(
        (x - top_w / 2 - 6, top - 4, x + top_w / 2 + 6, top + rim), radius=6, fill=TERRA_SOFT
    )


def backdrop(stops: Sequence[tuple[float, str]]) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A fresh canvas filled with a vertical gradient, with a blending draw handle."""
    img = gradient(stops)
    return img, ImageDraw.Draw(img, "RGBA")


# --- armchairs ------------------------------------------------------------------------------


def _armchair(color: str, shade: str, flip: bool) -> Image.Image:
    """A side-on armchair facing right (or left when flipped) on a transparent layer."""
    layer = Image.new("RGBA", (640, 760), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    d.rounded_rectangle((30, 60, 220, 670), radius=95, fill=shade)
    d.rounded_rectangle((170, 250, 290, 440), radius=50, fill=mix(color, shade, 0.5))
    d.rounded_rectangle((150, 380, 610, 690), radius=70, fill=color)
    d.rounded_rectangle((150, 380, 610, 470), radius=45, fill=mix(color, CREAM, 0.22))
    d.rounded_rectangle((150, 630, 610, 690), radius=30, fill=mix(color, shade, 0.6))
    for x in (120, 560):
        d.polygon([(x, 680), (x + 40, 680), (x + 34, 755), (x + 8, 755)], fill=WOOD_DARK)
    return ImageOps.mirror(layer) if flip else layer


def _room_window(img: Image.Image, draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int]):
    """A four-pane window showing pale sky and a distant hill."""
    x0, y0, x1, y1 = box
    view = gradient([(0, BLUE_PALE), (1, "#efe6d6")], (x1 - x0, y1 - y0))
    vd = ImageDraw.Draw(view)
    vd.polygon(
        [
            (0, 0.72 * (y1 - y0)),
            (0.5 * (x1 - x0), 0.6 * (y1 - y0)),
            (x1 - x0, 0.7 * (y1 - y0)),
            (x1 - x0, y1 - y0),
            (0, y1 - y0),
        ],
        fill=SAGE_PALE,
    )
    img.paste(view, (x0, y0))
    frame = "#fbf6ee"
    draw.rectangle(box, outline=frame, width=34)
    draw.rectangle(((x0 + x1) // 2 - 14, y0, (x0 + x1) // 2 + 14, y1), fill=frame)
    draw.rectangle((x0, (y0 + y1) // 2 - 14, x1, (y0 + y1) // 2 + 14), fill=frame)
    draw.rounded_rectangle((x0 - 50, y1 - 6, x1 + 50, y1 + 34), radius=10, fill=frame)


def draw_armchairs() -> Image.Image:
    img, d = backdrop([(0, "#f3eadb"), (0.69, "#ece0cc"), (0.7, "#dcc7a6"), (1, "#d2b894")])
    d.rectangle((0, 1240, CW, 1262), fill="#efe4d2")
    _room_window(img, d, (1190, 250, 2010, 980))
    ellipse(d, (1600, 1590), 1120, 170, TERRA_SOFT)
    ellipse(d, (1600, 1590), 1050, 140, "#e4b69c")
    ellipse(d, (1600, 1590), 1030, 128, TERRA_SOFT)
    left = _armchair(SAGE, SAGE_DEEP, flip=False)
    right = _armchair("#d8bf9b", "#c3a67f", flip=True)
    img.paste(left, (600, 850), left)
    img.paste(right, (CW - 600 - 640, 850), right)
    d.rounded_rectangle((1380, 1330, 1820, 1372), radius=16, fill=WOOD)
    for x in (1420, 1752):
        d.rectangle((x, 1372, x + 28, 1540), fill=WOOD_DARK)
    potted_plant(d, 1600, 1332, 230)
    return finish(img)


# --- rain on a window -----------------------------------------------------------------------


def _rain(draw: ImageDraw.ImageDraw, pane: tuple[int, int, int, int], rng: random.Random):
    """Raindrops with faint trails running down one pane of glass."""
    x0, y0, x1, y1 = pane
    for i in range(14):
        x, y = rng.uniform(x0 + 30, x1 - 30), rng.uniform(y0 + 120, y1 - 30)
        r = rng.uniform(8, 16)
        if i % 3:
            trail = rng.uniform(80, min(460, y - y0 - 10))
            steps = [(x + 5 * math.sin(k * 0.9 + x), y - trail * (1 - k / 8)) for k in range(9)]
            draw.line(steps, fill=(255, 250, 240, 45), width=round(r * 0.5), joint="curve")
        drop = [(x + r * math.sin(a / 8), y + r * math.cos(a / 8)) for a in range(-22, 23)]
        draw.polygon([*drop, (x, y - r * 1.9)], fill=(255, 250, 242, 140))
        ellipse(draw, (x - r * 0.35, y - r * 0.1), r * 0.28, r * 0.36, (255, 255, 250, 200))
    for _ in range(26):
        x, y = rng.uniform(x0 + 20, x1 - 20), rng.uniform(y0 + 20, y1 - 20)
        ellipse(draw, (x, y), 4, 5, (255, 250, 240, 110))


def _warm_view(size: tuple[int, int]) -> Image.Image:
    """The blurred warm evening seen through the glass."""
    w, h = size
    view = gradient([(0, "#e9cfae"), (0.55, "#f3dcbc"), (1, "#e2c5a3")], size)
    glow(view, (0.68 * w, 0.42 * h), (int(0.55 * w), int(0.5 * h)), "#fbe7c8", 0.9)
    vd = ImageDraw.Draw(view, "RGBA")
    for i, color in enumerate(("#cbb79c", "#b9ab93")):
        top = [
            (x, 0.7 * h + 40 * i - 50 * math.sin(x / w * 5 + i * 2)) for x in range(0, w + 20, 20)
        ]
        vd.polygon([*top, (w, h), (0, h)], fill=rgba(color, 200))
    return view


def draw_rain_window() -> Image.Image:
    img, d = backdrop([(0, "#93a5b0"), (1, "#7d909c")])
    x0, y0, x1, y1 = 860, 190, 2340, 1400
    img.paste(_warm_view((x1 - x0, y1 - y0)), (x0, y0))
    rng = random.Random(2)
    mx, my = (x0 + x1) // 2, (y0 + y1) // 2
    for pane in ((x0, y0, mx, my), (mx, y0, x1, my), (x0, my, mx, y1), (mx, my, x1, y1)):
        _rain(d, pane, rng)
    frame = "#eee4d4"
    d.rectangle((x0, y0, x1, y1), outline=frame, width=44)
    d.rectangle((mx - 20, y0, mx + 20, y1), fill=frame)
    d.rectangle((x0, my - 20, x1, my + 20), fill=frame)
    d.rectangle((x0 - 20, y0 - 20, x1 + 20, y1 + 20), outline="#d9cdb9", width=18)
    d.rounded_rectangle((x0 - 90, y1 + 10, x1 + 90, y1 + 78), radius=14, fill="#f1e8da")
    d.rectangle((x0 - 60, y1 + 78, x1 + 60, y1 + 100), fill="#c9bca7")
    potted_plant(d, x0 + 220, y1 + 14, 260)
    return finish(img)


# --- hills at sunrise -----------------------------------------------------------------------


def draw_hills_sunrise() -> Image.Image:
    img, d = backdrop([(0, "#cddae0"), (0.35, "#e6e4da"), (0.6, "#f4e2cc"), (1, "#f1d2b5")])
    glow(img, (2050, 930), (900, 700), "#f8ddbd", 0.85)
    ellipse(d, (2050, 930), 210, 210, "#f1bf92")
    for cx, cy, w in ((900, 380, 520), (2500, 270, 380)):
        d.rounded_rectangle(
            (cx - w, cy - 18, cx + w, cy + 18), radius=18, fill=(250, 244, 234, 150)
        )
        d.rounded_rectangle(
            (cx - w * 0.55, cy - 58, cx + w * 0.4, cy - 26), radius=16, fill=(250, 244, 234, 110)
        )
    layers = [
        (1010, "#c5cfc4", [(70, 2300, 0.5), (25, 900, 1.3)]),
        (1120, "#afbea8", [(90, 2700, 2.1), (30, 1100, 0.2)]),
        (1260, "#98ad8e", [(100, 2500, 3.6), (35, 1300, 1.0)]),
        (1430, "#7f9878", [(110, 3000, 1.2), (30, 1500, 2.6)]),
        (1620, "#687f65", [(90, 2600, 4.4), (25, 1200, 0.7)]),
    ]
    for base, color, waves in layers:
        hill(d, color, base, waves)
    return finish(img)


# --- a tree at dusk -------------------------------------------------------------------------

DUSK_HILL = [(150, 5600, -0.27), (14, 1500, 0.4)]


def _tree(d: ImageDraw.ImageDraw, x: float, ground: float) -> None:
    """A rounded tree: tapering trunk, two branches and a clustered crown."""
    trunk = "#5b4a45"
    d.polygon(
        [
            (x - 48, ground + 20),
            (x + 48, ground + 20),
            (x + 20, ground - 520),
            (x - 20, ground - 520),
        ],
        fill=trunk,
    )
    d.line((x, ground - 300, x - 170, ground - 520), fill=trunk, width=26)
    d.line((x + 6, ground - 360, x + 190, ground - 560), fill=trunk, width=22)
    crown = [
        (0, -700, 270),
        (-220, -600, 200),
        (220, -610, 210),
        (-110, -820, 190),
        (130, -830, 200),
        (-300, -470, 130),
        (300, -480, 140),
        (10, -520, 200),
    ]
    for dx, dy, r in crown:
        ellipse(d, (x + dx, ground + dy), r, r * 0.92, "#56685b")
    for dx, dy, r in ((-60, -760, 150), (160, -700, 120), (-230, -640, 110)):
        ellipse(d, (x + dx - 20, ground + dy - 25), r, r * 0.85, "#63776a")


def draw_tree_dusk() -> Image.Image:
    img, d = backdrop([(0, "#5f7186"), (0.35, "#8b93a6"), (0.62, "#c7a9a0"), (0.8, "#e2b99a")])
    glow(img, (1100, 1250), (1400, 600), "#efc9a6", 0.7)
    hill(d, "#8c8f98", 1330, [(60, 2200, 2.0), (20, 900, 0.3)])
    hill(d, "#6f7c75", 1480, DUSK_HILL)
    hill(d, "#5d6b63", 1700, [(40, 3000, 1.5)])
    tree_x = 1640
    _tree(d, tree_x, hill_y(1480, DUSK_HILL, tree_x))
    drift = [
        (2010, 760, 30),
        (2200, 930, -40),
        (2060, 1080, 75),
        (2380, 1120, 10),
        (1270, 1010, -25),
        (2520, 870, 55),
        (1140, 1200, 110),
    ]
    for i, (x, y, angle) in enumerate(drift):
        color = (TERRA, "#dcb78c", "#c7866a")[i % 3]
        d.polygon(leaf((x, y), angle, 84, 38), fill=color)
    return finish(img)


# --- stepping stones ------------------------------------------------------------------------


def _stone(d: ImageDraw.ImageDraw, center: Point, rx: float) -> None:
    """A flat stone on water, with its shadow, body and a lighter top."""
    x, y = center
    ry = rx * 0.36
    ellipse(d, (x + rx * 0.05, y + ry * 0.55), rx * 1.08, ry * 0.9, (90, 115, 130, 70))
    ellipse(d, (x, y + ry * 0.18), rx, ry, "#b3a896")
    ellipse(d, (x - rx * 0.04, y - ry * 0.02), rx * 0.94, ry * 0.84, "#d2c8b6")
    ellipse(d, (x - rx * 0.22, y - ry * 0.25), rx * 0.45, ry * 0.3, (240, 234, 222, 120))


def _ripples(d: ImageDraw.ImageDraw, top: int, rng: random.Random) -> None:
    """Short pale ripple strokes, longer and thicker toward the viewer."""
    for _ in range(46):
        y = rng.uniform(top + 40, CH - 20)
        depth = (y - top) / (CH - top)
        length = 40 + 260 * depth * rng.uniform(0.5, 1)
        x = rng.uniform(-50, CW)
        half = 2 + 4 * depth
        d.rounded_rectangle(
            (x, y - half, x + length, y + half), radius=half, fill=(236, 242, 242, 100)
        )


def draw_stepping_stones() -> Image.Image:
    img, d = backdrop(
        [(0, "#d5e0e3"), (0.3, "#ede6d8"), (0.46, "#ede6d8"), (0.47, "#b9cbd2"), (1, "#8ea7b5")]
    )
    far, bank = [(40, 2600, 1.0)], [(50, 3900, 0.3), (22, 1300, 1.8)]
    hill(d, "#b7c3ac", 560, far, bottom=860)
    for x, r in ((300, 110), (470, 80), (2600, 130), (2790, 95), (2950, 120)):
        ellipse(d, (x, hill_y(560, far, x) + 10), r, r * 0.85, "#93a78c")
    hill(d, SAGE, 700, bank, bottom=846)
    d.rectangle((0, 846, CW, 900), fill=(110, 138, 128, 80))
    _ripples(d, 900, random.Random(5))
    path = [
        (1520, 1690, 280),
        (1760, 1440, 215),
        (1640, 1220, 165),
        (1790, 1060, 125),
        (1700, 950, 95),
        (1770, 875, 72),
    ]
    for x, y, rx in reversed(path):
        _stone(d, (x, y), rx)
    for x in range(60, CW, 150):
        gy = hill_y(700, bank, x) + 12
        for dx, ang in ((-14, -110), (0, -90), (14, -70)):
            d.polygon(leaf((x + dx, gy), ang, 60, 12), fill="#8fa384")
    return finish(img)


# --- a house at night -----------------------------------------------------------------------


def _moon(img: Image.Image, center: Point, r: int) -> None:
    """A soft crescent moon with a faint halo."""
    glow(img, center, (r * 4, r * 4), "#8d9bb0", 0.45)
    mask = Image.new("L", (2 * r, 2 * r), 0)
    md = ImageDraw.Draw(mask)
    md.ellipse((0, 0, 2 * r - 1, 2 * r - 1), fill=255)
    md.ellipse((0.42 * r, -0.32 * r, 2.32 * r, 1.58 * r), fill=0)
    img.paste(rgb("#f2e6c9"), (round(center[0] - r), round(center[1] - r)), mask)


def _stars(d: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A handful of small four-pointed stars and dots scattered in the upper sky."""
    spots = [
        (420, 260),
        (760, 520),
        (1120, 180),
        (1500, 420),
        (1880, 240),
        (2060, 600),
        (2900, 640),
        (3020, 230),
        (640, 900),
        (260, 680),
        (1300, 720),
    ]
    for x, y in spots:
        s = rng.uniform(10, 22)
        c = (242, 232, 208, rng.randint(170, 235))
        d.polygon([(x, y - s * 2), (x + s * 0.45, y), (x, y + s * 2), (x - s * 0.45, y)], fill=c)
        d.polygon([(x - s * 2, y), (x, y - s * 0.45), (x + s * 2, y), (x, y + s * 0.45)], fill=c)


def _house(img: Image.Image, d: ImageDraw.ImageDraw, x: int, ground: int) -> None:
    """A small house with a chimney, a door and one warmly lit window."""
    d.rectangle((x + 90, ground - 470, x + 160, ground - 340), fill="#5a4c4f")
    d.rectangle((x - 230, ground - 330, x + 230, ground), fill="#8f7469")
    glow(img, (x - 150, ground - 200), (230, 210), "#f0c27f", 0.35)
    d.polygon([(x - 280, ground - 310), (x + 280, ground - 310), (x, ground - 540)], fill="#5a4c4f")
    d.rectangle((x - 210, ground - 260, x - 90, ground - 140), fill="#f4d195")
    d.rectangle((x - 156, ground - 260, x - 144, ground - 140), fill="#c99a67")
    d.rectangle((x - 210, ground - 206, x - 90, ground - 194), fill="#c99a67")
    d.rounded_rectangle((x + 50, ground - 200, x + 150, ground), radius=10, fill="#5e4d4b")
    d.polygon(
        [(x + 40, ground), (x + 160, ground), (x + 360, CH), (x - 120, CH)],
        fill=(200, 190, 160, 45),
    )


def draw_night_house() -> Image.Image:
    img, d = backdrop([(0, "#2f3d52"), (0.55, "#46586f"), (0.8, "#627690")])
    _stars(d, random.Random(7))
    _moon(img, (2450, 380), 150)
    d = ImageDraw.Draw(img, "RGBA")
    hill(d, "#415366", 1190, [(80, 2900, 0.4), (25, 1100, 2.0)])
    ground = [(60, 4200, 1.2), (15, 1300, 0.6)]
    hill(d, "#465b55", 1380, ground)
    _house(img, d, 1600, round(hill_y(1380, ground, 1600)) + 30)
    for x, r in ((1210, 90), (1300, 60), (1980, 80)):
        ellipse(d, (x, hill_y(1380, ground, x) + 40), r, r * 0.7, "#3c4f4a")
    return finish(img)


# --- a garden gate --------------------------------------------------------------------------

FENCE = "#cfad87"
FENCE_SHADE = "#b5926f"


def _picket(d: ImageDraw.ImageDraw, x: float, base: float, w: float, h: float, fill) -> None:
    d.polygon(
        [
            (x, base),
            (x, base - h),
            (x + w / 2, base - h - w * 0.55),
            (x + w, base - h),
            (x + w, base),
        ],
        fill=fill,
    )


def _fence(d: ImageDraw.ImageDraw, base: int, gap: tuple[int, int]) -> None:
    """Rails and pointed pickets across the width, leaving a gap for the gate."""
    for left, right in ((-20, gap[0]), (gap[1], CW + 20)):
        for y in (base - 250, base - 110):
            d.rectangle((left, y, right, y + 36), fill=FENCE_SHADE)
        for x in range(left + 30, right - 60, 115):
            _picket(d, x, base, 66, 300, FENCE)
    for x in (gap[0] - 70, gap[1]):
        d.rectangle((x, base - 380, x + 70, base + 10), fill="#a98462")
        d.rectangle((x - 10, base - 400, x + 80, base - 370), fill="#bf9b76")


def _open_gate(d: ImageDraw.ImageDraw, hinge_x: float, base: float) -> None:
    """A painted gate swung open toward the viewer, foreshortened and growing nearer."""
    span, drop, grow = 300, 170, 0.22
    paint, shade = "#a9bcc8", "#8aa0af"

    def at(u: float, v: float) -> Point:
        return hinge_x + u * span, base + u * drop - v * (1 + grow * u)

    for v in (60, 230):
        d.polygon([at(0, v), at(1, v), at(1, v + 40), at(0, v + 40)], fill=shade)
    d.line([at(0.08, 90), at(0.92, 240)], fill=shade, width=24)
    for u0 in (0.0, 0.26, 0.52, 0.78):
        u1 = u0 + 0.22
        tip = at((u0 + u1) / 2, 345)
        d.polygon([at(u0, 0), at(u0, 300), tip, at(u1, 300), at(u1, 0)], fill=paint)


def _flowers(d: ImageDraw.ImageDraw, span: tuple[int, int], base: int, rng: random.Random):
    """A border of simple round flowers on stems with a few leaves."""
    colors = [TERRA, CREAM, "#8fa6ba", "#e8c987", TERRA_SOFT]
    for _ in range(26):
        x = rng.uniform(*span)
        y = base + rng.uniform(-10, 160)
        h = rng.uniform(140, 300)
        d.line((x, y, x + rng.uniform(-20, 20), y - h), fill=SAGE_DEEP, width=8)
        d.polygon(leaf((x, y - h * 0.3), rng.choice((-40, -140)), 70, 26), fill=SAGE)
        r, c = rng.uniform(24, 38), rng.choice(colors)
        for k in range(5):
            a = k * 2 * math.pi / 5
            ellipse(d, (x + math.cos(a) * r, y - h + math.sin(a) * r), r * 0.72, r * 0.72, c)
        ellipse(d, (x, y - h), r * 0.48, r * 0.48, "#d9a95f" if c != "#e8c987" else TERRA)


def draw_garden_gate() -> Image.Image:
    img, d = backdrop([(0, "#cfdde2"), (0.5, "#efe8da")])
    hill(d, "#b9c6ab", 820, [(60, 2800, 0.8), (20, 1000, 2.4)])
    shaded_hill(img, "#c3cfb3", "#a3b58f", 1080, [(30, 3400, 2.0)])
    base, gap = 1260, (1460, 1760)
    d.polygon([(gap[0] + 20, base), (gap[1] - 20, base), (2150, CH), (1050, CH)], fill="#e3cfaa")
    rng = random.Random(11)
    _fence(d, base, gap)
    _flowers(d, (60, gap[0] - 160), base, rng)
    _flowers(d, (gap[1] + 330, CW - 60), base, rng)
    _open_gate(d, gap[1], base)
    return finish(img)


# --- a lantern ------------------------------------------------------------------------------


def _lantern(img: Image.Image, d: ImageDraw.ImageDraw, x: int, base: int) -> None:
    """A lantern with a glowing glass body, a candle, a peaked cap and a ring handle."""
    metal, top = "#4e5753", base - 420
    d.rectangle((x - 140, top, x + 140, base - 40), fill="#efc283")
    glow(img, (x, base - 230), (150, 200), "#fdf0d2", 0.95)
    d.rounded_rectangle((x - 42, base - 200, x + 42, base - 40), radius=10, fill="#f8eedb")
    d.line((x, base - 200, x, base - 218), fill="#7a6656", width=6)
    d.polygon(leaf((x, base - 212), -90, 120, 50), fill="#f1a95c")
    d.polygon(leaf((x, base - 214), -90, 76, 26), fill="#fff5de")
    for px in (x - 158, x + 126):
        d.rectangle((px, top, px + 32, base - 40), fill=metal)
    d.rectangle((x - 158, top, x + 158, top + 22), fill=metal)
    d.rounded_rectangle((x - 175, base - 52, x + 175, base), radius=12, fill=metal)
    d.polygon(
        [(x - 180, top + 10), (x + 180, top + 10), (x + 70, top - 110), (x - 70, top - 110)],
        fill=metal,
    )
    d.rounded_rectangle((x - 30, top - 150, x + 30, top - 100), radius=14, fill=metal)
    d.ellipse((x - 70, top - 300, x + 70, top - 140), outline=metal, width=20)


def draw_lantern() -> Image.Image:
    img, d = backdrop([(0, "#3b4350"), (0.7, "#4a4b52")])
    glow(img, (1600, 1000), (1500, 1000), "#b5835c", 0.6)
    glow(img, (1600, 1100), (650, 560), "#e8b77e", 0.55)
    table = gradient([(0, "#a17c5e"), (1, "#8c6a50")], (CW, 260))
    img.paste(table, (0, 1360))
    d.rectangle((0, 1620, CW, CH), fill="#6c5242")
    d.rectangle((0, 1610, CW, 1632), fill="#b28e6f")
    for y, x0, x1 in ((1420, 100, 900), (1500, 2300, 3100), (1560, 400, 1200), (1450, 2100, 2700)):
        d.line((x0, y, x1, y), fill=(120, 90, 65, 90), width=6)
    glow(img, (1600, 1500), (700, 120), "#f2c58b", 0.6)
    _lantern(img, d, 1600, 1500)
    return finish(img)


# --- registry -------------------------------------------------------------------------------

HEROES: dict[str, Hero] = {
    hero.motif: hero
    for hero in (
        Hero(
            "armchairs",
            (
                "Illustration: a sage green and a sand-coloured armchair face each other across a "
                "low table with a potted plant, on a terracotta rug below a window."
            ),
            draw_armchairs,
        ),
        Hero(
            "rain-window",
            (
                "Illustration: raindrops run down a four-pane window with warm evening light "
                "beyond, and a potted plant sits on the cream sill."
            ),
            draw_rain_window,
        ),
        Hero(
            "hills-sunrise",
            (
                "Illustration: layers of rolling sage green hills under a pale sky, with a soft "
                "apricot sun rising behind them and two thin wisps of cloud."
            ),
            draw_hills_sunrise,
        ),
        Hero(
            "tree-dusk",
            (
                "Illustration: a single round tree stands on a gentle hill against a blue and "
                "peach dusk sky, a few terracotta and sand leaves drifting down."
            ),
            draw_tree_dusk,
        ),
        Hero(
            "stepping-stones",
            (
                "Illustration: flat stepping stones cross calm blue-grey water toward a grassy "
                "sage bank with rounded bushes beyond."
            ),
            draw_stepping_stones,
        ),
        Hero(
            "night-house",
            (
                "Illustration: a crescent moon and scattered stars above a small house on a dark "
                "green hill, one window warmly lit and a path leading to its door."
            ),
            draw_night_house,
        ),
        Hero(
            "garden-gate",
            (
                "Illustration: a low wooden picket fence with a blue gate swung open onto a sandy "
                "path, round flowers in soft colours blooming on both sides."
            ),
            draw_garden_gate,
        ),
        Hero(
            "lantern",
            (
                "Illustration: a lantern with a lit candle inside rests on a wooden table, its "
                "warm glow softening the dark wall behind it."
            ),
            draw_lantern,
        ),
    )
}


def render_jpeg(motif: str, quality: int = 85) -> bytes:
    """The motif drawn and encoded as a progressive JPEG."""
    buf = io.BytesIO()
    HEROES[motif].draw().save(buf, "JPEG", quality=quality, progressive=True, optimize=True)
    return buf.getvalue()
