"""Quietroom's speed on this machine, each figure beside its reference from the same run.

Prints one table: page weight and request count; requests/s and latency of a cached article
and the blog index from `quietroom serve` and from nginx serving the same pages exported by
`quietroom export_static` (precompressed, gzip_static on); uncached render time and queries;
export ms/page; import posts/s. Run it with `bench/run` (`make bench`).
"""

import argparse
import contextlib
import gzip
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import brotli

from quietroom.importers.corpus import corpus_dir

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.ceiling import capture
from bench.counting_cost import counting_cost
from bench.counting_cost import row as counting_row
from bench.measure import (
    QUIETROOM,
    browser_requests,
    first_view,
    free_port,
    nginx,
    quietroom,
    running,
    wrk,
)

ARTICLE = "/articles/grief-has-no-schedule/"
INDEX = "/articles/"
REVALIDATION = "revalidation"
WXR = corpus_dir() / "theme-unit-test-data.xml"
RESULTS = Path(__file__).with_name("RESULTS.md")
CEILING = Path(__file__).with_name("ceiling.py")
PYTHON = QUIETROOM.with_name("python")
REPORT_HEAD = ("measure", "quietroom", "reference", "ratio / note")


def environment(data_dir: Path) -> dict:
    return {
        **os.environ,
        "QUIETROOM_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "quietroom.settings.dev",
        "QUIETROOM_ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


def fetch(url: str, encoding: str = "identity") -> bytes:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def page_weight(base: str) -> dict:
    raw = fetch(base + ARTICLE)
    return {
        "raw": len(raw),
        "gzip": len(fetch(base + ARTICLE, "gzip")),
        "br": len(fetch(base + ARTICLE, "br")),
        "gzip_reference": len(gzip.compress(raw, 9)),
        "br_reference": len(brotli.compress(raw)),
    }


def load(base: str, seconds: int) -> dict:
    """wrk on the article and the blog index, and on the article's revalidation (a browser's
    If-None-Match with the ETag it was given, answered 304) where the server sends an ETag."""
    for path in (ARTICLE, INDEX):
        fetch(base + path, "gzip")  # fill the page cache
    measured = {path: wrk(base + path, seconds=seconds) for path in (ARTICLE, INDEX)}
    request = urllib.request.Request(base + ARTICLE, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        etag = response.headers.get("ETag")
    if etag:
        measured[REVALIDATION] = wrk(
            base + ARTICLE, seconds=seconds, headers=[f"If-None-Match: {etag}"]
        )
    return measured


def beside_ceiling(base: str, work: Path, env: dict, options, rounds: int = 3):
    """`load` on `base` and on the ceiling (bench/ceiling.py) serving the replies `base` gave,
    in alternating turns `rounds` times: on this shared machine two runs of the same server
    differ by up to a fifth, so one turn each would compare the moments, not the servers.
    The mean of the turns for each, requests/s and latencies alike."""
    folder, port = work / "ceiling", free_port()
    capture(base, (ARTICLE, INDEX), folder)
    command = [str(PYTHON), str(CEILING), str(folder), str(port), str(options.workers)]
    turns: dict[str, list[dict]] = {"ours": [], "ceiling": []}
    with running(command, env, f"http://127.0.0.1:{port}{ARTICLE}"):
        for _ in range(rounds):
            turns["ours"].append(load(base, options.seconds))
            turns["ceiling"].append(load(f"http://127.0.0.1:{port}", options.seconds))
    return mean_of(turns["ours"]), mean_of(turns["ceiling"])


def mean_of(runs: list[dict]) -> dict:
    return {
        path: {
            figure: sum(run[path][figure] for run in runs) / len(runs)
            for figure in ("rps", "p50", "p99", "errors")
        }
        for path in runs[0]
    }


def cached_rounds(options, work: Path, env: dict, rounds: int = 2) -> str:
    """This code and the earlier code at `options.against`, each beside two references
    serving that code's own pages (their pages differ in size, so each is held to its own):
    nginx serving its export, and the ceiling (`ceiling.py`: granian, configured as `quietroom
    serve`, returning the same bytes from a trivial WSGI application). All six run at once
    and are measured in turn `rounds` times, so whatever else the machine does falls on all
    alike; the mean of each."""
    before_env = environment(work / "before-data")
    before_env["PYTHONPATH"] = str(options.against.resolve())
    quietroom("demo", "--no-serve", env=before_env)
    ports = [free_port() for _ in range(6)]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    export_site(env, work / "site-now", bases[2])
    export_site(before_env, work / "site-before", bases[3])
    serve = [str(QUIETROOM), "serve", "--workers", str(options.workers), "--port"]
    measured: list[list[dict]] = [[] for _ in bases]
    with contextlib.ExitStack() as servers:
        servers.enter_context(running([*serve, str(ports[0])], env, bases[0] + "/"))
        servers.enter_context(running([*serve, str(ports[1])], before_env, bases[1] + "/"))
        servers.enter_context(nginx(work / "site-now", ports[2]))
        servers.enter_context(nginx(work / "site-before", ports[3]))
        for base, name, port in ((bases[0], "now", ports[4]), (bases[1], "before", ports[5])):
            folder = work / f"ceiling-{name}"
            capture(base, (ARTICLE, INDEX), folder)
            ceiling = [str(PYTHON), str(CEILING), str(folder), str(port), str(options.workers)]
            servers.enter_context(running(ceiling, env, f"http://127.0.0.1:{port}{ARTICLE}"))
        for _ in range(rounds):
            for index, base in enumerate(bases):
                measured[index].append(load(base, options.seconds))

    ours, before, *references = (mean_of(runs) for runs in measured)
    return compared(ours, before, references, options.against) + (
        f"\n(means of {rounds} turns of {options.seconds} s each, the article: nginx"
        f" {references[0][ARTICLE]['rps']:,.0f} / {references[1][ARTICLE]['rps']:,.0f} req/s,"
        f" the ceiling {references[2][ARTICLE]['rps']:,.0f} /"
        f" {references[3][ARTICLE]['rps']:,.0f}, each for this code's page / the earlier's)"
    )


def compared(ours, before, references, against: Path) -> str:
    nginx_now, nginx_before, ceiling_now, ceiling_before = references
    rows = [
        (
            "cached page, same run",
            "this code",
            "earlier code",
            "share of nginx: now / before",
            "share of the ceiling: now / before",
        )
    ]
    for path, name in ((ARTICLE, "article"), (INDEX, "blog index")):

        def share(mine, reference, path=path):
            return f"{mine[path]['rps'] / reference[path]['rps']:.0%}"

        rows.append(
            (
                f"{name} req/s",
                f"{ours[path]['rps']:,.0f}",
                f"{before[path]['rps']:,.0f}",
                f"{share(ours, nginx_now)} / {share(before, nginx_before)}",
                f"{share(ours, ceiling_now)} / {share(before, ceiling_before)}",
            )
        )
    return f"Earlier code: {against}\n" + table(rows)


def export_site(env: dict, out: Path, base_url: str) -> dict:
    started = time.perf_counter()
    quietroom("export_static", str(out), "--base-url", base_url, env=env)
    elapsed = time.perf_counter() - started
    pages = len(list(out.rglob("index.html")))
    return {"pages": pages, "ms_per_page": elapsed * 1000 / pages}


def render(env: dict) -> dict:
    script = Path(__file__).with_name("render.py").read_text()
    output = quietroom("shell", "-c", script, env=env).stdout
    return json.loads(output.split("RESULT", 1)[1])


def publish_cost(work: Path, practices: int) -> dict:
    env = environment(work / "sites-data")
    env["QUIETROOM_BENCH_PRACTICES"] = str(practices)
    env["QUIETROOM_ALLOWED_HOSTS"] = ".example"  # the practices' made-up hostnames
    quietroom("migrate", "--no-input", env=env)
    script = Path(__file__).with_name("publish_cost.py").read_text()
    output = quietroom("shell", "-c", script, env=env).stdout
    return json.loads(output.split("RESULT", 1)[1])


def import_rate(work: Path) -> dict:
    env = environment(work / "import-data")
    quietroom("migrate", "--no-input", env=env)
    started = time.perf_counter()
    quietroom("import_wxr", str(WXR), env=env)
    elapsed = time.perf_counter() - started
    posts = WXR.read_text().count("<wp:post_type><![CDATA[post]]></wp:post_type>")
    return {"posts": posts, "seconds": elapsed, "posts_per_s": posts / elapsed}


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per URL")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--practices", type=int, default=200, help="sites for the cost of one publish"
    )
    parser.add_argument(
        "--against",
        type=Path,
        help="a checkout of an earlier Quietroom: its cached article and blog index are measured"
        " in the same run, beside this one and nginx",
    )
    parser.add_argument(
        "--cached-only",
        action="store_true",
        help="with --against: only the cached pages of both codes beside nginx, in turn, twice",
    )
    parser.add_argument(
        "--styles-only", action="store_true", help="only the article's bytes and requests per style"
    )
    parser.add_argument(
        "--first-view-only",
        action="store_true",
        help="only what a 390 px phone at 2x downloads to show the article",
    )
    parser.add_argument(
        "--counting-only", action="store_true", help="only the article with counting on and off"
    )
    parser.add_argument(
        "--serving-only",
        action="store_true",
        help="only the served pages: cached beside nginx and the ceiling, uncached renders,"
        " the phone's first view",
    )
    parser.add_argument(
        "--export-only",
        action="store_true",
        help="only the 1,000-article export (1 and 2 jobs) beside Pelican and Hugo",
    )
    options = parser.parse_args()
    if options.export_only:
        print(export_beside_references())
        return

    work = Path(tempfile.mkdtemp(prefix="quietroom-bench-"))
    work.chmod(0o755)  # nginx's workers (www-data) read the exported site inside it
    env = environment(work / "data")
    quietroom("demo", "--no-serve", env=env)
    if options.cached_only and options.against:
        written = cached_rounds(options, work, env)
        print(written)
        write_results(results_page(written, options))
        return
    port, static_port = free_port(), free_port()
    base, static_base = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{static_port}"
    serve = [str(QUIETROOM), "serve", "--port", str(port), "--workers", str(options.workers)]
    with running(serve, env, base + "/"):
        if options.first_view_only:
            print(table([REPORT_HEAD, *first_view_rows(first_view(base + ARTICLE))]))
            return
        if options.counting_only:
            print(
                table(
                    [REPORT_HEAD, counting_row(counting_cost(base, ARTICLE, env, options.seconds))]
                )
            )
            return
        styles = "" if options.serving_only else table(style_rows(per_style(base, env)))
        print(styles)
        if options.styles_only:
            return
        weight = page_weight(base)
        requests = first_view(base + ARTICLE)
        ours, ceilings = beside_ceiling(base, work, env, options)
        counted = (
            None if options.serving_only else counting_cost(base, ARTICLE, env, options.seconds)
        )
    exported = export_site(env, work / "site", static_base)
    with nginx(work / "site", static_port):
        reference = load(static_base, options.seconds)
    rendered = render(env)
    written = report(weight, requests, ours, reference, ceilings, exported, rendered)
    if not options.serving_only:
        imported = import_rate(work)
        published = publish_cost(work, options.practices)
        written += "\n\n" + table([REPORT_HEAD, *other_rows(imported, published)])
        written += "\n\n" + table([REPORT_HEAD, counting_row(counted)])
        written = styles + "\n\n" + written + "\n\n" + export_beside_references()
    if options.against:
        written += "\n\n" + cached_rounds(options, work, env)
    print(written)
    write_results(results_page(written, options))
    print(f"\nwritten to {RESULTS.relative_to(RESULTS.parent.parent)}")


def write_results(page: str) -> None:
    """The new run's table in place of the last one's; the sections after it (measures
    taken by other commands, with their dates) stay."""
    kept = ""
    if RESULTS.exists():
        old = RESULTS.read_text()
        kept = old[old.index("\n## ") :] if "\n## " in old else ""
    RESULTS.write_text(page.rstrip() + "\n" + kept)


def export_beside_references(articles: int = 1000) -> str:
    """bench/import_export.py's export of a generated site with 1 and 2 jobs, and Pelican's
    and Hugo's builds of the same articles, in this run."""
    script = Path(__file__).with_name("import_export.py")
    command = [str(PYTHON), str(script), "--export-only", "--site-posts", str(articles)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout.rstrip()


def results_page(written: str, options) -> str:
    """bench/RESULTS.md: the last run's table with when and where it ran, so figures quoted
    in the docs come from a run and not from memory."""
    machine = platform.uname()
    return (
        "# Quietroom's speed: the last `bench/run`\n\n"
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {machine.system}"
        f" {machine.release} {machine.machine}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}; wrk {options.seconds} s per URL,"
        f" {options.workers} workers; load average as it ended"
        f" {' / '.join(f'{value:.2f}' for value in os.getloadavg())}.\n"
        f"Command: `bench/run {' '.join(sys.argv[1:])}`.\n"
        "Every ratio compares two figures taken in this same run. Written by `bench/run`;"
        " run it again after a change.\n\n"
        f"```\n{written}\n```\n"
    )


def per_style(base: str, env: dict) -> dict:
    """The article's weight and first-view requests in each style (the demo's own colours)."""
    from quietroom.theme.palette import STYLES

    found = {}
    for name, style in STYLES.items():
        quietroom("brand", "--style", name, "--accent-colour", style.suggested_accent, env=env)
        found[name] = (page_weight(base), browser_requests(base + ARTICLE))
    quietroom(
        "brand", "--style", "calm", "--accent-colour", STYLES["calm"].suggested_accent, env=env
    )
    return found


def style_rows(styles: dict) -> list[tuple[str, str, str, str]]:
    rows = [("style", "article raw / gzip / br bytes", "requests (phone, first view)", "what")]
    for name, (weight, requests) in styles.items():
        files = sorted({url.rsplit("/", 1)[-1] or "page" for url in requests})
        rows.append(
            (
                name,
                f"{weight['raw']:,} / {weight['gzip']:,} / {weight['br']:,}",
                str(len(requests)),
                ", ".join(
                    f.split(".")[0] + "." + f.split(".")[-1] if "." in f else f for f in files
                )[:70],
            )
        )
    return rows


def short(url: str) -> str:
    """A request's file name without its unguessable prefix: "page" for the page itself,
    "tree-dusk.webp" for ".../g_ud8IpjGuSPZG_PFAHAGQ-tree-dusk.webp"."""
    name = url.split("?")[0].rsplit("/", 1)[-1]
    if not name:
        return "page"
    prefix, _, rest = name.partition("-")
    return rest if len(prefix) >= 16 and rest else name


def first_view_rows(requests: list[tuple[str, int]]) -> list[tuple[str, str, str, str]]:
    return [
        (
            "article requests (phone, first view)",
            str(len(requests)),
            "",
            ", ".join(sorted({short(url) for url, _ in requests}))[:60],
        ),
        (
            "article first-view bytes (390 px, 2x)",
            f"{sum(size for _, size in requests):,}",
            "",
            ", ".join(f"{short(url)} {size:,}" for url, size in requests)[:90],
        ),
    ]


def report(weight, requests, ours, reference, ceilings, exported, rendered) -> str:
    rows = [REPORT_HEAD]
    rows.append(("article HTML bytes (raw)", f"{weight['raw']:,}", "", ""))
    rows.append(
        (
            "article bytes gzip / br as served",
            f"{weight['gzip']:,} / {weight['br']:,}",
            f"{weight['gzip_reference']:,} / {weight['br_reference']:,}",
            "reference: gzip -9 / brotli q11 of the same HTML",
        )
    )
    rows.extend(first_view_rows(requests))
    cached = ((ARTICLE, "article"), (INDEX, "blog index"), (REVALIDATION, "article 304"))
    for path, name in cached:
        mine, theirs, top = ours.get(path), reference.get(path), ceilings.get(path)
        if mine is None or top is None:
            rows.append((f"{name} req/s", "no ETag sent", "", ""))
            continue
        nginx_rps = f"{theirs['rps']:,.0f} nginx, " if theirs else ""
        of_nginx = f"; {mine['rps'] / theirs['rps']:.0%} of nginx" if theirs else ""
        rows.append(
            (
                f"{name} req/s (wrk -t2 -c64)",
                f"{mine['rps']:,.0f}",
                f"{nginx_rps}{top['rps']:,.0f} ceiling",
                f"{mine['rps'] / top['rps']:.0%} of the ceiling (target 90%){of_nginx};"
                " means of 3 alternating turns",
            )
        )
        rows.append(
            (
                f"{name} p50 / p99 ms",
                f"{mine['p50']:.2f} / {mine['p99']:.2f}",
                f"{top['p50']:.2f} / {top['p99']:.2f} ceiling",
                f"target p99 < 5 ms; errors {mine['errors']:.0f} / {top['errors']:.0f}",
            )
        )
    notes = {
        "article": "the page expired from the cache, nothing changed; target < 3 ms, <= 3 queries",
        "article after a publish": "first view after a publish, another article viewed first",
        "article after a publish, rebuilt": "a worker's first view after a publish, once its"
        " thread rebuilt what it remembered (within 0.25 s); target < 8 ms",
        "article, nothing remembered": "a worker's first view after a publish, before that",
        "index": "the page expired from the cache, nothing changed; target < 4 ms",
    }
    for name, note in notes.items():
        rows.append(
            (
                f"uncached {name}: render ms / queries",
                f"{rendered[name]['ms']:.1f} / {rendered[name]['queries']}",
                "",
                f"median of 30 (Django test client): {note}",
            )
        )
    rows.append(
        (
            "export ms/page",
            f"{exported['ms_per_page']:.1f}",
            "",
            f"{exported['pages']} pages; whole command: start-up, first renditions",
        )
    )
    return table(rows)


def other_rows(imported, published) -> list[tuple[str, str, str, str]]:
    rows = []
    rows.append(
        (
            "import posts/s",
            f"{imported['posts_per_s']:.1f}",
            "",
            f"{imported['posts']} posts of theme-unit-test-data.xml in {imported['seconds']:.1f} s"
            " (whole command, pages and attachments too)",
        )
    )
    others = published["practices"] - 1
    rows.append(
        (
            f"one publish on 1 of {published['practices']} sites: pages re-rendered",
            str(published["rerendered"]),
            "0",
            f"{published['pages_of_the_others']} cached pages of the other {others} read again"
            f" ({published['from_the_shared_cache']} from the shared cache, the rest from memory);"
            f" remembered values recomputed: {published['remembered_values_recomputed']}"
            + ("" if published["all_ok"] else "; SOME PAGES FAILED"),
        )
    )
    return rows


if __name__ == "__main__":
    main()
