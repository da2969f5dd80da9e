"""The static-site references, built in the same run as Quietroom's export: Pelican (from
PyPI, in a virtual environment of its own under var/bench-pelican) and Hugo (Debian's
package) each build the same generated articles, written as Markdown.

`markdown_sites(folder, posts)` writes both sources from the generator the import bench
uses (quietroom/importers/sample.py: same titles, dates, slugs, categories, tags and HTML
bodies); `build_pelican` and `build_hugo` time one build and count the HTML pages written.
Each build's settings are the tool's defaults plus what it needs to build at all (Hugo has
no default theme, so a few plain templates are written for it, here).
"""

import html
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from quietroom.importers.sample import item

ROOT = Path(__file__).resolve().parent.parent
PELICAN_VENV = ROOT / "var" / "bench-pelican"
PELICAN = "pelican[markdown]==4.12.0"
FIELD = re.compile(r"<(title|wp:post_date|wp:post_name)>(.*?)</\1>")
BODY = re.compile(r"<content:encoded><!\[CDATA\[(.*?)\]\]></content:encoded>", re.S)
TERMS = re.compile(r'<category domain="(category|post_tag)" nicename="[^"]*">([^<]*)</category>')

HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8">'
        "<title>{{ .Title }}</title></head>\n"
        '<body>\n{{ block "main" . }}{{ end }}\n</body>\n</html>\n'
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
        '<time>{{ .Date.Format "2 January 2006" }}</time>{{ .Content }}</article>{{ end }}\n'
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n'
    ),
}


@dataclass(frozen=True)
class Build:
    name: str
    seconds: float
    pages: int

    @property
    def ms_a_page(self) -> float:
        return 1000 * self.seconds / self.pages

    @property
    def figure(self) -> str:
        return f"{self.ms_a_page:.1f} ms a page"


def post(number: int) -> dict:
    """The generated post `number`, as the WordPress file the import bench reads holds it."""
    raw = item(number, paragraphs=6, comments=0)
    fields = dict(FIELD.findall(raw))
    terms = TERMS.findall(raw)
    return {
        "title": html.unescape(fields["title"]),
        "date": fields["wp:post_date"],
        "slug": fields["wp:post_name"],
        "category": next(name for kind, name in terms if kind == "category"),
        "tags": [name for kind, name in terms if kind == "post_tag"],
        "body": BODY.search(raw).group(1),
    }


def markdown_sites(folder: Path, posts: int) -> tuple[Path, Path]:
    """Pelican's and Hugo's sources for `posts` generated posts (Markdown bodies may hold
    HTML, which both pass through)."""
    pelican, hugo = folder / "pelican", folder / "hugo"
    (pelican / "content").mkdir(parents=True)
    (hugo / "content" / "posts").mkdir(parents=True)
    for number in range(1, posts + 1):
        entry = post(number)
        (pelican / "content" / f"{entry['slug']}.md").write_text(
            f"Title: {entry['title']}\nDate: {entry['date'][:16]}\n"
            f"Category: {entry['category']}\nTags: {', '.join(entry['tags'])}\n"
            f"Slug: {entry['slug']}\n\n{entry['body']}\n"
        )
        (hugo / "content" / "posts" / f"{entry['slug']}.md").write_text(
            f'---\ntitle: "{entry["title"]}"\ndate: {entry["date"].replace(" ", "T")}\n'
            f'categories: ["{entry["category"]}"]\ntags: {entry["tags"]!r}\n'
            f"slug: {entry['slug']}\n---\n\n{entry['body']}\n".replace("'", '"')
        )
    (pelican / "pelicanconf.py").write_text(
        'SITENAME = "Generated"\nSITEURL = ""\nPATH = "content"\nTIMEZONE = "UTC"\n'
        'DEFAULT_LANG = "en"\nDEFAULT_PAGINATION = 10\n'
    )
    (hugo / "hugo.toml").write_text(
        'baseURL = "http://bench.example/"\ntitle = "Generated"\n'
        "[markup.goldmark.renderer]\nunsafe = true\n"
    )
    for name, text in HUGO_LAYOUTS.items():
        (hugo / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (hugo / "layouts" / name).write_text(text)
    return pelican, hugo


def pelican_command() -> Path:
    """Pelican's command, installed once into a virtual environment of its own."""
    command = PELICAN_VENV / "bin" / "pelican"
    if not command.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PELICAN_VENV)], check=True)
        pip = [str(PELICAN_VENV / "bin" / "pip"), "install", "--quiet", PELICAN]
        subprocess.run(pip, check=True)
    return command


def html_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def timed_build(name: str, command: list[str], cwd: Path, output: Path) -> Build:
    shutil.rmtree(output, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    return Build(name, seconds, html_pages(output))


def build_pelican(source: Path) -> Build:
    output = source / "output"
    command = [str(pelican_command()), "content", "-o", str(output), "-s", "pelicanconf.py", "-q"]
    return timed_build("Pelican 4.12", command, source, output)


def build_hugo(source: Path) -> Build | None:
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()
    name = f"Hugo {version[1].split('-')[0].lstrip('v')}" if len(version) > 1 else "Hugo"
    output = source / "public"
    return timed_build(name, [hugo, "--quiet", "--destination", str(output)], source, output)
