"""Read an export back as a static host would serve it, independently of the exporter."""

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK = re.compile(r'\b(?:href|src)="([^"]*)"')
SRCSET = re.compile(r'\bsrcset="([^"]*)"')


def served_file(root: Path, path: str) -> Path | None:
    """The file a static host would answer `path` with, if any."""
    path = unquote(path)
    candidate = root / path.lstrip("/")
    if path.endswith("/"):
        candidate = candidate / "index.html"
    if candidate.is_file():
        return candidate
    if (candidate / "index.html").is_file():
        return candidate / "index.html"
    return None


def page_address(root: Path, file: Path) -> str:
    relative = file.relative_to(root).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def links_of(html: str) -> list[str]:
    found = LINK.findall(html)
    for srcset in SRCSET.findall(html):
        found += [part.strip().split(" ")[0] for part in srcset.split(",") if part.strip()]
    return [link.replace("&amp;", "&") for link in found]


def broken_links(root: Path, base_url: str) -> list[str]:
    """Every internal link or image of every exported HTML file that no file answers."""
    base = base_url.rstrip("/")
    prefix = urlsplit(base).path
    broken = []
    for file in root.rglob("*.html"):
        here = base + page_address(root, file)
        for link in links_of(file.read_text()):
            absolute = urljoin(here, link)
            if not absolute.startswith(base + "/"):
                continue
            path = urlsplit(absolute).path[len(prefix) :]
            if served_file(root, path) is None:
                broken.append(f"{page_address(root, file)} → {link}")
    return broken
