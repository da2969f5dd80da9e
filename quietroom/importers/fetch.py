"""Download an attachment from the old site, guarded against SSRF and resource abuse."""

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """The address was refused or the download failed; the message says why."""


def is_public_address(address: Address) -> bool:
    """True for an address on the public internet; False for private, loopback, link-local,
    shared, reserved and multicast ranges, including IPv4 written inside IPv6."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


@dataclass(frozen=True)
class FetchPolicy:
    """Limits for one download. `address_allowed` is a parameter only so that tests can
    prove a successful download from a loopback server; the command never changes it."""

    max_bytes: int = 10 * 1024 * 1024
    deadline: float = 15.0
    max_redirects: int = 3
    address_allowed: Callable[[Address], bool] = is_public_address


def resolve(host: str, port: int, policy: FetchPolicy) -> str:
    """The address to connect to; refuses the host if any address it resolves to is refused."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"the host {host} could not be found") from error
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    for address in addresses:
        if not policy.address_allowed(address):
            raise FetchError(
                f"{host} is {address}, a private, loopback or link-local address; refused"
            )
    return str(addresses[0])


def fetch(url: str, policy: FetchPolicy = FetchPolicy()) -> bytes:
    """The body of `url`, if it is an image served from an allowed address within limits.

    Only http and https; every redirect is checked again; the body is cut at
    `max_bytes`; the whole download, redirects included, must finish by `deadline`.
    The bytes still need check_image(): a server's Content-Type proves nothing.
    """
    started = time.monotonic()
    for _hop in range(policy.max_redirects + 1):
        response, connection = _request(url, policy, started)
        try:
            if response.status in REDIRECTS:
                location = response.getheader("Location") or ""
                if not location:
                    raise FetchError(f"the server answered {response.status} with no Location")
                url = urljoin(url, location)
                continue
            return _body(response, connection, policy, started)
        finally:
            connection.close()
    raise FetchError(f"more than {policy.max_redirects} redirects")


def _request(url: str, policy: FetchPolicy, started: float):
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise FetchError(f"only http and https addresses are fetched, not “{parts.scheme}:”")
    try:
        host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchError("the address has an invalid port") from error
    if not host:
        raise FetchError("the address has no host")
    address = resolve(host, port, policy)
    timeout = _remaining(policy, started)
    connection = (
        _PinnedHTTPS(host, address, port, timeout)
        if parts.scheme == "https"
        else _PinnedHTTP(host, address, port, timeout)
    )
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request(
            "GET", target, headers={"User-Agent": "Quietroom importer", "Accept": "image/*"}
        )
        return connection.getresponse(), connection
    except (OSError, http.client.HTTPException) as error:
        connection.close()
        raise FetchError(f"the download failed: {_reason(error)}") from error


def _body(response, connection, policy: FetchPolicy, started: float) -> bytes:
    if response.status != 200:
        raise FetchError(f"the server answered {response.status}")
    kind = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
    if not kind.startswith("image/"):
        raise FetchError(f"the server sent {kind or 'no type'}, not an image")
    length = response.getheader("Content-Length")
    if length and length.isdigit() and int(length) > policy.max_bytes:
        raise FetchError(f"the file is larger than the {policy.max_bytes // 1024**2} MB limit")
    data = bytearray()
    try:
        while True:
            # http.client lets go of the socket once the response owns it; the pinned
            # connection kept it, so each read can wait only for the time that is left.
            connection.pinned_socket.settimeout(_remaining(policy, started))
            chunk = response.read1(CHUNK)
            if not chunk:
                return bytes(data)
            data += chunk
            if len(data) > policy.max_bytes:
                raise FetchError(
                    f"the file is larger than the {policy.max_bytes // 1024**2} MB limit"
                )
            _remaining(policy, started)
    except (OSError, http.client.HTTPException) as error:
        raise FetchError(f"the download failed: {_reason(error)}") from error


def _remaining(policy: FetchPolicy, started: float) -> float:
    left = policy.deadline - (time.monotonic() - started)
    if left <= 0:
        raise FetchError(f"the download took longer than {policy.deadline:g} s")
    return left


def _reason(error: Exception) -> str:
    if isinstance(error, TimeoutError | socket.timeout):
        return "timed out"
    return str(error) or type(error).__name__


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to the address that was checked, never to a fresh DNS answer."""

    def __init__(self, host, address, port, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = self.pinned_socket = socket.create_connection(
            (self.address, self.port), self.timeout
        )


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host, address, port, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.pinned_socket = self._context.wrap_socket(sock, server_hostname=self.host)
