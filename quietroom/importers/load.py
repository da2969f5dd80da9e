"""Import a WXR file into the site: the writing side, in one transaction."""

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from wagtail.models import Page

from quietroom.blog.models import ArticlePage
from quietroom.importers.authors import Clinicians
from quietroom.importers.body import Resolver, convert_body
from quietroom.importers.categories import Categories, tag_names
from quietroom.importers.dates import article_date, moment_of
from quietroom.importers.fetch import FetchPolicy
from quietroom.importers.links import host_of, old_addresses, post_name, slug_for, url_key
from quietroom.importers.media import ImageLoader
from quietroom.importers.models import ImportedItem
from quietroom.importers.places import (
    RESERVED_UNDER_BLOG,
    RESERVED_UNDER_HOME,
    SlugBook,
    blog_of,
    find_site,
)
from quietroom.importers.publishing import (
    IMPORTED_STATUSES,
    LIVE_STATUSES,
    redirect,
    restrict,
    save_with_status,
)
from quietroom.importers.repair import Repairs
from quietroom.importers.report import ImportReport
from quietroom.importers.sanitise import first_words, plain_text, shorten
from quietroom.importers.wxr import (
    MAX_FILE_BYTES,
    Author,
    Channel,
    Item,
    Term,
    WxrError,
    check_size,
    read_wxr,
)
from quietroom.pages.models import StandardPage

# Part of every fingerprint: raising it makes the next import redo every item.
IMPORTER_VERSION = "1"
SUMMARY_LIMIT = 300


@dataclass
class ImportOptions:
    media_dir: Path | None = None
    fetch_remote: bool = False
    dry_run: bool = False
    site_hostname: str | None = None
    fetch_policy: FetchPolicy = field(default_factory=FetchPolicy)
    # Called with (phase, done, total) as the import goes.
    progress: Callable[[str, int, int], None] | None = None
    max_bytes: int = MAX_FILE_BYTES


@dataclass
class Stub:
    """What the first pass keeps of a post or page: enough to create and find its page."""

    key: str
    kind: str
    post_id: int | None
    parent_id: int | None
    menu_order: int
    title: str
    slug: str
    fingerprint: str
    link: str = ""
    untitled: bool = False  # titled here from its first words, and kept as a draft
    page_id: int | None = None
    created: bool = False
    applied: bool = False


def import_wxr(path: Path | str, options: ImportOptions | None = None) -> ImportReport:
    """Import the WXR file at `path` into a site, returning what was done.

    Everything happens in one transaction: a file that turns out to be malformed
    halfway, or any other error, leaves the database as it was, and image files
    written so far are removed. With `dry_run` the import runs in full and is then
    rolled back. Raises WxrError when the file cannot be imported.
    """
    options = options or ImportOptions()
    path = Path(path)
    if not path.is_file():
        raise WxrError(f"{path} does not exist or is not a file.")
    if options.media_dir and not Path(options.media_dir).is_dir():
        raise WxrError(f"The media folder {options.media_dir} does not exist.")
    check_size(path, options.max_bytes)
    report = ImportReport(source=path.name, dry_run=options.dry_run)
    stored: list[str] = []
    try:
        with transaction.atomic():
            ImportRun(path, options, report, stored).run()
            if options.dry_run:
                transaction.set_rollback(True)
    except BaseException:
        _delete(stored)
        raise
    if options.dry_run:
        _delete(stored)
    return report


