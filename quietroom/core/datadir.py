"""The data directory: where a site keeps its database, media and generated secrets."""

import os
import secrets
from pathlib import Path


def data_dir(environ=os.environ) -> Path:
    """Return the data directory named by QUIETROOM_DATA_DIR (default ./var), absolute."""
    return Path(environ.get("QUIETROOM_DATA_DIR") or "var").expanduser().resolve()


def prepare(path: Path) -> Path:
    """Create the data directory's layout; secrets live in a folder only the owner can open."""
    for folder in ("media", "static"):
        (path / folder).mkdir(parents=True, exist_ok=True)
    (path / "secrets").mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def read_or_create_secret(path: Path, nbytes: int = 50) -> str:
    """Return the secret stored at `path`, creating it (mode 0600) on first use.

    The file is created with O_EXCL so two processes starting together agree on
    one secret: the loser of the race reads what the winner wrote.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(nbytes))
    return path.read_text().strip()
