"""Where each address of the site lives in a static export, and links rewritten to match."""

import posixpath
import re
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

HTML = "text/html"
EXTENSIONS = {
    "application/rss+xml": "xml",
    "application/atom+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/json": "json",
    "text/plain": "txt",
}
ATTRIBUTE = re.compile(r'\b(href|src|action|srcset)="([^"]*)"')
# Addresses the export never follows: the editor, login and other dynamic endpoints.
EXCLUDED_PREFIXES = ("/admin/", "/_util/", "/django-admin/", "/inbox/")


class AddressError(ValueError):
    """An address that cannot become a file inside the export."""


def split(url: str) -> tuple[str, str]:
    """(decoded path, query) of a site-relative address."""
    parts = urlsplit(url)
    return unquote(parts.path) or "/", parts.query


def page_number(query: str) -> int | None:
    """N for a query of exactly 'page=N', the blog's pagination; None otherwise."""
    values = parse_qs(query)
    if list(values) == ["page"] and values["page"][0].isdigit():
        return int(values["page"][0])
    return None


def output_file(url: str, content_type: str) -> str:
    """The export-relative file for a site address and the type its response had.

    '/a/' → 'a/index.html'; '/a/?page=2' → 'a/page/2/index.html'; a feed at '/a/feed/'
    → 'a/feed/index.xml'; '/sitemap.xml' stays itself. Raises AddressError for an
    address that would escape the folder or carries a query the export cannot keep.
    """
    path, query = split(url)
    if query:
        number = page_number(query)
        if number is None:
            raise AddressError(f"{url} has a query string a static file cannot answer")
        if number > 1:
            path = path.rstrip("/") + f"/page/{number}/"
    if "\\" in path or "\0" in path or ".." in path.split("/"):
        raise AddressError(f"{url} is not a safe path")
    normal = posixpath.normpath(path)
    if path.endswith("/"):
        kind = content_type.split(";")[0].strip()
        name = "index.html" if kind == HTML else f"index.{EXTENSIONS.get(kind, 'html')}"
        return posixpath.join(normal, name).lstrip("/")
    return normal.lstrip("/")


def public_path(file: str) -> str:
    """The address a static host serves `file` at: folders for index.html pages."""
    if file == "index.html" or file.endswith("/index.html"):
        return "/" + file[: -len("index.html")]
    return "/" + file


def internal(url: str, base: str, root_url: str) -> str | None:
    """The site-relative address (path and query) `url` points at from page `base`,
    or None when it leads off the site."""
    if url.startswith(("mailto:", "tel:", "data:", "javascript:", "#")) or not url.strip():
        return None
    absolute = urljoin(root_url + base, url.strip())
    if not absolute.startswith(root_url + "/"):
        return None
    parts = urlsplit(absolute[len(root_url) :])
    return parts.path + (f"?{parts.query}" if parts.query else "")


def excluded(url: str) -> bool:
    return split(url)[0].startswith(EXCLUDED_PREFIXES)


class Rewriter:
    """Rewrites the links of exported files to where their targets were written."""

    def __init__(self, mapping: dict[str, str], root_url: str, base_url: str):
        self.mapping, self.root_url = mapping, root_url
        self.base_url = base_url.rstrip("/")
        self.prefix = urlsplit(self.base_url).path.rstrip("/")
        absolute = re.escape(root_url) + r"(/[^\s\"'<>&\\)]*)?(?![\w.:-])"
        self.absolute = re.compile(absolute)
        # One pass, so nothing is rewritten twice when the base URL extends the site's own.
        self.either = re.compile(rf"{ATTRIBUTE.pattern}|{absolute}")

    def html(self, text: str, page_url: str) -> str:
        def replace(match):
            name, value, target = match.group(1), match.group(2), match.group(3)
            if name is None:
                return self.base_url + self.moved(target or "/")
            if name == "srcset":
                candidates = [c.strip().split(" ", 1) for c in value.split(",") if c.strip()]
                value = ", ".join(" ".join([self.link(c[0], page_url), *c[1:]]) for c in candidates)
                return f'{name}="{value}"'
            return f'{name}="{self.link(value, page_url)}"'

        return self.either.sub(replace, text)

    def link(self, value: str, page_url: str) -> str:
        target = internal(value.replace("&amp;", "&"), page_url, self.root_url)
        if target is None:
            return value
        fragment = value[value.index("#") :] if "#" in value else ""
        path = self.moved(target.split("#")[0])
        if value.startswith(self.root_url):
            return self.base_url + path + fragment
        return self.prefix + path + fragment

    def moved(self, target: str) -> str:
        return self.mapping.get(target, target)

    def text(self, text: str) -> str:
        """Absolute addresses on the site, in any text, moved to the base URL."""
        return self.absolute.sub(lambda m: self.base_url + self.moved(m.group(1) or "/"), text)
