"""The installed `quietroom` command, run as an operator would: in an environment with none of
this test run's Quietroom or Django settings."""

import os
import subprocess
import sys
from pathlib import Path

QUIETROOM = Path(sys.executable).with_name("quietroom")


def run_quietroom(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("QUIETROOM_", "DJANGO_"))}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [str(QUIETROOM), *args], env={**clean, **env}, capture_output=True, text=True, timeout=120
    )
