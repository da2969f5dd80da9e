"""The ceiling: a WSGI application that only returns bytes it was given, run by granian as
`quietroom serve` runs Quietroom. What it answers per second is what the server alone
allows; the fast path's share of it is what Quietroom's own Python costs.

`python bench/ceiling.py FOLDER PORT WORKERS` serves the replies `capture` saved in FOLDER.
"""

import json
import os
import sys
import urllib.request
from pathlib import Path

_SKIPPED = {"date", "server", "connection", "transfer-encoding"}
REPLIES: dict[str, tuple[list[tuple[str, str]], bytes]] = {}


def capture(base: str, paths, folder: Path, encoding: str = "gzip") -> None:
    """Save the status line's headers and body of each of `paths` from the server at `base`."""
    folder.mkdir(parents=True, exist_ok=True)
    index = {}
    for number, path in enumerate(paths):
        request = urllib.request.Request(base + path, headers={"Accept-Encoding": encoding})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            headers = [(k, v) for k, v in response.getheaders() if k.lower() not in _SKIPPED]
        (folder / f"{number}.body").write_bytes(body)
        index[path] = {"headers": headers, "body": f"{number}.body"}
    (folder / "index.json").write_text(json.dumps(index))


def load(folder: Path) -> None:
    for path, saved in json.loads((folder / "index.json").read_text()).items():
        headers = [(name, value) for name, value in saved["headers"]]
        REPLIES[path] = (headers, (folder / saved["body"]).read_bytes())


def application(environ, start_response):
    if not REPLIES:
        load(Path(os.environ["QUIETROOM_CEILING_FOLDER"]))
    found = REPLIES.get(environ.get("PATH_INFO", "/"))
    if found is None:
        start_response("404 Not Found", [("Content-Length", "0")])
        return [b""]
    headers, body = found
    start_response("200 OK", list(headers))
    return [body]


if __name__ == "__main__":
    from quietroom.serving import server

    folder, port, workers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    # Read by each of granian's workers, which import this module by name.
    os.environ["QUIETROOM_CEILING_FOLDER"] = folder
    os.environ["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    sys.path.insert(0, os.environ["PYTHONPATH"])
    server.build(port=port, workers=workers, target="bench.ceiling:application").serve()
