"""A small HTTP client for the live security tests: one visitor, its cookies, real forms.

It talks to a production-mode `quietroom serve` on loopback as a browser behind the site's
trusted proxy would: every request says it arrived over HTTPS, unsafe ones carry a same-origin
Referer (Django's CSRF check insists on one over HTTPS), and `address` is the visitor's
address as the proxy reports it.
"""

import http.client
import time
import urllib.parse
from dataclasses import dataclass, field

from bs4 import BeautifulSoup


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    cookies: dict[str, str]
    body: bytes
    ended: float = 0.0

    @property
    def location(self) -> str:
        return self.headers.get("location", "")

    def text(self) -> str:
        return self.body.decode(errors="replace")


@dataclass
class Visitor:
    port: int
    address: str = "203.0.113.1"
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body: bytes | None = None, headers=None) -> Answer:
        sent = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            **(headers or {}),
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            answer = Answer(
                response.status,
                {name.lower(): value for name, value in response.getheaders()},
                set_cookies(response.msg.get_all("Set-Cookie") or []),
                response.read(),
            )
        finally:
            connection.close()
        answer.ended = time.monotonic()
        for name, value in answer.cookies.items():
            if value:
                self.cookies[name] = value
            else:
                self.cookies.pop(name, None)
        return answer

    def get(self, path: str, **headers) -> Answer:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, data: dict, referer: str | None = None) -> Answer:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": self.origin + (referer or path),
        }
        return self.request("POST", path, body=body, headers=headers)

    def submit(self, path: str, fields: dict, form_selector: str = "main form") -> Answer:
        """GET the page at `path`, fill its form's fields and POST it where it points."""
        return self.send(self.open_form(path, form_selector), fields)

    def open_form(self, path: str, form_selector: str = "main form") -> "Form":
        """GET the page at `path` and read its form: where it posts, and its hidden fields."""
        page = self.get(path)
        assert page.status == 200, (path, page.status)
        form = BeautifulSoup(page.body, "html.parser").select_one(form_selector)
        assert form is not None, f"no {form_selector} on {path}"
        data = {
            field["name"]: field.get("value", "")
            for field in form.find_all("input")
            if field.get("name") and field.get("type") in ("hidden", None, "text")
        }
        action = urllib.parse.urljoin(path, form.get("action") or path)
        return Form(page=path, action=action, data=data)

    def send(self, form: "Form", fields: dict) -> Answer:
        return self.post(form.action, {**form.data, **fields}, referer=form.page)


@dataclass
class Form:
    page: str
    action: str
    data: dict


def set_cookies(headers: list[str]) -> dict[str, str]:
    """Name and value of each Set-Cookie header; an expired cookie has the value ''."""
    cookies = {}
    for header in headers:
        name, _, rest = header.partition("=")
        value = rest.split(";", 1)[0]
        expired = "max-age=0" in header.lower() or "01 jan 1970" in header.lower()
        cookies[name.strip()] = "" if expired else value
    return cookies
