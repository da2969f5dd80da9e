"""Writing one media file back under its own name, on disk or in the bucket."""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage

from quietroom.core import bucket


def put(name: str, source: Path) -> None:
    """`source` as the media file `name` itself, replacing what is there: a restore puts back
    the names the database refers to, where a save would choose a free one beside them."""
    if bucket.is_bucket(default_storage):
        bucket.put_exactly(default_storage, name, source)
        return
    target = Path(settings.MEDIA_ROOT) / name
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=target.parent, prefix=".restore-")
    try:
        with os.fdopen(fd, "wb") as handle, source.open("rb") as data:
            handle.write(data.read())
        os.chmod(partial, settings.FILE_UPLOAD_PERMISSIONS or 0o600)
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
