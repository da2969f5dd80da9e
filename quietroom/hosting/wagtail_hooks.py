"""What the hosting boundaries offer the apps below (which never import this one)."""

from wagtail import hooks

from quietroom.core.bounds import USER_SITES_HOOK
from quietroom.hosting.boundaries import bound_sites

hooks.register(USER_SITES_HOOK, bound_sites)
