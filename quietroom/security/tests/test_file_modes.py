"""Every file Quietroom makes is its owner's alone (issue 11.4).

Real commands in a fresh data dir, under the permissive umask (022) many systems default to:
migrate, uploads, `quietroom serve` answering pages, a backup and a restore. Afterwards every
folder in the data dir is 0700 and every file 0600: the database and its WAL and shared-memory
files, the secrets, uploads and renditions, the page cache, the backup archive. Only the static
export is readable by all, because it is the public site, meant for a web server to publish.
"""

import os
import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from quietroom.reliability.tests.live import QUIETROOM, Server, call, environment

pytestmark = pytest.mark.sqlite_server
PERMISSIVE = 0o022
UPLOADS = """
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from quietroom.core.tests.factories import make_image
make_image().get_rendition("width-400")
Document(title="Form").file.save("form.pdf", ContentFile(b"%PDF-1.4"))
"""


def run(*args: str, env: dict) -> str:
    done = subprocess.run(
        [str(QUIETROOM), *args], env=env, capture_output=True, text=True, timeout=300,
        umask=PERMISSIVE,
    )  # fmt: skip
    assert done.returncode == 0, f"quietroom {args[0]}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def modes(folder: Path) -> dict[str, str]:
    """Octal mode of everything under `folder` (itself included), by relative path."""
    found = {".": oct(stat.S_IMODE(folder.stat().st_mode))}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


def not_private(folder: Path) -> dict[str, str]:
    return {
        name: mode
        for name, mode in modes(folder).items()
        if mode != ("0o700" if (folder / name).is_dir() else "0o600")
    }


class PermissiveServer(Server):
    """`quietroom serve` started the way a shell with umask 022 would start it."""

    def start(self, seconds: float = 60) -> "Server":
        mask = os.umask(PERMISSIVE)
        try:
            return super().start(seconds)
        finally:
            os.umask(mask)


def unreadable_by_others(path: Path) -> bool:
    """Whether the unprivileged user `nobody` is refused reading `path` (when we can ask)."""
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        return not stat.S_IMODE(path.stat().st_mode) & 0o077
    done = subprocess.run(
        ["runuser", "-u", "nobody", "--", "cat", str(path)], capture_output=True, timeout=30
    )
    return done.returncode != 0


def test_every_file_quietroom_makes_in_its_data_dir_is_the_owners_alone(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)  # as an older version, or an installer, left it
    env = environment(data, "")
    del env["DATABASE_URL"]  # the default: SQLite in the data dir
    del env["QUIETROOM_SECRET_KEY"]  # generated into secrets/ on first use

    run("migrate", env=env)
    run("shell", "-c", UPLOADS, env=env)
    (data / "db.sqlite3").chmod(0o644)  # an install from before this change
    # SQLite removes the WAL and shared-memory files when the last connection closes: one
    # held open keeps them there to be looked at (SQLite gives them the database's mode).
    with PermissiveServer(env, workers=1) as server, sqlite3.connect(data / "db.sqlite3") as db:
        db.execute("SELECT count(*) FROM django_session").fetchone()
        assert call(server, "GET", "/").status == 200
        assert call(server, "GET", "/robots.txt").status == 200
        assert (data / "db.sqlite3-wal").exists()
        log = server.log.name  # the test harness's own file, not Quietroom's
        while_serving = {k: v for k, v in not_private(data).items() if k != log}
        made = set(modes(data))
    shutil.move(data / log, tmp_path / log)
    run("backup", str(tmp_path / "backups" / "site.tar.gz"), env=env)
    run("restore", "--force", str(tmp_path / "backups" / "site.tar.gz"), env=env)

    assert while_serving == {}
    assert not_private(data) == {}
    assert oct(stat.S_IMODE((tmp_path / "backups" / "site.tar.gz").stat().st_mode)) == "0o600"
    made |= set(modes(data))
    for expected in ("db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm", "secrets/secret_key"):
        assert expected in made, expected
    assert any(name.startswith("media/original_images/") for name in made)
    assert any(name.startswith("media/images/") for name in made)
    assert any(name.startswith("media/documents/") for name in made)
    assert any(name.startswith("cache/pages/") and "/" in name[12:] for name in made)
    assert unreadable_by_others(data / "db.sqlite3")
    assert unreadable_by_others(tmp_path / "backups" / "site.tar.gz")


def test_the_static_export_is_readable_by_the_web_server_that_publishes_it(tmp_path):
    data = tmp_path / "data"
    env = environment(data, "")
    del env["DATABASE_URL"]
    run("migrate", env=env)

    run("export_static", str(tmp_path / "public"), "--base-url", "https://example.org", env=env)

    for name, mode in modes(tmp_path / "public").items():
        expected = "0o755" if (tmp_path / "public" / name).is_dir() else "0o644"
        assert mode == expected, name
