"""A bar chart of views per day, laid out on the server for an inline SVG: no script, no
library from another origin. The template draws it; this module only places the bars."""

import math
from dataclasses import dataclass

from quietroom.stats.report import Day

SLOT = 10  # the width of one day in the SVG's own units; the page stretches it to fit
HEIGHT = 100  # the busiest day's bar, at the top of the scale, in the same units


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: Day


@dataclass(frozen=True)
class Tick:
    y: float
    value: int


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]  # the top of the scale first
    description: str

    @property
    def first(self) -> Day | None:
        return self.bars[0].day if self.bars else None

    @property
    def last(self) -> Day | None:
        return self.bars[-1].day if self.bars else None


def nice_top(value: int) -> int:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at or above `value` (at least 4)."""
    if value <= 4:
        return 4
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return int(step * power)
    return 10 * power  # pragma: no cover - the loop always returns


def bar_chart(daily: tuple[Day, ...]) -> Chart:
    """Bars for `daily` (views, not automated requests), scaled to a round number at or above
    the busiest day. The SVG is stretched to the page's width (its text is HTML beside it,
    so it stays legible on a phone)."""
    top = nice_top(max((day.views for day in daily), default=0))
    gap = SLOT * 0.15
    bars = tuple(
        Bar(
            x=round(n * SLOT + gap / 2, 2),
            y=round(HEIGHT - day.views / top * HEIGHT, 2),
            width=round(SLOT - gap, 2),
            height=round(day.views / top * HEIGHT, 2),
            day=day,
        )
        for n, day in enumerate(daily)
    )
    ticks = tuple(
        Tick(y=round(HEIGHT - fraction * HEIGHT, 2), value=round(top * fraction))
        for fraction in (1, 0.5, 0)
    )
    return Chart(max(len(daily), 1) * SLOT, HEIGHT, bars, ticks, describe(daily))


def describe(daily: tuple[Day, ...]) -> str:
    """The chart in one sentence, for a screen reader."""
    if not daily:
        return "No days to show."
    total = sum(day.views for day in daily)
    busiest = max(daily, key=lambda day: (day.views, day.day))
    if not total:
        return f"No views counted from {daily[0].day:%-d %B %Y} to {daily[-1].day:%-d %B %Y}."
    return (
        f"{total} views from {daily[0].day:%-d %B %Y} to {daily[-1].day:%-d %B %Y}; "
        f"the busiest day was {busiest.day:%-d %B %Y} with {busiest.views}."
    )
