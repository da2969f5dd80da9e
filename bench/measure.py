"""Measuring tools for bench.py: servers on loopback, wrk, nginx, a browser, timed commands."""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUIETROOM = ROOT / ".venv" / "bin" / "quietroom"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def quietroom(*args, env, timeout=900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(QUIETROOM), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url, timeout=2).read()
            return
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@contextlib.contextmanager
def running(command: list[str], env: dict, ready_url: str):
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(ready_url)
        yield
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


@contextlib.contextmanager
def nginx(root: Path, port: int):
    """nginx serving `root` with gzip_static, as a static host would."""
    folder = Path(tempfile.mkdtemp(prefix="quietroom-nginx-"))
    (folder / "logs").mkdir()
    config = folder / "nginx.conf"
    config.write_text(
        f"""worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/logs/error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  include /etc/nginx/mime.types;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    gzip_static on;
    location / {{ try_files $uri $uri/index.html =404; }}
  }}
}}
"""
    )
    subprocess.run(["nginx", "-c", str(config), "-p", str(folder)], check=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        yield
    finally:
        subprocess.run(["nginx", "-c", str(config), "-p", str(folder), "-s", "stop"], check=False)
        time.sleep(0.5)
        shutil.rmtree(folder, ignore_errors=True)


def wrk(url: str, connections: int = 64, seconds: int = 10, headers=(), script=None) -> dict:
    """Requests/s, p50 and p99 (ms) and errors for `url` under wrk on loopback; `headers`
    are further "Name: value" lines every request sends; `script` a wrk Lua script that
    chooses each request."""
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip",
            *(part for header in headers for part in ("-H", header)),
            *(("-s", str(script)) if script else ()),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout

    def latency(percent):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * UNITS[unit]

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


# The phone the issue names: 390 CSS pixels wide at twice the density (an iPhone 12 to 14).
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2}


def first_view(url: str) -> list[tuple[str, int]]:
    """Every request Chromium makes to show `url` on a phone, with the bytes each brought
    over the wire (headers and the encoded body), in the order they finished."""
    from playwright.sync_api import sync_playwright

    from quietroom.core.chromium import CHROMIUM, CHROMIUM_ARGS

    seen = []

    def finished(request):
        sizes = request.sizes()
        seen.append((request.url, sizes["responseHeadersSize"] + sizes["responseBodySize"]))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(**PHONE)
        page.on("requestfinished", finished)
        page.goto(url, wait_until="networkidle")
        browser.close()
    return seen


def browser_requests(url: str) -> list[str]:
    """Every request Chromium makes to show `url` on a phone-sized screen."""
    return [seen for seen, _ in first_view(url)]
