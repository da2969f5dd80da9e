"""Settings for the demo and local development: the base settings as they are."""

from .base import *  # noqa: F403
