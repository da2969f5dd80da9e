"""Write the public site as plain files any static host can serve, swapped in at the end."""

import ipaddress
import json
import logging
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.test import override_settings
from wagtail.models import Page, Site

from quietroom.export.addresses import (
    AddressError,
    Rewriter,
    excluded,
    internal,
    output_file,
    public_path,
)
from quietroom.export.compress import compress_beside
from quietroom.export.parallel import map_forked
from quietroom.export.reader import Answer, Reader, has_post_form
from quietroom.export.redirects import write_redirects

MARKER = ".quietroom-export"
MISSING_PAGE = "/quietroom-export-missing-page/"
STYLESHEET = "theme/quietroom.css"


class ExportError(Exception):
    """The export could not be completed; the previous export, if any, is untouched."""


@dataclass
class ExportReport:
    outdir: Path
    base_url: str
    pages: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)

    def how_to_preview(self, port: int = 8001) -> str:
        """How to look at the copy before publishing it.

        Links start at the site's root ("/articles/", "/media/…"), as a host serves them:
        opened from disk, the browser looks for them at the disk's root. Links that work
        from disk would have to end in index.html on the real host too.
        """
        prefix = urlsplit(self.base_url).path.strip("/")
        url = f"http://127.0.0.1:{port}/"
        if not prefix:
            serve = f"python3 -m http.server --directory {self.outdir} {port}"
        else:
            folder = self.outdir.parent / f"{self.outdir.name}-preview"
            serve = (
                f"mkdir -p {folder}/{Path(prefix).parent} && ln -sfn {self.outdir} "
                f"{folder}/{prefix} && python3 -m http.server --directory {folder} {port}"
            )
            url += f"{prefix}/"
        return (
            f"To preview the copy, serve it as a host would (opened from disk, its links and "
            f"images do not work): {serve}, then open {url}"
        )


def export_static(
    outdir: Path | str,
    base_url: str | None = None,
    site: Site | None = None,
    jobs: int = 1,
    contact_url: str = "",
):
    """Export every live public page of `site` (the default site) into `outdir`.

    Pages are rendered through Django as an anonymous reader gets them, links are
    followed from the home page, every page, the sitemap and the feeds, and absolute
    addresses are rewritten to `base_url`. Everything is written to a folder beside
    `outdir`, which replaces `outdir` only once complete. With `jobs` over 1, pages
    are rendered by that many forked processes at once. A static copy cannot take a
    consultation request: its contact page links to `contact_url` (the live site's form)
    when given, and otherwise gives the practice's phone and email. Raises ExportError.
    """
    started = time.monotonic()
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise ExportError("There is no site to export.")
    outdir = Path(outdir).resolve()
    base = _base_url(base_url or site.root_url)
    _check_target(outdir)
    report = ExportReport(outdir=outdir, base_url=base)
    if not base_url and _is_loopback(base):
        report.warnings.append(
            f"no --base-url was given, so canonical links, feeds and the sitemap point at "
            f"{base}, which only this computer can open; export again with "
            "--base-url https://your-practice.example/ before publishing the copy"
        )
    work = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", dir=outdir.parent))
    try:
        hosts = [*settings.ALLOWED_HOSTS, site.hostname]
        static = {"QUIETROOM_STATIC_EXPORT": True, "QUIETROOM_CONTACT_URL": contact_url}
        with (
            override_settings(ALLOWED_HOSTS=hosts, SECURE_SSL_REDIRECT=False, **static),
            _quiet_requests(),
        ):
            StaticExport(site, base, work, report, jobs).run()
        (work / MARKER).write_text(json.dumps({"base_url": base}) + "\n")
        _swap(work, outdir)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    report.seconds = time.monotonic() - started
    return report


