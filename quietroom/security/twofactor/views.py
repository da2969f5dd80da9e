"""Enrolling an authenticator app and proving it at sign-in."""

import base64

import django_otp
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from quietroom.security.twofactor.forms import TokenForm
from quietroom.security.twofactor.qr import qr_svg

WRONG_CODE = "That code is not right. Check the time on your phone and try the newest code."
THROTTLED = "Too many wrong codes. Wait a minute, then try the newest code."
DEVICE_NAME = "Authenticator app"


def next_url(request) -> str:
    """Where to go once verified: `next` when it stays on this site, else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else reverse("wagtailadmin_home")


def complete(request, device):
    # A new session key for the more trusted session, as at sign-in.
    request.session.cycle_key()
    django_otp.login(request, device)
    return redirect(next_url(request))


def check_token(device, form) -> bool:
    """Validate the form and the code; put the reason for a refusal on the form."""
    if not form.is_valid():
        return False
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        form.add_error("token", THROTTLED)
        return False
    if not device.verify_token(form.cleaned_data["token"]):
        form.add_error("token", WRONG_CODE)
        return False
    return True


def secret_text(device) -> str:
    """The device key in base32, in groups of four, for typing into an app by hand."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
def setup(request):
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(reverse("twofactor:verify") + "?" + urlencode({"next": next_url(request)}))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and check_token(device, form):
        device.confirmed = True
        device.save()
        return complete(request, device)
    context = {
        "page_title": "Set up two-factor authentication",
        "form": form,
        "qr_code": qr_svg(device.config_url),
        "secret": secret_text(device),
        "next": next_url(request),
    }
    return TemplateResponse(request, "security/twofactor_setup.html", context)


@never_cache
def verify(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect(reverse("twofactor:setup") + "?" + urlencode({"next": next_url(request)}))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and check_token(device, form):
        return complete(request, device)
    context = {"page_title": "Two-factor authentication", "form": form, "next": next_url(request)}
    return TemplateResponse(request, "security/twofactor_verify.html", context)
