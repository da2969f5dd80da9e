"""The rule families; importing this package registers every rule."""

from quietroom.checks.rules import accessibility, readability, review, safety, search

__all__ = ["accessibility", "readability", "review", "safety", "search"]
