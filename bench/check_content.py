"""Checking 1,000 articles the way `quietroom check_content` does; the target is under a minute.

Run: .venv/bin/python bench/check_content.py [COUNT]
It builds the demo site in a throw-away data directory, adds copies of the demo articles (each
text changed, so no cache helps) until COUNT articles are live, then times the command and
its steps side by side.
"""

import os
import sys
import tempfile
import time
from io import StringIO

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 1000


def setup_django() -> None:
    os.environ["QUIETROOM_DATA_DIR"] = tempfile.mkdtemp(prefix="quietroom-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quietroom.settings.dev")
    import django

    django.setup()


def varied_body(body, number: int) -> list[dict]:
    """The demo body (its raw blocks) with a sentence of its own in every text block."""
    blocks = []
    for position, block in enumerate(body):
        kind, value = block["type"], block["value"]
        if kind == "text":
            value = f"{value}<p>This is copy {number}, part {position}, of the article.</p>"
        blocks.append({"type": kind, "value": value})
    return blocks


def add_articles(count: int) -> None:
    from django.db import transaction

    from quietroom.blog.models import ArticlePage, BlogIndexPage

    blog = BlogIndexPage.objects.get()
    demo = list(ArticlePage.objects.child_of(blog).order_by("pk"))
    with transaction.atomic():
        for number in range(count - len(demo)):
            source = demo[number % len(demo)]
            blog.add_child(
                instance=ArticlePage(
                    title=f"{source.title} ({number})",
                    slug=f"{source.slug}-{number}",
                    summary=source.summary,
                    date=source.date,
                    author=source.author,
                    hero_image=source.hero_image,
                    hero_alt=source.hero_alt,
                    body=varied_body(source.body.raw_data, number),
                    live=True,
                )
            )


def timed(label: str, action, baseline: float | None = None):
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    ratio = f"  ({seconds / baseline:.1f} times loading the pages)" if baseline else ""
    sys.stdout.write(f"{label:<46} {seconds:7.2f} s{ratio}\n")
    return result, seconds


def main() -> None:
    setup_django()
    from django.core.management import call_command

    from quietroom.blog.models import ArticlePage
    from quietroom.checks.from_page import document_for_page
    from quietroom.checks.site import live_pages
    from quietroom.demo.build import build_demo_site

    call_command("migrate", verbosity=0)
    build_demo_site()
    timed(f"building {COUNT} articles (not measured)", lambda: add_articles(COUNT))
    articles = ArticlePage.objects.live().count()

    pages, load = timed("loading every live page", live_pages)
    timed("turning them into Documents", lambda: [document_for_page(p) for p in pages], load)
    output = StringIO()
    _, total = timed(
        "quietroom check_content --json",
        lambda: call_command("check_content", "--json", stdout=output),
        load,
    )
    sys.stdout.write(
        f"\n{articles} articles ({len(pages)} pages) checked in {total:.1f} s: "
        f"{total / len(pages) * 1000:.1f} ms a page. Target: under 60 s for 1,000 articles.\n"
    )


if __name__ == "__main__":
    main()
