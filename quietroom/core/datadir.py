"""The data directory: where a site keeps its database, media and generated secrets.

Settings only name it and read from it; the entry points (`quietroom` and the WSGI module)
create it, through `make_ready`, once the settings have agreed to start. So importing the
settings in the wrong folder leaves nothing behind, and production settings that refuse to
start (no secret key given) have written no secret first.

Everything in it is its owner's alone (folders 0700, files 0600): the database holds password
hashes, authenticator keys and session keys, and a session key read from it opens the inbox
past the password, the second factor and the separate inbox key.
"""

import contextlib
import os
import secrets
import stat
from pathlib import Path

# The umask Quietroom's processes run with (`quietroom` and the WSGI entry point set it), so
# every file they make, whichever library makes it, is created owner-only.
PRIVATE_UMASK = 0o077
PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
FOLDERS = ("media", "static", "cache", "secrets")
# What SQLite writes beside a database; it gives them the database file's own mode.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def data_dir(environ=os.environ) -> Path:
    """Return the data directory named by QUIETROOM_DATA_DIR (default ./var), absolute."""
    return Path(environ.get("QUIETROOM_DATA_DIR") or "var").expanduser().resolve()


def prepare(path: Path) -> Path:
    """Create the data directory's layout, owner-only; tighten what an older version left open."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    make_private(path)
    for folder in FOLDERS:
        (path / folder).mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
        make_private(path / folder)
    return path


def make_private(path: Path) -> None:
    """Take group and other permissions off `path`; a file not ours to change is left alone."""
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)


def make_tree_private(root: Path) -> None:
    """Folders 0700 and files 0600 under `root` (what a restore unpacked, for instance)."""
    for folder, _dirs, files in os.walk(root):
        Path(folder).chmod(PRIVATE_FOLDER)
        for name in files:
            path = Path(folder) / name
            if not path.is_symlink():
                path.chmod(PRIVATE_FILE)


def private_sqlite_file(path: Path) -> None:
    """Create the SQLite database file 0600 before SQLite does (with the umask's mode), so its
    WAL and shared-memory files get 0600 too; tighten an existing one and its companions."""
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
    for name in (path, *(Path(f"{path}{suffix}") for suffix in SQLITE_COMPANIONS)):
        if name.exists():
            make_private(name)


def read_or_create_secret(path: Path, nbytes: int = 50) -> str:
    """Return the secret stored at `path`, creating it (mode 0600) on first use.

    The file is created with O_EXCL so two processes starting together agree on
    one secret: the loser of the race reads what the winner wrote.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(nbytes))
    return path.read_text().strip()


def read_secret(path: Path) -> str:
    """The secret stored at `path`, or "" when there is none yet (made by `make_ready`)."""
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        return ""


def make_ready(settings) -> None:
    """Create what a command or server writes into: the data dir's folders (owner-only), the
    generated secret key when none was given, and the SQLite database file (0600). A stateless
    host makes nothing: its settings refused to load without everything from outside."""
    if getattr(settings, "QUIETROOM_STATELESS", False):
        return
    data = prepare(Path(settings.DATA_DIR))
    # Django's settings object refuses to hand out an empty key; the loaded values may.
    if not getattr(getattr(settings, "_wrapped", settings), "SECRET_KEY", ""):
        settings.SECRET_KEY = read_or_create_secret(data / "secrets" / "secret_key")
    database = settings.DATABASES["default"]
    name = str(database.get("NAME") or "")
    on_disk = name and not name.startswith((":memory:", "file:"))
    if database["ENGINE"] == "django.db.backends.sqlite3" and on_disk:
        private_sqlite_file(Path(name))
