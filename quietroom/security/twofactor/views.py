"""Enrolling an authenticator app, proving it at sign-in, and the user's recovery codes."""

import base64

import django_otp
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from quietroom.security.twofactor import recovery
from quietroom.security.twofactor.forms import TokenForm, VerifyForm
from quietroom.security.twofactor.qr import qr_svg

WRONG_CODE = "That code is not right. Check the time on your phone and try the newest code."
WRONG_RECOVERY_CODE = "That recovery code is not right, or it has been used already."
THROTTLED = "Too many wrong codes. Wait a minute, then try the newest code."
DEVICE_NAME = "Authenticator app"


def next_url(request) -> str:
    """Where to go once verified: `next` when it stays on this site, else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else reverse("wagtailadmin_home")


def with_next(view_name: str, request) -> str:
    return reverse(view_name) + "?" + urlencode({"next": next_url(request)})


def mark_verified(request, device) -> None:
    # A new session key for the more trusted session, as at sign-in.
    request.session.cycle_key()
    django_otp.login(request, device)


def check_token(device, form) -> bool:
    """Validate the form and the code; put the reason for a refusal on the form."""
    if not form.is_valid():
        return False
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        form.add_error("token", THROTTLED)
        return False
    token = form.cleaned_data["token"]
    if isinstance(device, StaticDevice):
        if not recovery.use_code(device, token):
            form.add_error("token", WRONG_RECOVERY_CODE)
            return False
    elif not device.verify_token(token):
        form.add_error("token", WRONG_CODE)
        return False
    return True


def secret_text(device) -> str:
    """The device key in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def show_codes(request, codes: list[str]):
    # Rendered as the answer to the POST that made them: no URL shows them again, and
    # never_cache on the views keeps them out of every cache (no-store).
    context = {"page_title": "Your recovery codes", "codes": codes, "next": next_url(request)}
    return TemplateResponse(request, "security/twofactor_codes.html", context)


@never_cache
def setup(request):
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(with_next("twofactor:verify", request))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and check_token(device, form):
        with transaction.atomic():
            device.confirmed = True
            device.save()
            codes = recovery.replace_codes(user)
        mark_verified(request, device)
        return show_codes(request, codes)
    context = {
        "page_title": "Set up two-factor authentication",
        "form": form,
        "qr_code": qr_svg(device.config_url),
        "secret": secret_text(device),
        "next": next_url(request),
    }
    return TemplateResponse(request, "security/twofactor_setup.html", context)


def device_for(user, token: str):
    """The device a verification code is meant for: recovery codes and app codes differ in shape."""
    if recovery.is_code(token):
        return recovery.recovery_device(user)
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@never_cache
def verify(request):
    user = request.user
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(with_next("twofactor:setup", request))
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = device_for(user, form.cleaned_data["token"])
        if device is None:
            form.add_error("token", WRONG_RECOVERY_CODE)
        elif check_token(device, form):
            mark_verified(request, device)
            if isinstance(device, StaticDevice):
                return redirect(with_next("twofactor:manage", request))
            return redirect(next_url(request))
    context = {"page_title": "Two-factor authentication", "form": form, "next": next_url(request)}
    return TemplateResponse(request, "security/twofactor_verify.html", context)


@never_cache
def manage(request):
    """The user's own two-factor page: how many recovery codes are left, and new ones."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return redirect(with_next("twofactor:setup", request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and check_token(device, form):
        return show_codes(request, recovery.replace_codes(user))
    left = recovery.remaining(user)
    context = {
        "page_title": "Your two-factor authentication",
        "form": form,
        "left": left,
        "few": left <= recovery.FEW,
        "next": next_url(request),
    }
    return TemplateResponse(request, "security/twofactor_manage.html", context)
