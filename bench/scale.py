"""Many practices on two hosts: `python -m bench.scale [--practices N] [--articles M]`.

On PostgreSQL (a database of its own, made on the server DATABASE_URL names and dropped after)
and one Redis (Debian's redis-server, started here), N practices of M articles are provisioned;
then two `quietroom serve` processes sharing both answer a Zipf mix over the N hostnames (the
first practice asked most, as a few practices get most readers) under wrk, cached and
uncached. It prints the time per practice, requests/s and p99 for each, the uncached render of
an article on the first and the last practice (it should be flat), the practices whose pages
had to be rendered again after one publish (0), each server process's memory after serving
every practice, and Redis's memory per cached page. Defaults (1,000 x 100) take hours on two
cores: scale down with the flags; the counts used are printed with the figures.
"""

import argparse
import json
import os
import random
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
from cryptography.fernet import Fernet
from psycopg import sql

from bench.measure import QUIETROOM, free_port, quietroom, running, wrk

SCRIPT = Path(__file__).with_name("scale_inside.py")
DEFAULT_SERVER = "postgres://quietroom_ci:quietroom_ci@127.0.0.1:5432/quietroom_ci"


def redis_server(folder: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(0.5)
    return process


def redis_info(port: int) -> dict:
    import redis

    client = redis.Redis(port=port)
    return {"used_memory": client.info("memory")["used_memory"], "keys": client.dbsize()}


def inside(step: str, env: dict) -> dict:
    output = quietroom(
        "shell", "-c", SCRIPT.read_text(), env={**env, "QUIETROOM_SCALE_STEP": step}, timeout=None
    ).stdout
    return json.loads(output.split("SCALE ", 1)[1])


def zipf_script(
    folder: Path, practices: int, articles: int, count: int = 20_000
) -> tuple[Path, list[tuple[str, str]]]:
    """A wrk script asking for `count` pages drawn once: a practice by Zipf's law (rank r
    weighs 1/r), then its home page, its blog or one of its articles; and the distinct
    (host, path) pairs it asks for."""
    draw = random.Random(14)  # noqa: S311 - the same mix every run, no secret
    weights = [1 / rank for rank in range(1, practices + 1)]
    hosts = draw.choices(range(1, practices + 1), weights=weights, k=count)
    lines, pages = [], {}
    for host in hosts:
        path = draw.choice(
            ["/", "/articles/", *(f"/articles/a-{n}/" for n in range(1, articles + 1))]
        )
        lines.append(f'{{"p{host}.scale.example", "{path}"}}')
        pages.setdefault((f"p{host}.scale.example", path), None)
    script = folder / f"zipf-{practices}.lua"
    script.write_text(
        "local pages = {\n" + ",\n".join(lines) + "\n}\nlocal i = 0\n"
        "request = function()\n  i = i % #pages + 1\n"
        '  return wrk.format("GET", pages[i][2], {Host = pages[i][1]})\nend\n'
    )
    return script, list(pages)


def warm(port: int, pages: list[tuple[str, str]]) -> None:
    """Ask once for every page the mix asks for, through one host: the cached pass then
    measures cached pages only (from this host's memory, or the other's from Redis)."""
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    def get(page):
        host, path = page
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(get, pages))


def memory_kb(pattern: str) -> list[int]:
    """Resident memory of each process whose command line has `pattern`."""
    found = []
    for status in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if pattern.encode() in status.read_bytes():
                for line in status.with_name("status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        found.append(int(line.split()[1]))
        except OSError:
            continue
    return found


def both(ports: list[int], script: Path, seconds: int) -> dict:
    """wrk against both hosts at once: summed requests/s, the worse p99, errors."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        runs = list(
            pool.map(
                lambda port: wrk(
                    f"http://127.0.0.1:{port}/", connections=16, seconds=seconds, script=script
                ),
                ports,
            )
        )
    return {
        "rps": sum(run["rps"] for run in runs),
        "p99": max(run["p99"] for run in runs),
        "errors": sum(run["errors"] for run in runs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seconds", type=int, default=10)
    options = parser.parse_args()
    server = os.environ.get("DATABASE_URL", DEFAULT_SERVER)
    name = f"quietroom_scale_{os.getpid()}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    work = Path(tempfile.mkdtemp(prefix="quietroom-scale-"))
    redis_port = free_port()
    redis = redis_server(work, redis_port)
    base = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "quietroom.settings.dev",
        "DATABASE_URL": server.rsplit("/", 1)[0] + f"/{name}",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "QUIETROOM_SECRET_KEY": "scale-" + "s" * 50,
        "QUIETROOM_INBOX_KEYS": Fernet.generate_key().decode(),
        "QUIETROOM_ALLOWED_HOSTS": ".scale.example,127.0.0.1",
        "QUIETROOM_SCALE_PRACTICES": str(options.practices),
        "QUIETROOM_SCALE_ARTICLES": str(options.articles),
    }
    hosts = [{**base, "QUIETROOM_DATA_DIR": str(work / f"host-{n}")} for n in "ab"]
    try:
        quietroom("migrate", "--no-input", env=hosts[0])
        provisioned = inside("provision", hosts[0])
        ports = [free_port(), free_port()]
        script, pages = zipf_script(work, options.practices, options.articles)
        commands = [
            [str(QUIETROOM), "serve", "--port", str(port), "--workers", "1", "--no-worker"]
            for port in ports
        ]
        with (
            running(commands[0], hosts[0], f"http://127.0.0.1:{ports[0]}/healthz"),
            running(commands[1], hosts[1], f"http://127.0.0.1:{ports[1]}/healthz"),
        ):
            before = redis_info(redis_port)
            uncached = both(ports, script, options.seconds)  # each page's first reads render it
            warm(ports[0], pages)
            cached = both(ports, script, options.seconds)
            after = redis_info(redis_port)
            memory = memory_kb(f"--port\x00{ports[0]}") + memory_kb(f"--port\x00{ports[1]}")
        rendered = inside("render", hosts[0])
        published = inside("publish", hosts[0])
    finally:
        redis.terminate()
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
    keys = max(after["keys"] - before["keys"], 1)
    per_key = (after["used_memory"] - before["used_memory"]) / keys / 1024
    lines = [
        f"bench/scale: {options.practices} practices x {options.articles} articles on "
        f"PostgreSQL and Redis, two hosts (one granian worker each), wrk {options.seconds} s",
        f"  provisioning: {provisioned['seconds_per_practice_median']:.2f} s per practice "
        f"(median), {provisioned['seconds_total']:.0f} s in all",
        f"  Zipf mix, first pass (each page rendered on its first read): {rate(uncached)}",
        f"  Zipf mix, cached ({len(pages)} distinct pages asked for once first): {rate(cached)}",
        f"  uncached article render: first practice {rendered['first_ms']:.1f} ms, "
        f"last practice {rendered['last_ms']:.1f} ms",
        f"  other practices re-rendered after one publish: {published['others_moved']}",
        "  memory of each server process (granian's and its worker) after the mix: "
        + ", ".join(f"{kb / 1024:.0f} MB" for kb in memory),
        f"  Redis: {per_key:.1f} KB per cached key ({keys} keys)",
    ]
    print("\n".join(lines))


def rate(run: dict) -> str:
    return f"{run['rps']:.0f} req/s, p99 {run['p99']:.1f} ms, errors {run['errors']}"


if __name__ == "__main__":
    main()
