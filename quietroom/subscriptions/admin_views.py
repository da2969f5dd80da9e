"""The list in the admin: counts and the send log for the practice's staff, and a reader's
data request (look up, export, delete one address) for those granted it, every use logged."""

import json
from functools import wraps

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail.admin import messages

from quietroom.inbox.views import forbidden
from quietroom.security.twofactor import required as twofactor
from quietroom.security.twofactor.middleware import next_step
from quietroom.subscriptions import access, data_requests
from quietroom.subscriptions.forms import DataRequestForm
from quietroom.subscriptions.models import AddressAccess, Mailing, MonthlyDigest
from quietroom.subscriptions.panels import counts

PER_PAGE = 50


@never_cache
def index(request):
    sites = access.visible_sites(request.user)
    if not sites.exists():
        return forbidden(request, "The list's figures are shown to the practice's inbox readers.")
    mailings = Mailing.objects.filter(site__in=sites).select_related("site")
    return TemplateResponse(
        request,
        "subscriptions/admin/index.html",
        {
            "page_title": "Email subscribers",
            "header_icon": "mail",
            "rows": counts(sites),
            "mailings": Paginator(mailings, PER_PAGE).get_page(request.GET.get("page")),
            "digests": MonthlyDigest.objects.filter(site__in=sites).select_related("site")[:24],
            "several_sites": sites.count() > 1,
            "can_manage": access.can_manage_addresses(request.user),
        },
    )


def address_manager_required(view):
    @wraps(view)
    @never_cache
    def wrapped(request, *args, **kwargs):
        if not access.can_manage_addresses(request.user):
            return forbidden(request, "Looking up a subscriber's address needs its own permission.")
        if not twofactor.is_verified(request.user):
            return next_step(request)
        return view(request, *args, **kwargs)

    return wrapped


@address_manager_required
def data_request(request):
    """The address travels in a POST only, never in a URL a server log or a history keeps."""
    sites = access.manageable_sites(request.user)
    form = DataRequestForm(request.POST or None, sites=sites)
    context = {"page_title": "A reader's data request", "header_icon": "user", "form": form}
    if request.method != "POST" or not form.is_valid():
        return TemplateResponse(request, "subscriptions/admin/data_request.html", context)
    site, address = form.cleaned_data["site"], form.cleaned_data["email"]
    action = form.cleaned_data["action"]
    if action == "export":
        return _export(request, site, address, context)
    if action == "delete_confirmed":
        gone = data_requests.erase(site, address, user=request.user)
        messages.success(
            request,
            "The address was deleted from the list."
            if gone
            else "The list held nothing to delete.",
        )
        context["form"] = DataRequestForm(sites=sites)
        return TemplateResponse(request, "subscriptions/admin/data_request.html", context)
    context["held"] = data_requests.look_up(site, address, user=request.user)
    context["asked"] = True
    # Deleting asks once more, on a page that shows what will go.
    context["confirm_delete"] = action == "delete" and context["held"] is not None
    return TemplateResponse(request, "subscriptions/admin/data_request.html", context)


def _export(request, site, address, context):
    held = data_requests.export(site, address, user=request.user)
    if held is None:
        context["asked"] = True
        return TemplateResponse(request, "subscriptions/admin/data_request.html", context)
    response = HttpResponse(
        json.dumps({"held": held}, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="subscriber-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def access_log(request):
    if not request.user.is_superuser:
        return forbidden(request, "The subscriber address log is shown to administrators.")
    entries = Paginator(AddressAccess.objects.select_related("site"), PER_PAGE)
    return TemplateResponse(
        request,
        "subscriptions/admin/access_log.html",
        {
            "page_title": "Subscriber address log",
            "header_icon": "list-ul",
            "entries": entries.get_page(request.GET.get("page")),
        },
    )
