"""Import and export speed: posts imported a second, milliseconds to export a page.

Run from the repository root:  .venv/bin/python bench/import_export.py [--posts 5000]

Each figure is measured in a fresh data folder of its own (SQLite unless DATABASE_URL
is set), so nothing touches a real site. The export is set beside Pelican and Hugo building
the same generated articles as Markdown in the same run (bench/references.py); each
reference builds twice and the faster build counts (the first warms its caches).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from quietroom.importers.corpus import corpus_dir

ROOT = Path(__file__).resolve().parent.parent
CORPUS = corpus_dir()


def setup(data_dir: Path) -> None:
    os.environ["QUIETROOM_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quietroom.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    from quietroom.core.datadir import make_ready

    make_ready(settings)  # as the quietroom command does: folders, secret key, database file
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000, help="posts in the generated file")
    parser.add_argument("--site-posts", type=int, default=1000, help="articles to export")
    parser.add_argument(
        "--export-only",
        action="store_true",
        help="only the generated site's export, beside Pelican and Hugo (bench/run's)",
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quietroom-bench-") as folder:
        setup(Path(folder) / "data")
        run(Path(folder), options)


def run(folder: Path, options) -> None:
    from quietroom.export.static import export_static
    from quietroom.serving import pagecache

    if not options.export_only:
        imports(folder, options)
    site = export_site(folder, options.site_posts)
    for jobs in (1, 2):
        pagecache.clear()  # each run renders every page; none is left from the last
        report, seconds = timed(export_static, folder / "site-export", site=site, jobs=jobs)
        per_page = 1000 * seconds / report.pages
        what = f"export, {options.site_posts}-article site, {jobs} job{'s' * (jobs > 1)}"
        line(what, f"{per_page:.1f} ms a page", report.pages)
    for build in reference_builds(folder, options.site_posts):
        line(f"{build.name}, the same {options.site_posts} articles", build.figure, build.pages)
        out(f"  Quietroom with 2 jobs takes {per_page / build.ms_a_page:.2f} times as long")
    out("  (target: under 4 ms a page with 2 jobs, ahead of Pelican)")


def imports(folder: Path, options) -> None:
    from quietroom.demo.build import build_demo_site
    from quietroom.export.static import export_static
    from quietroom.importers.load import import_wxr
    from quietroom.importers.sample import write_wxr

    build_demo_site()
    report, seconds = timed(export_static, folder / "demo-export")
    line("export, demo site", f"{1000 * seconds / report.pages:.1f} ms a page", report.pages)

    theme = CORPUS / "theme-unit-test-data.xml"
    report, seconds = timed(import_wxr, theme)
    posts = report.total("posts", "created") + report.total("pages", "created")
    line("import, theme-unit-test-data", f"{posts / seconds:.0f} posts a second", posts)

    generated = write_wxr(folder / "generated.xml", options.posts)
    report, seconds = timed(import_wxr, generated)
    posts = report.total("posts", "created")
    line(f"import, {options.posts} generated posts", f"{posts / seconds:.0f} posts a second", posts)


def reference_builds(folder: Path, posts: int) -> list:
    """Pelican's and Hugo's builds of the same articles, the faster of two each."""
    from bench.references import build_hugo, build_pelican, markdown_sites

    builds = []
    sources = markdown_sites(folder / "references", posts)
    for build, source in zip((build_pelican, build_hugo), sources, strict=True):
        runs = [build(source) for _ in range(2)]
        if None in runs:
            out("  (Hugo is not installed: bench/run installs Debian's hugo)")
            continue
        builds.append(min(runs, key=lambda run: run.seconds))
    return builds


def export_site(folder: Path, articles: int):
    """A second site holding only a blog of `articles` generated articles."""
    from wagtail.models import Page, Site

    from quietroom.blog.models import BlogIndexPage
    from quietroom.importers.load import ImportOptions, import_wxr
    from quietroom.importers.sample import write_wxr
    from quietroom.practice.models import HomePage

    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Bench practice", slug="bench-home"))
    home.save_revision().publish()
    site = Site.objects.create(hostname="bench.example", port=80, root_page=home)
    blog = home.add_child(instance=BlogIndexPage(title="Articles", slug="articles"))
    blog.save_revision().publish()
    import_wxr(
        write_wxr(folder / "site.xml", articles),
        ImportOptions(site_hostname="bench.example"),
    )
    return site


def line(what: str, figure: str, count: int) -> None:
    out(f"{what:<40} {figure:>22}   ({count} items)")


def out(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
