"""Which sites a signed-in user works on, asked of the app that knows (hosting, through a
hook), so that the apps below it can narrow their admin views without importing it."""

from wagtail import hooks

USER_SITES_HOOK = "quietroom_user_sites"
_KEPT = "_quietroom_user_sites"


def user_sites(user) -> frozenset[int] | None:
    """Ids of the sites `user` works on, or None when nothing narrows them (a superuser, or
    a deployment of one practice).

    Kept on the user object, as Wagtail keeps a user's permissions there: a request's user
    is asked once, however many rows of a listing or a bulk action ask again.
    """
    try:
        return getattr(user, _KEPT)
    except AttributeError:
        pass
    found = None
    for answer in hooks.get_hooks(USER_SITES_HOOK):
        answered = answer(user)
        if answered is not None:
            found = frozenset(answered)
            break
    setattr(user, _KEPT, found)
    return found
