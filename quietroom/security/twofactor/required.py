"""Who must prove a second factor before using the admin."""

from django_otp import user_has_device
from wagtail import hooks

# Apps that hold sensitive data say who may read it through this hook (the inbox: its
# readers); security never imports them.
SENSITIVE_READERS_HOOK = "quietroom_reads_sensitive_data"

# Holders of these can put themselves (or a new account) in the inbox readers' group.
GRANTING_PERMISSIONS = ("auth.add_user", "auth.change_user", "auth.add_group", "auth.change_group")


def can_grant_inbox(user) -> bool:
    return user.is_superuser or any(user.has_perm(p) for p in GRANTING_PERMISSIONS)


def requires_second_factor(user) -> bool:
    """True for anyone who can read the inbox, or give themselves the right to.

    A user who enrolled a device of their own accord is held to it as well. The answer is
    cached on the user object, which lives for one request.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if not hasattr(user, "_requires_second_factor"):
        user._requires_second_factor = (
            any(reads(user) for reads in hooks.get_hooks(SENSITIVE_READERS_HOOK))
            or can_grant_inbox(user)
            or user_has_device(user, confirmed=True)
        )
    return user._requires_second_factor


def is_verified(user) -> bool:
    """True once this session proved a second factor (django-otp's OTPMiddleware sets it)."""
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())
