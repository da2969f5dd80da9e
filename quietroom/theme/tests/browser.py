"""Debian's Chromium driven by Playwright, as the browser tests use it."""

from contextlib import contextmanager

from quietroom.core.chromium import CHROMIUM, CHROMIUM_ARGS


@contextmanager
def chromium_browser():
    """A headless Chromium; fails loudly (never skips) when the browser is missing."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(
            f"{CHROMIUM} is missing: `make test` installs Debian's chromium package."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
