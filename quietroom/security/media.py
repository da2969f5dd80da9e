"""Which uploaded files the site itself serves: image renditions, decided on the resolved path.

Documents are served only by Wagtail's view, which checks their collection's privacy and sends
them as downloads; original uploads never (pages and feeds use renditions). The decision is
made on the path as the file system will read it, after normalising and resolving symlinks, so
no other spelling of a refused path (`//documents/`, `images/../documents/`) gets through.
"""

import os
import posixpath

from django.conf import settings
from django.http import Http404
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
    if folder not in public_folders() or not file_name or "/" in file_name:
        return None
    if file_name.startswith("."):
        return None
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
    response = static.serve(request, name, document_root=settings.MEDIA_ROOT)
    if name.startswith(RENDITIONS + "/"):
        response["Cache-Control"] = RENDITION_CACHE_CONTROL
    return response
