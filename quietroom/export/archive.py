"""The backup archive: its layout, its manifest, and the checks made before trusting one."""

import hashlib
import json
import tarfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

FORMAT = "quietroom-backup"
VERSION = 1
MANIFEST = "manifest.json"
TYPES = "types.json"  # content types and permissions: loaded first, as the data refers to them
DATA = "data.json"
MEDIA = "media"


class BackupError(Exception):
    """The archive cannot be made or used; the message says why. Nothing was changed."""


@dataclass
class OpenedBackup:
    """A checked backup unpacked into a folder: its manifest, data file and media folder."""

    manifest: dict
    types: Path
    data: Path
    media: Path


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def unpack(file: Path, into: Path) -> OpenedBackup:
    """Check `file` fully and unpack it into the empty folder `into`.

    Raises BackupError for anything that is not an intact backup this version can
    read: another kind of file, a damaged archive, an unsafe path inside it, a
    manifest from a newer Quietroom, or a file that does not match its checksum.
    """
    name = file.name
    try:
        with tarfile.open(file, "r:gz") as archive:
            members = archive.getmembers()
            _check_members(name, members)
            manifest = _manifest(name, archive)
            archive.extractall(into, filter="data")
    except (tarfile.TarError, EOFError, OSError, UnicodeDecodeError) as error:
        raise BackupError(
            f"{name} is not a Quietroom backup, or it is damaged: {error or 'unreadable'}."
        ) from error
    _check_files(name, manifest, into)
    return OpenedBackup(manifest=manifest, types=into / TYPES, data=into / DATA, media=into / MEDIA)


def _check_members(name: str, members) -> None:
    names = {member.name for member in members}
    if MANIFEST not in names:
        raise BackupError(f"{name} has no {MANIFEST}; it is not a Quietroom backup.")
    for member in members:
        path = PurePosixPath(member.name)
        if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"{name} holds an unsafe entry ({member.name[:80]}); refused.")


def _manifest(name: str, archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (ValueError, AttributeError) as error:
        raise BackupError(f"{name} has an unreadable {MANIFEST}.") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{name} is not a Quietroom backup (its manifest is another kind).")
    version = manifest.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise BackupError(
            f"{name} was made by a newer Quietroom (backup format {version}); this version "
            f"reads format {VERSION}. Upgrade Quietroom, then restore."
        )
    return manifest


def _check_files(name: str, manifest: dict, folder: Path) -> None:
    expected = {name: item.get("sha256") for name, item in manifest.get("data", {}).items()}
    if set(expected) != {TYPES, DATA}:
        raise BackupError(f"{name} is damaged: its manifest does not list its data files.")
    expected |= {f"{MEDIA}/{item['path']}": item["sha256"] for item in manifest.get("media", [])}
    for relative, digest in expected.items():
        path = folder / relative
        if not path.is_file() or sha256(path) != digest:
            raise BackupError(f"{name} is damaged: {relative} is missing or does not match.")
