"""A real S3-compatible server (moto's server mode) for the tests, on loopback."""

import os
import sys
import urllib.request
from contextlib import contextmanager

from quietroom.core.tests.ports import free_port
from quietroom.core.tests.processes import running

# moto accepts any keys; boto3 still wants some, and never the machine's own.
KEYS = {"AWS_ACCESS_KEY_ID": "quietroom-test", "AWS_SECRET_ACCESS_KEY": "quietroom-test"}
REGION = "us-east-1"


@contextmanager
def running_s3():
    """A moto server on a free loopback port, everything in memory; yields its endpoint URL."""
    port = free_port()
    moto_server = os.path.join(os.path.dirname(sys.executable), "moto_server")
    endpoint = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        with urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1):
            return True

    command = [moto_server, "-H", "127.0.0.1", "-p", str(port)]
    with running(command, answers, f"moto_server on port {port}", 30, env={**os.environ, **KEYS}):
        yield endpoint


def client(endpoint: str):
    import boto3

    return boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **_lower(KEYS))


def _lower(keys: dict) -> dict:
    return {name.lower(): value for name, value in keys.items()}
