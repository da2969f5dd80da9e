"""An anonymous reader of one site: every request goes through the real middleware and views."""

import re
from dataclasses import dataclass

from django.test import Client
from wagtail.models import Site

from quietroom.export.addresses import ATTRIBUTE, internal

FORM = re.compile(r"<form\b[^>]*method=\"?post", re.IGNORECASE)


@dataclass
class Answer:
    url: str
    status: int
    content_type: str
    body: bytes
    location: str = ""

    @property
    def is_html(self) -> bool:
        return self.content_type.startswith("text/html")

    @property
    def is_text(self) -> bool:
        kind = self.content_type.split(";")[0]
        return kind.startswith("text/") or kind.endswith(("xml", "json", "javascript"))


class Reader:
    """Requests pages of `site` as a reader without cookies would."""

    def __init__(self, site: Site):
        self.root_url = site.root_url
        host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
        self.client = Client(HTTP_HOST=host, raise_request_exception=False)
        self.secure = site.port == 443

    def get(self, url: str) -> Answer:
        response = self.client.get(url, secure=self.secure)
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content)
        else:
            body = response.content
        return Answer(
            url=url,
            status=response.status_code,
            content_type=response.get("Content-Type", ""),
            body=body,
            location=response.get("Location", ""),
        )

    def links(self, answer: Answer) -> set[str]:
        """Site addresses an answer points at: attributes of HTML, absolute URLs in any text."""
        text = answer.body.decode("utf-8", errors="replace")
        found = set()
        if answer.is_html:
            for name, value in ATTRIBUTE.findall(text):
                values = (
                    [c.strip().split(" ")[0] for c in value.split(",")]
                    if name == "srcset"
                    else [value]
                )
                found |= {
                    internal(v.replace("&amp;", "&"), answer.url, self.root_url) for v in values
                }
        pattern = re.escape(self.root_url) + r"/[^\s\"'<>&\\)]*"
        found |= {internal(m, answer.url, self.root_url) for m in re.findall(pattern, text)}
        found.discard(None)
        return {url.split("#")[0] for url in found}


def has_post_form(answer: Answer) -> bool:
    """True when the page holds a form that sends data back, which a static copy cannot take."""
    return answer.is_html and bool(FORM.search(answer.body.decode("utf-8", errors="replace")))
