"""WhiteNoise, serving the collected static files but not the collection's own bookkeeping.

`collectstatic` leaves `staticfiles.json` (every file's name and hash: a list of exactly which
versions of Django, Wagtail and their admin scripts the site runs) and Quietroom's digest of the
sources beside the files. No page needs either.
"""

import posixpath

from django.contrib.staticfiles.storage import staticfiles_storage
from whitenoise.middleware import WhiteNoiseMiddleware


def is_bookkeeping(url: str) -> bool:
    """True for the manifest (and its compressed copies) and for hidden files."""
    name = posixpath.basename(url)
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    return name.startswith(".") or (
        manifest is not None and name in (manifest, f"{manifest}.gz", f"{manifest}.br")
    )


class PublicStaticFilesMiddleware(WhiteNoiseMiddleware):
    def add_file_to_dictionary(self, url, path, stat_cache=None):
        if not is_bookkeeping(url):
            super().add_file_to_dictionary(url, path, stat_cache=stat_cache)

    def find_file(self, url):
        # Used instead of the dictionary when WhiteNoise looks files up per request.
        return None if is_bookkeeping(url) else super().find_file(url)
