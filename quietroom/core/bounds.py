"""Which sites a signed-in user works on, asked of the app that knows (hosting, through a
hook), so that the apps below it can narrow their admin views without importing it."""

from wagtail import hooks

USER_SITES_HOOK = "quietroom_user_sites"


def user_sites(user) -> frozenset[int] | None:
    """Ids of the sites `user` works on, or None when nothing narrows them (a superuser, or
    a deployment of one practice)."""
    for answer in hooks.get_hooks(USER_SITES_HOOK):
        found = answer(user)
        if found is not None:
            return frozenset(found)
    return None
