"""The Content-Security-Policy and Permissions-Policy each kind of response is sent with."""

import base64
import hashlib
from functools import cache

from csp.constants import NONE, SELF, UNSAFE_INLINE
from wagtail import hooks

# The theme answers with the stylesheets a reader page may inline (security never imports it).
INLINE_STYLES_HOOK = "quietroom_inline_stylesheets"

# Powerful features no page of a practice site needs; an empty allowlist denies them.
DENIED_FEATURES = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "interest-cohort",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
    "browsing-topics",
]
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)

# Directives every policy shares: no plugins, no <base> rewriting, no framing by others.
LOCKED_DOWN = {
    "object-src": [NONE],
    "base-uri": [NONE],
    "frame-ancestors": [NONE],
    "form-action": [SELF],
}


def style_hash(css: str) -> str:
    digest = hashlib.sha256(css.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def allow_inline_style(request, css: str) -> None:
    """Let this response's page inline `css` (a stylesheet that differs between sites, such
    as a practice's colours): its hash joins the policy of this response only. The page and
    its header are cached together, so every reader of the site gets both alike."""
    if request is None:
        return
    hashes = request.__dict__.setdefault("_quietroom_style_hashes", [])
    if (found := style_hash(css)) not in hashes:
        hashes.append(found)


def inline_style_hashes(request) -> list[str]:
    return list(getattr(request, "_quietroom_style_hashes", ()))


@cache
def reader_policy() -> dict:
    """Reader pages: everything from this origin, no inline script, inline CSS only by hash.

    The hashes come from the same function that inlines the stylesheets (the theme offers
    it through a hook, INLINE_STYLES_HOOK: one sheet per style), so a CSS edit can never
    leave the page and its policy out of step; a sheet that differs between sites (the
    practice's colours) is added per response by `allow_inline_style`. Hashes (not nonces)
    keep the HTML identical for every reader, so a page cache can serve it as it is.
    """
    stylesheets = [css for listed in hooks.get_hooks(INLINE_STYLES_HOOK) for css in listed()]
    return {
        "default-src": [SELF],
        "style-src": [SELF, *(style_hash(css) for css in stylesheets)],
        # The favicon is inline (a data: URI), so it costs no request.
        "img-src": [SELF, "data:"],
        **LOCKED_DOWN,
    }


@cache
def preview_policy() -> dict:
    """A page as the editor's preview panel shows it: the reader's policy, framed only by
    the admin of this same origin (a reader page may be framed by no one)."""
    return {**reader_policy(), "frame-ancestors": [SELF]}


# The Wagtail admin still writes inline <script> for a few widgets and inline styles
# everywhere, and shows page previews in a same-origin frame.
ADMIN_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    **LOCKED_DOWN,
    "frame-ancestors": [SELF],
}

# Uploaded files opened directly: nothing in them may run or load anything.
FILE_POLICY = {"default-src": [NONE], **LOCKED_DOWN, "form-action": [NONE]}
