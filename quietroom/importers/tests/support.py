"""Crafted WXR documents, images and the import call the importer tests share."""

import io
import re
from pathlib import Path

from PIL import Image

from quietroom.importers.corpus import corpus_dir
from quietroom.importers.load import ImportOptions, import_wxr

DATA = Path(__file__).parent / "data"
CORPUS = corpus_dir()
PRACTICE = DATA / "practice.xml"
# What the repair pass must leave alone, the references XML knows, and named references:
# to count repairs in a raw file without the code under test.
UNTOUCHED = re.compile(r"<!\[CDATA\[.*?\]\]>|<!--.*?-->|<\?.*?\?>", re.DOTALL)
XML_REFERENCE = re.compile(r"&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);")
NAMED_REFERENCE = re.compile(r"&[A-Za-z][A-Za-z0-9]*;")


def repair_counts(text: str) -> tuple[int, int]:
    """(bare ampersands, named references) outside CDATA, comments and instructions."""
    outside = XML_REFERENCE.sub("", UNTOUCHED.sub("", text))
    named = len(NAMED_REFERENCE.findall(outside))
    return outside.count("&") - named, named


def image_bytes(kind="JPEG", size=(640, 400), color=(90, 140, 120)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, kind)
    return buffer.getvalue()


def write_image(folder: Path, relative: str, kind="JPEG") -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(image_bytes(kind))
    return path


def run_import(path, **options):
    return import_wxr(path, ImportOptions(**options))


def wxr(body: str, head: str = "", channel: str = "") -> str:
    """A minimal WXR document around `body` (items), for crafted test files."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{head}"
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
        "<title>Crafted</title><link>https://crafted.example</link>\n"
        f"<wp:wxr_version>1.2</wp:wxr_version>{channel}\n{body}\n</channel>\n</rss>\n"
    )


def post(number: int, title: str, content: str, status="publish", extra="") -> str:
    return (
        f"<item><title>{title}</title>"
        f"<link>https://crafted.example/{number}/</link>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded>"
        f"<wp:post_id>{number}</wp:post_id>"
        "<wp:post_date>2024-02-01 10:00:00</wp:post_date>"
        f"<wp:post_name>post-{number}</wp:post_name>"
        f"<wp:status>{status}</wp:status><wp:post_type>post</wp:post_type>{extra}</item>"
    )
