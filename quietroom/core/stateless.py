"""Stateless hosts (QUIETROOM_STATELESS=1): what must come from outside for a host to keep
nothing in its data dir, so any number of identical hosts can be started and thrown away."""

# Each, with what would otherwise be kept on the host.
NEEDED = (
    ("QUIETROOM_SECRET_KEY", "the secret key every host shares, else generated into the data dir"),
    ("QUIETROOM_INBOX_KEYS", "the inbox keys every host shares, else kept in the data dir"),
    ("DATABASE_URL", "a PostgreSQL database; SQLite is a file in the data dir"),
    ("REDIS_URL", "the page cache, else kept in the data dir's cache/"),
    ("QUIETROOM_S3_BUCKET", "a bucket for uploads and renditions, else kept in media/"),
)


def missing(environ) -> list[str]:
    """What a stateless host lacks in `environ`, each with why; empty when it may start."""
    lacking = []
    for name, why in NEEDED:
        value = environ.get(name, "").strip()
        if not value or (name == "DATABASE_URL" and value.startswith("sqlite")):
            lacking.append(f"{name} ({why})")
    return lacking


def refusal(lacking: list[str]) -> str:
    return "QUIETROOM_STATELESS=1 keeps nothing on this host, so it needs " + "; ".join(lacking)
