"""Where the shared WXR test corpus lives (it is read in place, never copied into the project)."""

import os
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
CANDIDATES = (REPOSITORY.parent / "shared" / "wxr", Path("/work/shared/wxr"))


def corpus_dir() -> Path:
    """QUIETROOM_WXR_CORPUS, else `../shared/wxr` beside the repository, else /work/shared/wxr.

    A clone made elsewhere (CI clones into a temporary folder) still finds the corpus of
    this machine; when none exists the first candidate is returned, and the tests that need
    it fail saying where they looked.
    """
    if os.environ.get("QUIETROOM_WXR_CORPUS"):
        return Path(os.environ["QUIETROOM_WXR_CORPUS"])
    return next((path for path in CANDIDATES if path.is_dir()), CANDIDATES[0])
