"""Wagtail redirects as small pages and a _redirects file, so old addresses keep working."""

from html import escape
from pathlib import Path

from django.db.models import Q
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from quietroom.export.addresses import AddressError, output_file

STUB = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Moved</title>
<link rel="canonical" href="{url}"><meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={url}"></head>
<body><p>This page has moved to <a href="{url}">{url}</a>.</p></body></html>
"""


def write_redirects(site: Site, work: Path, mapping: dict[str, str], base_url: str) -> list[Path]:
    """A page for each redirect of `site` whose old address is free, and a `_redirects`
    file (Netlify, Cloudflare Pages) listing them all. Returns the files written."""
    lines, written = [], []
    redirects = Redirect.objects.filter(Q(site=site) | Q(site__isnull=True))
    for redirect in redirects.select_related("redirect_page").order_by("old_path"):
        target = redirect_target(redirect, site, mapping, base_url)
        if not target or "?" in redirect.old_path:
            continue
        lines.append(f"{redirect.old_path} {target} 301")
        try:
            file = work / output_file(redirect.old_path.rstrip("/") + "/", "text/html")
        except AddressError:
            continue
        if not file.exists() and file.resolve().is_relative_to(work.resolve()):
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(STUB.format(url=escape(target)))
            written.append(file)
    if lines:
        (work / "_redirects").write_text("\n".join(lines) + "\n")
        written.append(work / "_redirects")
    return written


def redirect_target(redirect: Redirect, site: Site, mapping: dict, base_url: str) -> str:
    if redirect.redirect_page:
        if not redirect.redirect_page.live:
            return ""
        path = redirect.redirect_page.relative_url(site) or ""
        return base_url + mapping.get(path, path) if path in mapping else ""
    link = redirect.redirect_link
    if link.startswith("/"):
        return base_url + mapping.get(link, link) if link in mapping else ""
    return link
