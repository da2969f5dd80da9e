"""What counting readers (quietroom.stats) costs the cached article: the same server measured
with the site's counting on and off in turn, twice each, in one run; a ratio, never a limit."""

from bench.measure import quietroom, wrk

# A reader as counted at its dearest: a browser's user agent and a link from another site.
READER = (
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Referer: https://www.example.org/some/page",
)
SWITCH = """
from wagtail.models import Site
from quietroom.core.models import ReaderCounting
setting = ReaderCounting.for_site(Site.objects.get(is_default_site=True))
setting.count_readers = {on}
setting.save()
"""


def switch(env: dict, on: bool) -> None:
    """Turn the demo site's counting on or off, as its settings page does (the server reads
    the table of sites again, and its cached pages are stored anew)."""
    quietroom("shell", "-c", SWITCH.format(on=on), env=env)


def counting_cost(base: str, path: str, env: dict, seconds: int, rounds: int = 3) -> dict:
    """Mean requests/s of `path` with counting on and with it off, in alternating turns."""
    measured: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(rounds):
        for on in (False, True):
            switch(env, on)
            wrk(base + path, seconds=1, headers=READER)  # the page cached again, warm
            measured[on].append(wrk(base + path, seconds=seconds, headers=READER)["rps"])
    switch(env, True)
    return {on: sum(runs) / len(runs) for on, runs in measured.items()}


def row(cost: dict) -> tuple[str, str, str, str]:
    on, off = cost[True], cost[False]
    return (
        "article req/s, counting on / off",
        f"{on:,.0f}",
        f"{off:,.0f} off",
        f"{on / off:.1%} of off (target: within 5 %), same server, alternating turns",
    )
