"""What the hosting boundaries offer the security app (which never imports this one)."""

from wagtail import hooks

from quietroom.hosting.boundaries import bound_sites, root_paths


@hooks.register("quietroom_user_sites")
def user_site_roots(user) -> list[str] | None:
    """Tree paths of the site roots `user` works on, or None when not bound to any."""
    sites = bound_sites(user)
    return None if sites is None else root_paths(sites)
