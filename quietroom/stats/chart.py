"""A bar chart of views per day, laid out on the server for an inline SVG: no script, no
library from another origin. The template draws it; this module only places the bars."""

import math
from dataclasses import dataclass

from quietroom.stats.report import Day

LEFT = 40  # room for the scale's numbers
BOTTOM = 22  # room for the first and last dates


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
    plot_bottom: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    description: str

    @property
    def first(self) -> Day | None:
        return self.bars[0].day if self.bars else None

    @property
    def last(self) -> Day | None:
        return self.bars[-1].day if self.bars else None


def nice_top(value: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten at or above `value` (at least 4)."""
    if value <= 4:
        return 4
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def bar_chart(daily: tuple[Day, ...], width: int = 720, height: int = 180, left=LEFT) -> Chart:
    """Bars for `daily` (views, not automated requests), scaled to the busiest day."""
    top = nice_top(max((day.views for day in daily), default=0))
    plot_height = height - BOTTOM - 6
    plot_bottom = height - BOTTOM
    slot = (width - left) / max(len(daily), 1)
    gap = min(2.0, slot * 0.2)
    bars = tuple(
        Bar(
            x=round(left + n * slot + gap / 2, 2),
            y=round(plot_bottom - day.views / top * plot_height, 2),
            width=round(slot - gap, 2),
            height=round(day.views / top * plot_height, 2),
            day=day,
        )
        for n, day in enumerate(daily)
    )
    ticks = tuple(
        Tick(y=round(plot_bottom - fraction * plot_height, 2), value=round(top * fraction))
        for fraction in (0, 0.5, 1)
    )
    return Chart(width, height, plot_bottom, bars, ticks, describe(daily))


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
