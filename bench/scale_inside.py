"""Run inside `quietroom shell` for bench/scale.py; prints one JSON line starting SCALE.

QUIETROOM_SCALE_STEP says what to do:
- `provision`: add N practices of M articles each (add_practice, then the articles as live
  pages with one revision each); the seconds each practice took.
- `render`: the uncached render of an article of the first and of the last practice, timed
  through the WSGI application with that practice's pages dropped from the cache first.
- `publish`: publish one article on the first practice; which other practices' pages had to
  be rendered again (their generation moved).
"""

import json
import os
import statistics
import sys
import time

from django.core.handlers.wsgi import WSGIHandler
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from quietroom.blog.models import ArticlePage, BlogIndexPage
from quietroom.core import generation
from quietroom.hosting.provision import add_practice
from quietroom.serving.wsgi import PageCacheApplication

STEP = os.environ["QUIETROOM_SCALE_STEP"]
PRACTICES = int(os.environ.get("QUIETROOM_SCALE_PRACTICES", "1000"))
ARTICLES = int(os.environ.get("QUIETROOM_SCALE_ARTICLES", "100"))
BODY = [
    {"type": "paragraph", "value": "<p>Sleep comes back slowly after a hard season.</p>"},
    {"type": "paragraph", "value": "<p>Small routines help more than big resolutions.</p>"},
]


def hostname(number: int) -> str:
    return f"p{number}.scale.example"


def provision() -> dict:
    seconds = []
    for number in range(1, PRACTICES + 1):
        started = time.perf_counter()
        with transaction.atomic():
            added = add_practice(hostname(number), f"Practice {number}", port=80)
            blog = BlogIndexPage.objects.descendant_of(added.home).get()
            for article in range(1, ARTICLES + 1):
                page = ArticlePage(
                    title=f"Resting well, part {article}",
                    slug=f"a-{article}",
                    summary="On sleep after a hard season.",
                    body=BODY,
                    first_published_at=timezone.now(),
                )
                blog.add_child(instance=page)
                page.save_revision().publish()
        seconds.append(time.perf_counter() - started)
    return {
        "practices": PRACTICES,
        "articles": ARTICLES,
        "seconds_per_practice_median": statistics.median(seconds),
        "seconds_total": sum(seconds),
    }


application = PageCacheApplication(WSGIHandler())


def get(host: str, path: str) -> int:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "HTTP_HOST": host,
        "wsgi.url_scheme": "http",
        "wsgi.input": sys.stdin.buffer,
        "wsgi.errors": sys.stderr,
    }
    status = []
    body = b"".join(application(environ, lambda s, h, *a: status.append(s)))
    assert status[0].startswith("200"), (host, path, status[0], body[:200])
    return len(body)


def uncached_ms(number: int, rounds: int = 7) -> float:
    site = Site.objects.get(hostname=hostname(number))
    path = f"/articles/a-{ARTICLES // 2 or 1}/"
    get(site.hostname, path)  # the process's own first-use work is not the figure
    times = []
    for _ in range(rounds):
        generation.bump_site(site.pk)  # the practice's cached pages can no longer be read
        started = time.perf_counter()
        get(site.hostname, path)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def render() -> dict:
    return {"first_ms": uncached_ms(1), "last_ms": uncached_ms(PRACTICES)}


def publish() -> dict:
    sites = {site.pk: generation.site(site.pk) for site in Site.objects.all()}
    first = Site.objects.get(hostname=hostname(1))
    article = ArticlePage.objects.descendant_of(first.root_page).order_by("pk").first()
    article.title = "Resting well, revised"
    article.save_revision().publish()
    moved = [pk for pk, before in sites.items() if generation.site(pk) != before]
    return {
        "published_on": first.hostname,
        "others_moved": len([pk for pk in moved if pk != first.pk]),
    }


result = {"provision": provision, "render": render, "publish": publish}[STEP]()
sys.stdout.write("SCALE " + json.dumps(result) + "\n")
