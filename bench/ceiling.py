"""The ceiling: a WSGI application that only returns bytes it was given, run by granian as
`quietroom serve` runs Quietroom. What it answers per second is what the server alone
allows; the fast path's share of it is what Quietroom's own Python costs.

`python bench/ceiling.py FOLDER PORT WORKERS` serves the replies `capture` saved in FOLDER.
"""

import json
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

_SKIPPED = {"date", "server", "connection", "transfer-encoding"}
REPLIES: dict[str, tuple[str, list[tuple[str, str]], bytes]] = {}
REVALIDATED: dict[str, tuple[str, list[tuple[str, str]]]] = {}


def capture(base: str, paths, folder: Path, encoding: str = "gzip") -> None:
    """Save the headers and body of each of `paths` from the server at `base`, and, where the
    reply has an ETag, the 304 the server answers a revalidation with."""
    folder.mkdir(parents=True, exist_ok=True)
    index = {}
    for number, path in enumerate(paths):
        status, headers, body = _fetch(base + path, {"Accept-Encoding": encoding})
        (folder / f"{number}.body").write_bytes(body)
        index[path] = {"status": status, "headers": headers, "body": f"{number}.body"}
        etag = dict((name.lower(), value) for name, value in headers).get("etag")
        if etag:
            status, headers, _ = _fetch(
                base + path, {"Accept-Encoding": encoding, "If-None-Match": etag}
            )
            index[path]["revalidated"] = {"status": status, "headers": headers}
    (folder / "index.json").write_text(json.dumps(index))


def _fetch(url: str, headers: dict) -> tuple[str, list[tuple[str, str]], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        response = urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as answer:  # urllib counts a 304 as an error
        response = answer
    with response:
        body = response.read()
        status = f"{response.status} {response.reason}"
        kept = [(k, v) for k, v in response.headers.items() if k.lower() not in _SKIPPED]
    return status, kept, body


def load(folder: Path) -> None:
    for path, saved in json.loads((folder / "index.json").read_text()).items():
        body = (folder / saved["body"]).read_bytes()
        REPLIES[path] = (saved["status"], [tuple(pair) for pair in saved["headers"]], body)
        if "revalidated" in saved:
            again = saved["revalidated"]
            REVALIDATED[path] = (again["status"], [tuple(pair) for pair in again["headers"]])


def application(environ, start_response):
    if not REPLIES:
        load(Path(os.environ["QUIETROOM_CEILING_FOLDER"]))
    path = environ.get("PATH_INFO", "/")
    if "HTTP_IF_NONE_MATCH" in environ and path in REVALIDATED:
        status, headers = REVALIDATED[path]
        start_response(status, list(headers))
        return [b""]
    found = REPLIES.get(path)
    if found is None:
        start_response("404 Not Found", [("Content-Length", "0")])
        return [b""]
    status, headers, body = found
    start_response(status, list(headers))
    return [body]


if __name__ == "__main__":
    from quietroom.serving import server

    folder, port, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    # Read by each of granian's workers, which import this module by name.
    os.environ["QUIETROOM_CEILING_FOLDER"] = folder
    os.environ["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    sys.path.insert(0, os.environ["PYTHONPATH"])
    server.build(port=port, workers=workers, target="bench.ceiling:application").serve()