@contextmanager
def _quiet_requests():
    """Broken links are reported once, in the export's warnings, not logged per request."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _base_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query:
        raise ExportError(f"The base URL must look like https://example.org/ (not “{url}”).")
    return url.rstrip("/")


def _is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_target(outdir: Path) -> None:
    if outdir.exists() and not outdir.is_dir():
        raise ExportError(f"{outdir} exists and is not a folder.")
    if outdir.is_dir() and any(outdir.iterdir()) and not (outdir / MARKER).exists():
        raise ExportError(
            f"{outdir} holds files that are not a Quietroom export; choose an empty folder."
        )
    outdir.parent.mkdir(parents=True, exist_ok=True)


def _make_public(work: Path) -> None:
    """Folders 0755 and files 0644: the export is the public site, for a web server running as
    another user to publish. It holds nothing private (SECURITY.md I1), and Quietroom's own
    umask would otherwise have made every file the owner's alone."""
    for folder, _dirs, files in os.walk(work):
        Path(folder).chmod(0o755)
        for name in files:
            (Path(folder) / name).chmod(0o644)


def _swap(work: Path, outdir: Path) -> None:
    """Put the new export in place with two renames; the old one goes only after."""
    _make_public(work)
    if not outdir.exists():
        os.rename(work, outdir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.old.", dir=outdir.parent))
    os.rename(outdir, old / "export")
    os.rename(work, outdir)
    shutil.rmtree(old, ignore_errors=True)


class StaticExport:
    """Crawls the site from every live page and writes what it finds."""

    def __init__(self, site: Site, base_url: str, work: Path, report: ExportReport, jobs=1):
        self.site, self.work, self.report, self.jobs = site, work, report, jobs
        self.reader = Reader(site)
        self.root_url = site.root_url
        self.base_url = base_url
        self.answers: dict[str, tuple[str, Answer]] = {}
        self.mapping: dict[str, str] = {}
        self.redirects: dict[str, str] = {}
        self.referrers: dict[str, str] = {}

    def run(self) -> None:
        self.crawl()
        for url, target in self.redirects.items():
            self.mapping.setdefault(url, self.mapping.get(target, target))
        rewriter = Rewriter(self.mapping, self.root_url, self.base_url)
        self.write_all(list(self.answers.values()), rewriter)
        self.write_missing_page(rewriter)
        for file in write_redirects(self.site, self.work, self.mapping, self.base_url):
            # A host that serves the compressed copies serves the redirect pages' too.
            compress_beside(file)
            self.count(file, page=False)

    def start(self) -> list[str]:
        pages = Page.objects.live().public().descendant_of(self.site.root_page, inclusive=True)
        urls = [page.relative_url(self.site) for page in pages]
        static = settings.STATIC_URL + STYLESHEET
        return ["/", *filter(None, urls), "/sitemap.xml", "/robots.txt", static]

    def crawl(self) -> None:
        """Breadth first, a wave at a time: each wave's pages can be rendered together."""
        wave = list(dict.fromkeys(self.start()))
        seen = set(wave)
        while wave:
            following = []
            for url, links in self.visit_all(wave):
                for link in sorted(links - seen):
                    if not excluded(link):
                        seen.add(link)
                        self.referrers.setdefault(link, url)
                        following.append(link)
            wave = following

    def visit_all(self, urls: list[str]):
        pages = []
        for url in urls:
            path = unquote(urlsplit(url).path)
            if path.startswith(settings.MEDIA_URL):
                self.copy_media(url, path[len(settings.MEDIA_URL) :])
            elif path.startswith(settings.STATIC_URL):
                self.copy_static(url, path[len(settings.STATIC_URL) :])
            else:
                pages.append(url)
        for answer in self.render(pages):
            yield answer.url, self.take(answer)

    def render(self, urls: list[str]) -> list[Answer]:
        answers = map_forked(self.reader.get, urls, self.jobs)
        if self.jobs < 2:
            return answers
        # Two workers can race to make the same image rendition, and one then fails:
        # a page that failed in a worker is rendered once more here before it counts.
        return [a if a.status < 500 else self.reader.get(a.url) for a in answers]

    def take(self, answer: Answer) -> set[str]:
        """Keep a rendered answer; return the site addresses it links to."""
        url = answer.url
        if answer.status in {301, 302, 303, 307, 308}:
            return self.follow(answer)
        if answer.status != 200:
            return self.failed(answer)
        try:
            file = output_file(url, answer.content_type)
        except AddressError as error:
            self.report.warnings.append(f"{error}; it was left out")
            return set()
        self.mapping[url] = public_path(file)
        self.answers[url] = (file, answer)
        if has_post_form(answer):
            self.report.warnings.append(
                f"{url} has a form that sends data; the static copy cannot receive it "
                "(point the form at a dynamic endpoint: see the README)"
            )
        return self.reader.links(answer) if answer.is_text else set()

    def follow(self, answer: Answer) -> set[str]:
        target = internal(answer.location, answer.url, self.root_url)
        if target is None or excluded(target):
            self.report.warnings.append(
                f"{answer.url} is not public (it leads to {answer.location[:80]}); "
                f"linked from {self.referrers.get(answer.url, 'the page list')}"
            )
            return set()
        self.redirects[answer.url] = target.split("#")[0]
        return {target.split("#")[0]}

    def failed(self, answer: Answer) -> set[str]:
        if answer.status >= 500:
            raise ExportError(
                f"{answer.url} answered {answer.status}: the page fails to render. "
                "Nothing was replaced; fix the page and export again."
            )
        self.report.warnings.append(
            f"broken link: {answer.url} answered {answer.status} "
            f"(linked from {self.referrers.get(answer.url, 'the page list')})"
        )
        return set()

    def copy_media(self, url: str, name: str) -> None:
        if not default_storage.exists(name):
            raise ExportError(
                f"The media file {name} is missing (linked from "
                f"{self.referrers.get(url, 'a page')}). Restore it, or the image that uses "
                "it, and export again; the previous export is untouched."
            )
        with default_storage.open(name) as source:
            self.copy(url, source)

    def copy_static(self, url: str, name: str) -> None:
        found = finders.find(name)
        if not found:
            self.report.warnings.append(f"the static file {name} was not found")
            return
        with open(found, "rb") as source:
            self.copy(url, source)

    def copy(self, url: str, source) -> None:
        file = output_file(url, "")
        self.mapping[url] = public_path(file)
        target = self.target(file)
        with open(target, "wb") as handle:
            shutil.copyfileobj(source, handle)
        compress_beside(target)
        self.count(target, page=False)

    def write_all(self, answers: list[tuple[str, Answer]], rewriter: Rewriter) -> None:
        """Rewrite, compress and write every page, in the worker processes with `jobs` over 1
        (the same function on the same answers, so the files are the same bytes)."""

        def write(item: tuple[str, Answer]) -> tuple[Path, bool]:
            return self.written(*item, rewriter)

        for target, page in map_forked(write, answers, self.jobs):
            self.count(target, page)

    def write(self, file: str, answer: Answer, rewriter: Rewriter) -> None:
        self.count(*self.written(file, answer, rewriter))

    def written(self, file: str, answer: Answer, rewriter: Rewriter) -> tuple[Path, bool]:
        """Write one answer (with its compressed copies); where, and whether it is a page."""
        target = self.target(file)
        body = answer.body
        if answer.is_text:
            text = body.decode("utf-8", errors="replace")
            text = rewriter.html(text, answer.url) if answer.is_html else rewriter.text(text)
            body = text.encode()
        target.write_bytes(body)
        compress_beside(target)
        return target, answer.is_html

    def write_missing_page(self, rewriter: Rewriter) -> None:
        answer = self.reader.get(MISSING_PAGE)
        if answer.status != 404:
            raise ExportError(f"The site's 404 page answered {answer.status}.")
        self.write("404.html", answer, rewriter)

    def target(self, file: str) -> Path:
        target = (self.work / file).resolve()
        if not target.is_relative_to(self.work.resolve()):
            raise ExportError(f"{file} would be written outside the export.")
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def count(self, target: Path, page: bool) -> None:
        self.report.files += 1
        self.report.pages += page
        self.report.bytes += target.stat().st_size
