"""Screenshots of the demo practice in every style, phone and desktop, light and dark.

    .venv/bin/python docs/screenshots.py            # builds the demo in a temporary folder
    .venv/bin/python docs/screenshots.py --pages home article clinicians

Builds the demo in a temporary data folder, serves it with `quietroom serve`, switches the
style with `quietroom brand`, and photographs each page with Debian's Chromium into
docs/screenshots/<page>-<style>-<desktop|phone>-<light|dark>.png (the home page is named
<style>-<width>-<scheme>.png). PNGs are palette-reduced to keep the repository small.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quietroom.theme.palette import STYLES  # noqa: E402
from quietroom.theme.tests.browser import chromium_browser  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
# The `quietroom` command of the Python running this script (make's .venv, or any other).
QUIETROOM = [sys.executable, "-m", "quietroom.cli"]
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}
PAGES = {
    "home": "/",
    "article": "/articles/anxiety-at-night/",
    "clinicians": "/clinicians/",
    "clinician": "/clinicians/maya-okafor/",
    "blog": "/articles/",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(env, *args) -> None:
    subprocess.run([*QUIETROOM, *args], env=env, check=True, stdout=subprocess.DEVNULL)


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (our own server on loopback)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def optimise(path: Path) -> None:
    """Fewer colours: a screenshot of flat pages loses nothing a reader would see."""
    with Image.open(path) as shot:
        small = shot.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def name_for(page: str, style: str, device: str, scheme: str) -> str:
    prefix = "" if page == "home" else f"{page}-"
    return f"{prefix}{style}-{device}-{scheme}.png"


def shoot(base: str, env, pages: list[str], styles: list[str]) -> list[Path]:
    made = []
    with chromium_browser() as browser:
        for style in styles:
            run(env, "brand", "--style", style, "--accent-colour", STYLES[style].suggested_accent)
            for device, (width, height) in VIEWPORTS.items():
                for scheme in ("light", "dark"):
                    context = browser.new_context(
                        viewport={"width": width, "height": height},
                        device_scale_factor=1,
                        color_scheme=scheme,
                    )
                    tab = context.new_page()
                    for page in pages:
                        tab.goto(base + PAGES[page], wait_until="networkidle")
                        path = OUT / name_for(page, style, device, scheme)
                        tab.screenshot(path=str(path))
                        optimise(path)
                        made.append(path)
                    context.close()
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=["home"])
    parser.add_argument("--styles", nargs="+", choices=list(STYLES), default=list(STYLES))
    parser.add_argument("--data-dir", help="Use (and keep) this data folder instead.")
    options = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "QUIETROOM_DATA_DIR": options.data_dir or scratch}
        run(env, "demo", "--no-serve")
        port = free_port()
        server = subprocess.Popen(
            [*QUIETROOM, "serve", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/")
            for path in shoot(base, env, options.pages, options.styles):
                print(path.relative_to(ROOT))
        finally:
            server.terminate()
            server.wait(timeout=30)
        run(env, "brand", "--style", "calm", "--accent-colour", STYLES["calm"].suggested_accent)


if __name__ == "__main__":
    main()
