"""Attachments and body images become Wagtail images, found on disk or, if allowed, downloaded."""

from io import BytesIO
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from django.core.files.images import ImageFile

from quietroom.core.models import CustomImage
from quietroom.importers.body import ImageRef
from quietroom.importers.fetch import FetchError, fetch
from quietroom.importers.files import (
    ImageFileError,
    MediaDir,
    candidates,
    check_image,
    read_local,
    safe_filename,
    uploads_path,
    without_size,
)
from quietroom.importers.sanitise import plain_text, shorten
from quietroom.importers.wxr import Item


class ImageLoader:
    """Creates each image once per import and finds it again for bodies and heroes."""

    def __init__(self, run):
        self.run = run
        self.options = run.options
        self.media = MediaDir(run.options.media_dir) if run.options.media_dir else None
        self.by_id: dict[int, ImageRef | None] = {}
        self.by_path: dict[str, ImageRef | None] = {}
        self.children: dict[int, list[int]] = {}

    def attachment(self, item: Item) -> None:
        """Import one attachment item, or find the image an earlier import made of it."""
        alt = shorten(plain_text(item.meta.get("_wp_attachment_image_alt", "")), 255)
        url = item.attachment_url or item.guid
        attached = item.meta.get("_wp_attached_file", "")
        record = self.run.record(item.key, "attachment")
        fingerprint = self.run.fingerprint(item)
        if record.image_id:
            outcome = "unchanged"
            if record.fingerprint != fingerprint:
                outcome = "updated"
                record.image.title = self._title(item, url)
                record.image.description = alt
                record.image.save()
        else:
            image = self.new_image(url, attached, self._title(item, url), alt, item.label)
            record.image = image
            outcome = "created" if image else "skipped"
        record.fingerprint, record.alt_text, record.complete = fingerprint, alt, bool(record.image)
        record.save()
        self.run.report.count("images", outcome)
        ref = ImageRef(record.image_id, alt) if record.image_id else None
        self.remember(item.post_id, [url, attached], ref)
        if item.parent_id and item.post_id is not None:
            self.children.setdefault(item.parent_id, []).append(item.post_id)

    def remember(self, number: int | None, paths: list[str], ref: ImageRef | None) -> None:
        if number is not None:
            self.by_id[number] = ref
        for path in paths:
            for key in _keys(path):
                self.by_path.setdefault(key, ref)

    def for_body(self, source: str, number: int | None) -> ImageRef | None:
        """The image a body's <img> points at: an attachment, or a file found or fetched."""
        if number is not None and number in self.by_id:
            return self.by_id[number]
        source = source.strip()
        if not source:
            return None
        for key in _keys(source):
            if key in self.by_path:
                return self.by_path[key]
        ref = self._loose_image(source)
        self.by_path[source] = ref
        return ref

    def _loose_image(self, source: str) -> ImageRef | None:
        url = urljoin(self.run.channel.link + "/", source) if self.run.channel.link else source
        record = self.run.record(f"url:{url}"[:255], "image")
        if record.image_id is None:
            name = PurePosixPath(unquote(urlsplit(url).path)).name or "image"
            record.image = self.new_image(url, "", name, "", f"image {url[:100]}", quiet=True)
            if record.image is None:
                return None
            record.complete = True
            record.save()
            self.run.report.count("images", "created")
        return ImageRef(record.image_id, record.image.description)

    def set_hero(self, page, item: Item, warn) -> bool:
        """Make the featured image the article's hero; False when its file is still missing."""
        number = item.meta.get("_thumbnail_id", "").strip()
        page.hero_image = None
        if not number.isdigit():
            page.hero_alt = ""
            return True
        ref = self.by_id.get(int(number))
        if ref is None:
            kept = self.run.records.get(f"id:{number}")
            page.hero_alt = shorten(kept.alt_text if kept else "", 250)
            warn(f"its featured image (attachment {number}) was not found; the hero is empty")
            return False
        if not ref.alt:
            warn(
                f"its featured image (attachment {number}) has no alt text, so it is not "
                "the hero yet: describe the image, then choose it as the hero"
            )
            page.hero_alt = ""
            return True
        page.hero_image_id, page.hero_alt = ref.id, shorten(ref.alt, 250)
        return True

    def new_image(self, url, attached, title, alt, label, quiet=False) -> CustomImage | None:
        """A saved image made from the file for `url`, or None (with a warning) without one."""
        found = self._file(url, attached, label, quiet)
        if found is None:
            return None
        data, name = found
        try:
            extension = check_image(data)
        except ImageFileError as error:
            self.run.report.warn(f"{label}: {error}; it was not imported")
            return None
        image = CustomImage(title=shorten(title, 255), description=alt)
        image.file = ImageFile(BytesIO(data), name=safe_filename(name, extension))
        image.save()
        self.run.stored.append(image.file.name)
        return image

    def _file(self, url: str, attached: str, label: str, quiet: bool):
        if self.media:
            path = self.media.find(candidates(attached, url))
            if path:
                try:
                    return read_local(path), path.name
                except ImageFileError as error:
                    self.run.report.warn(f"{label}: {error}; it was not imported")
                    return None
        if self.options.fetch_remote and urlsplit(url).scheme in {"http", "https"}:
            try:
                return fetch(url, self.options.fetch_policy), urlsplit(url).path
            except FetchError as error:
                self.run.report.warn(f"{label}: {url[:100]} was not downloaded: {error}")
                return None
        if not quiet:
            where = (
                f"under {self.options.media_dir}"
                if self.media
                else "(give --media-dir, or --fetch-remote to download it)"
            )
            self.run.report.warn(
                f"{label}: its file {attached or url[:100]} was not found {where}; "
                "the alt text is kept for when the image arrives"
            )
        return None

    @staticmethod
    def _title(item: Item, url: str) -> str:
        return plain_text(item.title) or PurePosixPath(urlsplit(url).path).name or "Image"


def _keys(address: str) -> list[str]:
    """Ways one file is named: the address, its path on any host, its uploads path, each
    also without WordPress's size suffix, since bodies show resized copies."""
    path = unquote(urlsplit(address.strip()).path)
    names = [address.strip(), path, uploads_path(address)]
    return [key for name in names if name for key in (name, without_size(name))]
