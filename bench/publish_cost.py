"""Run inside `quietroom shell` on an empty database: what one publish on one of N practices
costs the others.

N practices (a home page, a blog, two articles each) are built, and each one's home page,
blog and articles are read once through the WSGI application as `quietroom serve` runs it, so
the page cache holds them. One article is then published on the first practice, and every
page of the other N - 1 is read again: each page rendered and stored again counts as
re-rendered, and each remembered value computed again counts too. A page can also reach Django
without being rendered: a process keeps its most recent pages in memory (the fast path, 512 of
them) and finds the rest in the shared cache, which the middleware reads; those are counted
apart.
"""

import datetime
import io
import json
import os
import sys

from django.core.handlers.wsgi import WSGIHandler
from wagtail.models import Page, Site

from quietroom.blog.models import ArticlePage, BlogIndexPage
from quietroom.core import memo
from quietroom.practice.models import HomePage
from quietroom.serving import pagecache
from quietroom.serving.wsgi import PageCacheApplication

PRACTICES = int(os.environ.get("QUIETROOM_BENCH_PRACTICES", "200"))


class Counted:
    """The Django application, counting the requests that reach it."""

    def __init__(self, application):
        self.application, self.calls = application, 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.application(environ, start_response)


class CountedStore:
    """pagecache.store, counting the pages rendered and stored."""

    def __init__(self, store):
        self.store, self.calls = store, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.store(*args, **kwargs)


django_app = Counted(WSGIHandler())
application = PageCacheApplication(django_app)
stored = pagecache.store = CountedStore(pagecache.store)


def get(host: str, path: str) -> int:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "HTTP_HOST": host,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    answer = {}
    b"".join(application(environ, lambda status, headers, exc=None: answer.update(s=status)))
    return int(answer["s"].split()[0])


def article(title: str, day: int) -> ArticlePage:
    return ArticlePage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        date=datetime.date(2026, 3, day),
        body=[{"type": "text", "value": f"<p>{title}: a few calm sentences.</p>"}],
    )


def build() -> list[tuple[str, list[str]]]:
    root = Page.get_first_root_node()
    built = []
    for number in range(PRACTICES):
        home = root.add_child(instance=HomePage(title=f"Practice {number}", slug=f"p{number}"))
        home.save_revision().publish()
        Site.objects.create(hostname=f"p{number}.example", port=80, root_page=home)
        blog = home.add_child(instance=BlogIndexPage(title="Articles", slug="articles"))
        blog.save_revision().publish()
        paths = ["/", "/articles/"]
        for day, title in ((1, "On sleep"), (2, "On worry")):
            page = blog.add_child(instance=article(f"{title} {number}", day))
            page.save_revision().publish()
            paths.append(f"/articles/{page.slug}/")
        built.append((f"p{number}.example", paths))
    return built


practices = build()
for host, paths in practices:
    assert all(get(host, path) == 200 for path in paths)

first_blog = BlogIndexPage.objects.get(url_path="/p0/articles/")
new = first_blog.add_child(instance=article("A new article on the first practice", 9))
new.save_revision().publish()

remembered_before = memo.computed()
django_app.calls = stored.calls = 0
others = practices[1:]
statuses = [get(host, path) for host, paths in others for path in paths]
rerendered, reached_django = stored.calls, django_app.calls
recomputed = memo.computed() - remembered_before
first_after = sum(get(practices[0][0], path) == 200 for path in practices[0][1])

print(
    "RESULT",
    json.dumps(
        {
            "practices": PRACTICES,
            "pages_of_the_others": len(statuses),
            "rerendered": rerendered,
            "from_the_shared_cache": reached_django - rerendered,
            "remembered_values_recomputed": recomputed,
            "all_ok": set(statuses) == {200} and first_after == len(practices[0][1]),
        }
    ),
)
