"""A real S3-compatible server (moto's server mode) for the tests, on loopback."""

import os
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

from quietroom.core.tests.ports import free_port

# moto accepts any keys; boto3 still wants some, and never the machine's own.
KEYS = {"AWS_ACCESS_KEY_ID": "quietroom-test", "AWS_SECRET_ACCESS_KEY": "quietroom-test"}
REGION = "us-east-1"


@contextmanager
def running_s3():
    """A moto server on a free loopback port, everything in memory; yields its endpoint URL."""
    port = free_port()
    moto_server = os.path.join(os.path.dirname(sys.executable), "moto_server")
    process = subprocess.Popen(
        [moto_server, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **KEYS},
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1):
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"moto_server did not start on port {port}")
            time.sleep(0.1)
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def client(endpoint: str):
    import boto3

    return boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **_lower(KEYS))


def _lower(keys: dict) -> dict:
    return {name.lower(): value for name, value in keys.items()}
