"""The one place inbox keys live: loading, creating, rotating, encrypting and decrypting.

Keys are Fernet keys (AES-128-CBC with HMAC-SHA256, from the `cryptography` package). The
first key encrypts; every key decrypts, so requests written before a rotation stay readable.
Keys come from QUIETROOM_INBOX_KEYS (comma-separated) or, failing that, from the file
`secrets/inbox_keys` in the data directory (one key per line, newest first).
"""

import contextlib
import json
import os
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

ENV_KEYS = "QUIETROOM_INBOX_KEYS"


class KeyMismatch(Exception):
    """The ciphertext was not written with any key we hold."""


def keys_file() -> Path:
    return Path(settings.DATA_DIR) / "secrets" / "inbox_keys"


def parse_keys(text: str) -> list[bytes]:
    keys = [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]
    for key in keys:
        try:
            Fernet(key)
        except ValueError as error:
            raise ImproperlyConfigured(
                "An inbox key is not a valid Fernet key (32 url-safe base64-encoded bytes)."
            ) from error
    return [key.encode() for key in keys]


def load_keys(create: bool | None = None) -> list[bytes]:
    """The inbox keys, newest first.

    With no key anywhere, a first key is created in the data dir when `create` is true (the
    default outside production); otherwise ImproperlyConfigured is raised, because the inbox
    must never fall back to storing plain text.
    """
    if os.environ.get(ENV_KEYS):
        return parse_keys(os.environ[ENV_KEYS])
    path = keys_file()
    if path.exists():
        keys = parse_keys(path.read_text())
        if keys:
            return keys
    if create is None:
        create = settings.QUIETROOM_INBOX_CREATE_KEY
    if not create:
        raise ImproperlyConfigured(
            f"No inbox key: set {ENV_KEYS} or create {path} with `quietroom rotate_inbox_key`."
        )
    write_keys(path, [Fernet.generate_key()], replace=False)
    return parse_keys(path.read_text())


def write_keys(path: Path, keys: list[bytes], replace: bool = True) -> None:
    """Write the keys file atomically, readable by its owner only.

    With `replace=False` an existing file wins: of several processes creating the first key
    at once, one key is kept and every process uses it.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".inbox_keys.")
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write("\n".join(key.decode() for key in keys) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def cipher(keys: list[bytes] | None = None) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in (keys or load_keys())])


def encrypt(data: dict, keys: list[bytes] | None = None) -> str:
    """Encrypt a JSON-serialisable dict; the result is an ASCII Fernet token."""
    plaintext = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return cipher(keys).encrypt(plaintext).decode("ascii")


def decrypt(token: str, keys: list[bytes] | None = None) -> dict:
    """Decrypt a token written by `encrypt`; raise KeyMismatch if no key we hold fits."""
    return decrypt_with(cipher(keys), token)


def decrypt_with(opener: MultiFernet, token: str) -> dict:
    try:
        plaintext = opener.decrypt(token.encode("ascii"))
    except InvalidToken as error:
        raise KeyMismatch(
            "This request was encrypted with a key this site does not hold."
        ) from error
    return json.loads(plaintext)


def add_new_key() -> list[bytes]:
    """Put a fresh key first in the keys file, keeping the old ones for reading."""
    if os.environ.get(ENV_KEYS):
        raise ImproperlyConfigured(
            f"Keys come from {ENV_KEYS}; rotate them there (put a new key first)."
        )
    path = keys_file()
    existing = parse_keys(path.read_text()) if path.exists() else []
    keys = [Fernet.generate_key(), *existing]
    write_keys(path, keys)
    return keys


def drop_old_keys() -> list[bytes]:
    """Keep only the newest key; call only once every sealed value was re-encrypted
    (quietroom/inbox/rotation.py)."""
    keys = load_keys(create=False)[:1]
    write_keys(keys_file(), keys)
    return keys
