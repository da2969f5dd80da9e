"""Which uploaded files the site itself serves: image renditions, decided on the resolved path.

Renditions are kept in one folder per practice (`images/<practice>/<name>`) or, for a single
practice's root collection, straight in `images/`. With a bucket (QUIETROOM_S3_BUCKET) the
same names are read from it: there are no symlinks there, so the name's shape is the check.

Documents are served only by Wagtail's view, which checks their collection's privacy and sends
them as downloads; original uploads never (pages and feeds use renditions). The decision is
made on the path as the file system will read it, after normalising and resolving symlinks, so
no other spelling of a refused path (`//documents/`, `images/../documents/`) gets through.
"""

import mimetypes
import os
import posixpath

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views import static

RENDITIONS = "images"
# Staff avatars, shown in the admin; served only where Django serves media (QUIETROOM_SERVE_MEDIA).
AVATARS = "avatar_images"
# Renditions never change under their name (a new one gets a new name): browsers keep them.
RENDITION_CACHE_CONTROL = "public, max-age=31536000, immutable"


def public_folders() -> tuple[str, ...]:
    return (RENDITIONS, AVATARS) if settings.QUIETROOM_SERVE_MEDIA else (RENDITIONS,)


def public_name(path: str) -> str | None:
    """The name under MEDIA_ROOT of the file `path` asks for, if readers may have it; else None.

    Only regular files directly in a public folder qualify: no hidden names (a file still
    being written is `.<random>.part`), nothing reached through a symlink out of the folder.
    """
    if "\x00" in path:
        return None  # no file has one; the file system would refuse it with an error
    name = posixpath.normpath("/" + path).lstrip("/")
    folder, _, file_name = name.partition("/")
    if folder == RENDITIONS and file_name.partition("/")[0].isdecimal():
        practice, _, file_name = file_name.partition("/")
        folder = f"{folder}/{practice}"
    if folder.partition("/")[0] not in public_folders() or not file_name or "/" in file_name:
        return None
    if file_name.startswith("."):
        return None
    if settings.QUIETROOM_S3_BUCKET:
        return f"{folder}/{file_name}"
    root = os.path.realpath(os.path.join(settings.MEDIA_ROOT, folder))
    full = os.path.realpath(os.path.join(root, file_name))
    if os.path.dirname(full) != root or not os.path.isfile(full):
        return None
    return f"{folder}/{file_name}"


def serve_media(request, path):
    """The media route: a public file, or 404 for anything else however it is spelled."""
    name = public_name(path)
    if name is None:
        raise Http404("Not a public media file")
    if settings.QUIETROOM_S3_BUCKET:
        response = _from_bucket(name)
    else:
        response = static.serve(request, name, document_root=settings.MEDIA_ROOT)
    if name.startswith(RENDITIONS + "/"):
        response["Cache-Control"] = RENDITION_CACHE_CONTROL
    return response


def _from_bucket(name: str) -> FileResponse:
    """The object `name`, streamed from the bucket; 404 when it is not there."""
    try:
        file = default_storage.open(name)
    except (FileNotFoundError, OSError) as missing:
        raise Http404("Not a public media file") from missing
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(file, content_type=content_type)
