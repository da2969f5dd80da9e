"""Live servers for the fault tests: real `quietroom serve` processes on loopback.

Everything here is bounded in time: servers must answer within a minute, every request has a
timeout, and a server is always stopped (or killed, process group and all) when a test ends.
"""

import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from bs4 import BeautifulSoup
from cryptography.fernet import Fernet
from psycopg import sql

from quietroom.core.tests.factories import valid_request
from quietroom.core.tests.ports import free_port
from quietroom.serving import pagecache

QUIETROOM = Path(sys.executable).with_name("quietroom")
SECRET_KEY = "live-fault-tests-" + secrets.token_urlsafe(32)
INBOX_KEY = Fernet.generate_key().decode()
ARTICLE = "/articles/grief-has-no-schedule/"
CONTACT = "/contact/"
THANKS = "/contact/thanks/"
AUDIT = "AUDIT "
LATENCY_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def environment(
    data_dir: Path, database_url: str, cache_dir: Path | None = None, **extra: str
) -> dict:
    """The environment of a server (and its commands) on `database_url`, nothing inherited
    from the test run's own Django settings. Servers share the data dir (the demo's media)
    but each test's database has a page cache of its own (`cache_dir`)."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("QUIETROOM_", "DJANGO_", "DATABASE_URL"))
    }
    return {
        **inherited,
        # The base settings: production's only additions (HTTPS, collected static files)
        # have nothing to do with faults and would cost a collectstatic per data dir.
        "DJANGO_SETTINGS_MODULE": "quietroom.settings.dev",
        "QUIETROOM_DATA_DIR": str(data_dir),
        "QUIETROOM_CACHE_DIR": str(cache_dir or data_dir / "cache"),
        "DATABASE_URL": database_url,
        "QUIETROOM_SECRET_KEY": SECRET_KEY,
        "QUIETROOM_INBOX_KEYS": INBOX_KEY,
        "QUIETROOM_ALLOWED_HOSTS": "127.0.0.1",
        "QUIETROOM_CONTACT_MIN_SECONDS": "0",
        "QUIETROOM_CONTACT_RATE_LIMIT": "1000000",
        **extra,
    }


def quietroom(*args: str, env: dict, timeout: float = 300) -> str:
    """Run a quietroom command to completion; its output, or an error showing it."""
    done = subprocess.run(
        [str(QUIETROOM), *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != 0:
        raise RuntimeError(f"quietroom {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


# Databases -------------------------------------------------------------------------------


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def postgres_url(suite_url: str, name: str) -> str:
    return urllib.parse.urlparse(suite_url)._replace(path=f"/{name}").geturl()


def create_postgres_database(suite_url: str, template: str | None = None) -> str:
    """A new database on the suite's PostgreSQL server (copied from `template`); its name."""
    name = f"quietroom_live_{secrets.token_hex(4)}"
    statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    with psycopg.connect(suite_url, autocommit=True) as admin:
        admin.execute(statement)
    return name


def drop_postgres_database(suite_url: str, name: str) -> None:
    statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(suite_url, autocommit=True) as admin:
        admin.execute(statement)


def postgres_cluster(suite_url: str) -> tuple[str, str]:
    """(version, name) of the local cluster listening on the suite's port, for pg_ctlcluster."""
    port = str(urllib.parse.urlparse(suite_url).port or 5432)
    listing = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True)
    for line in listing.stdout.splitlines():
        version, name, cluster_port, *_ = line.split()
        if cluster_port == port:
            return version, name
    raise RuntimeError(f"No local PostgreSQL cluster listens on port {port}")


def postmaster_pid(suite_url: str) -> int:
    """The process id of the local cluster's postmaster, from its data directory."""
    version, cluster = postgres_cluster(suite_url)
    listing = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True)
    for line in listing.stdout.splitlines():
        fields = line.split()
        if fields[:2] == [version, cluster]:
            return int((Path(fields[5]) / "postmaster.pid").read_text().split()[0])
    raise RuntimeError(f"No data directory for PostgreSQL cluster {version}/{cluster}")


def postmaster_started(suite_url: str) -> str:
    with psycopg.connect(suite_url, autocommit=True) as connection:
        return str(connection.execute("SELECT pg_postmaster_start_time()").fetchone()[0])


# Servers ---------------------------------------------------------------------------------


def process_group(pgid: int) -> set[int]:
    """Live (not zombie) processes in process group `pgid`."""
    members = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            # Fields after the command name, which may itself hold spaces and parentheses.
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
            if fields[0] not in "ZX" and int(fields[2]) == pgid:
                members.add(int(entry.name))
    return members