def _delete(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


class ImportRun:
    """One import: a first pass indexes the file and imports attachments, then pages are
    created so links can point at them, and a second pass fills in every post and page."""

    def __init__(self, path: Path, options: ImportOptions, report: ImportReport, stored):
        self.path, self.options, self.report, self.stored = path, options, report, stored
        self.site = find_site(options.site_hostname)
        self.home = self.site.root_page.specific
        self.channel = Channel()
        self.source = ""
        self.records: dict[str, ImportedItem] = {}
        self.stubs: dict[str, Stub] = {}
        # (post id key, address) of items keyed by address, their post id being taken.
        self.rekeyed: dict[tuple[str, str], str] = {}
        self.urls: dict[str, str] = {}
        self.hosts: set[str] = set()
        self.slugs = SlugBook()
        self.images = ImageLoader(self)
        self.clinicians = Clinicians(self)
        self.categories = Categories(self)
        self._blog = None

    def run(self) -> None:
        self.read("reading", self.first)
        self.create_pages()
        self.read("importing", self.second)

    def read(self, phase: str, handle_entry) -> None:
        with open(self.path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            for entry in read_wxr(handle):
                handle_entry(entry)
                if self.options.progress:
                    self.options.progress(phase, handle.tell(), size)

    @property
    def blog(self):
        if self._blog is None:
            self._blog, created = blog_of(self.home)
            if created:
                self.report.warn(f"The site had no blog, so one was created at {self._blog.url}.")
        return self._blog

    def record(self, key: str, kind: str) -> ImportedItem:
        """The mapping row for `key`, unsaved when the item is new to this site."""
        if key not in self.records:
            self.records[key] = ImportedItem(site=self.site, source=self.source, key=key, kind=kind)
        return self.records[key]

    def fingerprint(self, item: Item) -> str:
        text = json.dumps(asdict(item), sort_keys=True, default=str) + IMPORTER_VERSION
        return hashlib.sha256(text.encode()).hexdigest()

    # First pass --------------------------------------------------------------------------

    def first(self, entry) -> None:
        if isinstance(entry, Channel):
            self.start(entry)
        elif isinstance(entry, Author):
            self.clinicians.add_author(entry)
        elif isinstance(entry, Term):
            self.categories.declare(entry)
        elif isinstance(entry, Repairs):
            self.report.repairs = entry
        elif entry.post_type == "attachment":
            self.report.comments += entry.comments
            self.images.attachment(entry)
        else:
            self.report.comments += entry.comments
            self.index(entry)

    def start(self, channel: Channel) -> None:
        self.channel = channel
        self.source = (channel.source or self.path.name)[:255]
        for warning in channel.warnings:
            self.report.warn(warning)
        self.hosts = {
            host_of(u) for u in (channel.link, channel.base_site_url, channel.base_blog_url)
        }
        self.hosts.discard("")
        rows = ImportedItem.objects.filter(site=self.site, source=self.source)
        self.records = {row.key: row for row in rows.select_related("image")}

    def index(self, item: Item) -> None:
        if item.post_type not in {"post", "page"}:
            self.report.skipped_types[item.post_type or "unknown"] += 1
            return
        key = self.key_of(item)
        reason = item.skip_reason
        if not reason and item.status not in IMPORTED_STATUSES:
            reason = f"its status is “{item.status or 'missing'}”"
        if not reason and key in self.stubs:
            reason = "its post id repeats an earlier item's"
        if reason:
            self.report.count(_plural(item), "skipped")
            self.report.warn(f"{item.label} was skipped: {reason}.")
            return
        if key != item.key:
            self.rekeyed[(item.key, item.link)] = key
            self.report.warn(
                f"{item.label} has the post id of an earlier item at another address; "
                "both were imported"
            )
        title = shorten(plain_text(item.title), 255)
        untitled = not title
        if untitled:
            title = shorten(first_words(item.content), 255)
        fallback = f"{item.post_type}-{item.post_id or len(self.stubs) + 1}"
        self.stubs[key] = Stub(
            key=key,
            kind=item.post_type,
            post_id=item.post_id,
            parent_id=item.parent_id,
            menu_order=item.menu_order,
            title=title,
            slug=slug_for(post_name(item.slug), title, fallback=fallback),
            fingerprint=self.fingerprint(item),
            link=item.link,
            untitled=untitled,
        )
        self.hosts |= {host_of(item.link), host_of(item.guid)} - {""}
        keys = [url_key(old, self.hosts) for old in old_addresses(item.link)]
        keys.append(url_key(item.guid, self.hosts))
        if item.post_id is not None:
            keys += [f"?p={item.post_id}", f"?page_id={item.post_id}"]
        for url in filter(None, keys):
            self.urls.setdefault(url, key)

    def key_of(self, item: Item) -> str:
        """An item's import key: its post id, unless an earlier item at another address
        has it (Squarespace gives one id to several pages), then its address."""
        taken = self.stubs.get(item.key)
        if taken is None or not item.link or taken.link == item.link:
            return item.key
        return f"address:{item.link}"[:255]

    # Pages, before any body is written ----------------------------------------------------

    def create_pages(self) -> None:
        for stub in self.stubs.values():
            stub.page_id = self.records[stub.key].page_id if stub.key in self.records else None
        for stub in self.stubs.values():
            if stub.kind == "post" and stub.page_id is None:
                self.new_page(stub, self.blog, ArticlePage)
        self.create_standard_pages([s for s in self.stubs.values() if s.kind == "page"])

    def create_standard_pages(self, stubs: list[Stub]) -> None:
        """WordPress pages nest under their parents, which may come later in the file."""
        by_id: dict[int, Stub] = {}
        for stub in stubs:
            if stub.post_id is not None:
                by_id.setdefault(stub.post_id, stub)
        waiting = sorted((s for s in stubs if s.page_id is None), key=lambda s: s.menu_order)
        while waiting:
            ready = [s for s in waiting if not _parent_waiting(s, by_id, waiting)] or waiting
            for stub in ready:
                parent_stub = by_id.get(stub.parent_id)
                parent = self.home
                if parent_stub and parent_stub.page_id and parent_stub is not stub:
                    parent = Page.objects.get(pk=parent_stub.page_id).specific
                self.new_page(stub, parent, StandardPage)
                waiting.remove(stub)

    def new_page(self, stub: Stub, parent: Page, model) -> None:
        reserved = RESERVED_UNDER_BLOG if model is ArticlePage else set()
        if parent.pk == self.home.pk:
            reserved = RESERVED_UNDER_HOME
        page = model(
            title=stub.title or "Untitled",
            slug=self.slugs.free(parent, stub.slug, reserved),
            live=False,
            body=[{"type": "text", "value": "<p></p>"}],
        )
        parent.add_child(instance=page)
        stub.page_id, stub.created = page.pk, True
        record = self.record(stub.key, stub.kind)
        record.page = page
        record.save()

    # Second pass -------------------------------------------------------------------------

    def second(self, entry) -> None:
        if not isinstance(entry, Item):
            return
        key = self.rekeyed.get((entry.key, entry.link), entry.key)
        if key in self.stubs:
            self.apply(entry, self.stubs[key])

    def apply(self, item: Item, stub: Stub) -> None:
        if stub.applied or stub.kind != item.post_type:
            return
        stub.applied = True
        record = self.records[stub.key]
        same_source = not stub.created and record.fingerprint == stub.fingerprint
        if same_source and record.complete:
            self.report.count(_plural(item), "unchanged")
            return
        page = Page.objects.get(pk=stub.page_id).specific
        before = _content(page)

        def warn(message):
            self.report.warn(f"{item.label}: {message}")

        complete = self.fill(page, item, stub, warn)
        if same_source and _content(page) == before:
            # Still waiting for the same missing images: nothing new to save.
            self.report.count(_plural(item), "unchanged")
            return
        status = "draft" if stub.untitled else item.status
        try:
            note = save_with_status(page, status, moment_of(item))
        except ValidationError as error:
            # Nothing the importer knows of gets here; if something does, stop cleanly.
            problems = "; ".join(error.messages)[:300]
            message = f"{item.label} could not be saved ({problems}); nothing was imported."
            raise WxrError(message) from error
        if note:
            warn(note)
        restrict(page, item.status, item.password)
        # The old address was public: it points at the page even while the page waits
        # as a draft for its title, so it works once the page is published.
        if item.status in LIVE_STATUSES:
            for old in old_addresses(item.link):
                outcome = redirect(self.site, old, page)
                if outcome:
                    self.report.count("redirects", outcome)
        record.fingerprint, record.complete = stub.fingerprint, complete
        record.save()
        self.report.count(_plural(item), "created" if stub.created else "updated")

    def fill(self, page: Page, item: Item, stub: Stub, warn) -> bool:
        """Set the page's fields from `item`; False when an image it needs is missing."""
        resolver = Resolver(
            image=self.images.for_body,
            page=self.page_for_url,
            gallery_ids=lambda: self.images.children.get(item.post_id, []),
        )
        body = convert_body(item.content, resolver)
        for message in body.warnings:
            warn(message)
        if stub.untitled:
            warn(
                f"it has no title: it was titled “{stub.title or 'Untitled'}” from its first "
                "words and imported as a draft; check the title, then publish it"
            )
        page.title = stub.title or "Untitled"
        page.body = body.blocks
        page.summary = shorten(plain_text(item.excerpt), SUMMARY_LIMIT)
        if len(plain_text(item.excerpt)) > SUMMARY_LIMIT:
            warn(f"its excerpt was shortened to {SUMMARY_LIMIT} characters for the summary")
        if not isinstance(page, ArticlePage):
            return body.complete
        page.date = article_date(item, warn)
        page.author = self.clinicians.for_login(item.creator)
        page.categories = self.categories.for_item(item)
        page.tags.set(tag_names(item))
        return self.images.set_hero(page, item, warn) and body.complete

    def page_for_url(self, href: str) -> int | None:
        stub = self.stubs.get(self.urls.get(url_key(href, self.hosts) or "", ""))
        return stub.page_id if stub else None

    def categories_used(self, category, old_slug: str) -> None:
        """Old category listings redirect to the blog's listing of the same category."""
        if not old_slug or self.blog.url is None:
            return
        target = f"{self.blog.relative_url(self.site)}category/{category.slug}/"
        outcome = redirect(self.site, f"/category/{old_slug}/", link=target)
        if outcome:
            self.report.count("redirects", outcome)


def _content(page: Page) -> tuple:
    """What a second import can change without the export changing: body and hero."""
    blocks = [(block.block_type, block.block.get_prep_value(block.value)) for block in page.body]
    return blocks, getattr(page, "hero_image_id", None), getattr(page, "hero_alt", None)


def _plural(item: Item) -> str:
    return "posts" if item.post_type == "post" else "pages"


def _parent_waiting(stub: Stub, by_id: dict, waiting: list[Stub]) -> bool:
    parent = by_id.get(stub.parent_id)
    return parent is not None and parent is not stub and parent in waiting
