"""Where Debian's Chromium is and how to launch it: the browser tests and the bench share it."""

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("QUIETROOM_CHROMIUM", "/usr/bin/chromium"))
# Without these, Chromium keeps dialling Google's services, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
