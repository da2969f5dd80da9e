"""Find an attachment's file under --media-dir, and check that bytes really are an image."""

import os
import re
from io import BytesIO
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.utils.text import get_valid_filename, slugify
from PIL import Image, UnidentifiedImageError

FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp", "AVIF": "avif"}
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
UPLOADS = "wp-content/uploads/"


class ImageFileError(Exception):
    """These bytes are not an image Quietroom accepts; the message says why."""


def max_image_bytes() -> int:
    return getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)


def max_image_pixels() -> int:
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)


def uploads_path(url: str) -> str:
    """The part of an address after wp-content/uploads/, or '' when there is none."""
    path = unquote(urlsplit(url).path)
    return path.split(UPLOADS, 1)[1] if UPLOADS in path else ""


def without_size(path: str) -> str:
    """WordPress's resized copy 'photo-300x200.jpg' named as its original, 'photo.jpg'."""
    return SIZE_SUFFIX.sub("", path)


def candidates(attached_file: str, url: str) -> list[str]:
    """Relative paths to look for, best first: the recorded file, the uploads path, the name."""
    found = [attached_file, uploads_path(url)]
    found += [without_size(path) for path in found]
    names = [PurePosixPath(path).name for path in found if path]
    name = PurePosixPath(unquote(urlsplit(url).path)).name
    return list(dict.fromkeys(path for path in [*found, *names, name] if path))


class MediaDir:
    """A folder of uploads, searched by relative path and then by file name."""

    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self._by_name: dict[str, Path] | None = None

    def find(self, paths: list[str]) -> Path | None:
        """The first of `paths` that exists inside the folder; never a path outside it."""
        for relative in paths:
            found = self._inside(relative) if "/" in relative else self._named(relative)
            if found:
                return found
        return None

    def _inside(self, relative: str) -> Path | None:
        parts = PurePosixPath(relative).parts
        if not parts or ".." in parts or PurePosixPath(relative).is_absolute():
            return None
        path = (self.root / Path(*parts)).resolve()
        return path if path.is_relative_to(self.root) and path.is_file() else None

    def _named(self, name: str) -> Path | None:
        if self._by_name is None:
            self._by_name = {}
            for folder, _dirs, files in os.walk(self.root):
                for file in files:
                    self._by_name.setdefault(file, Path(folder) / file)
        path = self._by_name.get(name)
        return path if path and path.resolve().is_relative_to(self.root) else None


def read_local(path: Path) -> bytes:
    """The file's bytes, refusing one over the upload limit before reading it."""
    if path.stat().st_size > max_image_bytes():
        raise ImageFileError(f"{path.name} is larger than the {_mb(max_image_bytes())} limit")
    return path.read_bytes()


def check_image(data: bytes) -> str:
    """Return the file extension for `data` if it is an accepted image; raise otherwise.

    The content decides, never the name or a server's Content-Type: the format must
    be JPEG, PNG, GIF, WebP or AVIF and the pixel count within Wagtail's limit.
    """
    if len(data) > max_image_bytes():
        raise ImageFileError(f"the file is larger than the {_mb(max_image_bytes())} limit")
    try:
        with Image.open(BytesIO(data)) as image:
            width, height, kind = image.width, image.height, image.format
            if width * height > max_image_pixels():
                raise ImageFileError(f"the image is {width} by {height} pixels, too large to use")
            image.verify()
    except Image.DecompressionBombError as error:
        raise ImageFileError("the image has too many pixels to open safely") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ImageFileError("the file is not an image") from error
    if kind not in FORMATS:
        raise ImageFileError(f"{kind} images are not accepted")
    return FORMATS[kind]


def safe_filename(name: str, extension: str) -> str:
    """A storage name made from `name`'s stem, with the extension the content proved."""
    stem = PurePosixPath(unquote(name)).name.rsplit(".", 1)[0]
    stem = slugify(get_valid_filename(stem) if stem.strip(" .") else "") or "image"
    return f"{stem[:80]}.{extension}"


def _mb(size: int) -> str:
    return f"{size / 1024**2:.0f} MB"