class Server:
    """`quietroom serve` in its own process group, so one signal reaches master and workers."""

    def __init__(self, env: dict, workers: int = 2, log_dir: Path | None = None):
        self.env = env
        self.workers = workers
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        # In the data dir unless the test watches that dir stay empty.
        folder = log_dir or Path(env["QUIETROOM_DATA_DIR"])
        self.log = folder / f"serve-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, seconds: float = 60) -> "Server":
        command = [str(QUIETROOM), "serve", "--port", str(self.port)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [*command, "--workers", str(self.workers)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.process.poll() is None:
            if call(self, "GET", "/healthz", timeout=2).status == 200:
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"The server did not answer within {seconds} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def members(self) -> set[int]:
        return process_group(self.process.pid) if self.process else set()

    def kill(self) -> None:
        """kill -9 of the whole process group: master and workers at the same instant."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        wait_for(lambda: not self.members(), seconds=10)

    def stop(self) -> None:
        if self.process is None or not self.members():
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
            wait_for(lambda: not self.members(), seconds=5)
        except (subprocess.TimeoutExpired, TimeoutError):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


def cached_on_disk(server: "Server", path: str) -> bool:
    """Whether the page at `path` is in the server's page cache on disk (any generation)."""
    pages = Path(server.env["QUIETROOM_CACHE_DIR"]) / "pages"
    key = pagecache.PageKey(0, f"http://127.0.0.1:{server.port}{path}?")
    return any(pages.glob(f"*/*/*/{key.digest}"))  # <epoch>/<site>/<generation>/


def wait_for(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"Condition not met within {seconds} s")
        time.sleep(0.05)


# Requests --------------------------------------------------------------------------------


@dataclass
class Reply:
    """What a client saw: status 0 means no answer at all (refused, reset, timed out)."""

    status: int
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    started: float = 0.0
    ended: float = 0.0
    problem: str = ""

    def acknowledged(self) -> bool:
        """A contact request answered with success: the redirect to the thank-you page."""
        return self.status == 302 and self.headers.get("location", "").endswith(THANKS)


def call(server: Server, method: str, path: str, body=None, headers=None, timeout=30) -> Reply:
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        reply = Reply(
            response.status,
            {name.lower(): value for name, value in response.getheaders()},
            response.read(),
        )
    except (OSError, http.client.HTTPException) as error:
        reply = Reply(0, problem=type(error).__name__)
    finally:
        connection.close()
    reply.started, reply.ended = started, time.monotonic()
    return reply


@dataclass
class ContactForm:
    """The contact form as one browser holds it: its CSRF cookie and the hidden fields."""

    server: Server
    cookie: str
    hidden: dict

    @classmethod
    def open(cls, server: Server) -> "ContactForm":
        reply = call(server, "GET", CONTACT)
        if reply.status != 200:
            raise RuntimeError(f"GET {CONTACT} answered {reply.status}")
        cookie = reply.headers["set-cookie"].split(";")[0]
        form = BeautifulSoup(reply.body, "html.parser").find("form", class_="request-form")
        hidden = {
            field["name"]: field.get("value", "")
            for field in form.find_all("input", attrs={"type": "hidden"})
        }
        return cls(server, cookie, hidden)

    def send(self, message: str, timeout: float = 60) -> Reply:
        body = urllib.parse.urlencode({**valid_request(message=message), **self.hidden})
        headers = {"Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded"}
        return call(self.server, "POST", CONTACT, body, headers, timeout=timeout)


def probe_id(message: str) -> str | None:
    found = re.search(r"probe ([0-9a-f]{32})", message)
    return found.group(1) if found else None


def new_probe() -> tuple[str, str]:
    """A unique id and a message carrying it."""
    ident = secrets.token_hex(16)
    return ident, f"Fault test probe {ident}: I would like to talk about sleep."


# Checking what was stored ---------------------------------------------------------------


def audit(env: dict) -> dict:
    """Every stored request decrypted, read by a fresh process in the server's environment."""
    output = quietroom(
        "shell", "-c", "from quietroom.reliability.tests.live import report; report()", env=env
    )
    line = next(line for line in reversed(output.splitlines()) if line.startswith(AUDIT))
    return json.loads(line[len(AUDIT) :])


def report() -> None:
    """Run inside `quietroom shell`: stored messages, unreadable rows, SQLite's integrity."""
    from django.db import connection

    from quietroom.inbox import crypto, keyring
    from quietroom.inbox.models import ConsultationRequest

    messages, unreadable = [], 0
    rows = ConsultationRequest.objects.values_list("site_id", "ciphertext")
    for site_id, token in rows.iterator():
        try:
            messages.append(keyring.open_sealed(site_id, token).get("message", ""))
        except crypto.KeyMismatch:
            unreadable += 1
    integrity = None
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA integrity_check")
            integrity = [row[0] for row in cursor.fetchall()]
    result = {"messages": messages, "unreadable": unreadable, "integrity": integrity}
    sys.stdout.write(AUDIT + json.dumps(result) + "\n")


def stored_probes(result: dict) -> list[str]:
    return [ident for ident in map(probe_id, result["messages"]) if ident]


# Load ------------------------------------------------------------------------------------


@dataclass
class Load:
    requests: int
    non_2xx_3xx: int
    socket_errors: dict
    rps: float
    p50_ms: float
    p99_ms: float


def wrk(url: str, connections: int = 64, seconds: int = 30) -> Load:
    """Run wrk against `url` and read its report."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is missing: `make system-packages` installs it (apt).")
    output = subprocess.run(
        [
            *("wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"),
            *("-H", "Accept-Encoding: br, gzip", url),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout

    def latency(percent: int) -> float:
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)$", output, re.M).groups()
        return float(value) * LATENCY_UNITS_MS[unit]

    errors = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Load(
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        non_2xx_3xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=dict(
            zip(("connect", "read", "write", "timeout"), map(int, errors.groups()), strict=True)
        )
        if errors
        else {"connect": 0, "read": 0, "write": 0, "timeout": 0},
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=latency(50),
        p99_ms=latency(99),
    )
