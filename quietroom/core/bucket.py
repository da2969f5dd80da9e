"""Media in an S3-compatible bucket (QUIETROOM_S3_BUCKET), through django-storages.

django-storages is the maintained answer for Django files in S3 (AWS, SeaweedFS, MinIO,
Ceph); what Quietroom adds is small and said here:

- Nothing is made public by the bucket. Every object is written with no ACL (the bucket's
  default, private), so originals and documents can never be reached from the bucket by a
  reader; renditions reach readers from the site's own origin, either through Quietroom
  (quietroom/security/media.py reads them from the bucket) or through a front proxy that the
  operator lets read `images/` alone (docs/many-practices.md gives the bucket policy).
- Every URL is the site's own (`/media/<name>`), never the bucket's: the Content-Security-
  Policy and the promise of no third-party requests hold wherever the bucket lives.
- Backups carry the bucket's objects and restores put them back under their own names
  (quietroom/export/backup.py and restore.py use the functions below).
- A name is never written twice (`file_overwrite` off): a second upload of `grief.jpg` gets a
  new name, so a browser's copy of a rendition and a backup's list of files stay true.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files import File
from storages.backends.s3 import S3Storage


class BucketStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return f"{settings.MEDIA_URL}{quote(name.lstrip('/'))}"


def is_bucket(storage) -> bool:
    return isinstance(storage, S3Storage)


def object_names(storage: S3Storage) -> list[str]:
    """Every key in the bucket, sorted (the bucket holds one deployment's media alone)."""
    return sorted(entry.key for entry in storage.bucket.objects.all())


def download(storage: S3Storage, name: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    storage.bucket.download_file(name, str(target))


def put_exactly(storage: S3Storage, name: str, source: Path) -> None:
    """Write `source` as the object `name` itself: a restore puts back the names the
    database refers to, where a save would choose a free one beside them."""
    with source.open("rb") as handle:
        storage._save(name, File(handle))


def delete_all_but(storage: S3Storage, keep: set[str]) -> int:
    """Delete every object not in `keep`; returns how many went."""
    extra = [name for name in object_names(storage) if name not in keep]
    for name in extra:
        storage.delete(name)
    return len(extra)
