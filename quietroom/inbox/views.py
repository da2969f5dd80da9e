"""Admin views of the inbox. Every view checks the explicit permission and never caches."""

from dataclasses import dataclass
from functools import wraps

from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Site

from quietroom.inbox import access
from quietroom.inbox.crypto import KeyMismatch
from quietroom.inbox.models import AccessLogEntry, ConsultationRequest
from quietroom.inbox.times import local_time
from quietroom.security.twofactor import required as twofactor
from quietroom.security.twofactor.middleware import next_step

PER_PAGE = 50
PREVIEW_LENGTH = 80
STATUS_FILTERS = {"open", *ConsultationRequest.Status.values, "all"}


def forbidden(request, reason: str):
    """An explicit 403 (Wagtail would turn PermissionDenied into a redirect to the dashboard)."""
    context = {"page_title": "Not allowed", "header_icon": "lock", "reason": reason}
    return TemplateResponse(request, "inbox/forbidden.html", context, status=403)


def inbox_reader_required(view):
    @wraps(view)
    @never_cache
    def wrapped(request, *args, **kwargs):
        if not access.can_read_inbox(request.user):
            return forbidden(request, "Reading consultation requests needs the inbox permission.")
        # The admin-wide gate sends readers here verified; this holds even without it.
        if not twofactor.is_verified(request.user):
            return next_step(request)
        return view(request, *args, **kwargs)

    return wrapped


def filtered(requests, status: str):
    if status == "open":
        return requests.open()
    if status == "all":
        return requests
    return requests.filter(status=status)


@inbox_reader_required
def index(request):
    status = request.GET.get("status", "open")
    if status not in STATUS_FILTERS:
        status = "open"
    requests = filtered(access.readable_requests(request.user), status).newest_first()
    page = Paginator(requests, PER_PAGE).get_page(request.GET.get("page"))
    show_previews = access.can_preview(request.user)
    if show_previews:
        with transaction.atomic():  # every preview shown is logged, or none is shown
            rows = [Row.of(item, *preview(item, request.user)) for item in page]
    else:
        rows = [Row.of(item) for item in page]
    return TemplateResponse(
        request,
        "inbox/index.html",
        {
            "page_title": "Inbox",
            "header_icon": "mail",
            "requests": page,
            "rows": rows,
            "show_previews": show_previews,
            "status": status,
            "status_filters": [
                ("open", "Open"),
                *ConsultationRequest.Status.choices,
                ("all", "All"),
            ],
        },
    )


@dataclass(frozen=True)
class Row:
    """One line of the inbox list; name and message only for readers allowed previews."""

    item: ConsultationRequest
    received: str
    name: str = ""
    message: str = ""

    @classmethod
    def of(cls, item, name: str = "", message: str = "") -> "Row":
        return cls(item, local_time(item.received_at, item.site_id), name, message)


def preview(item, user) -> tuple[str, str]:
    """(name, the message's opening) of a request, the read logged as a preview."""
    try:
        data = access.read(item, user, AccessLogEntry.Action.PREVIEWED)
    except KeyMismatch:
        return "", "Cannot be decrypted with this site’s keys."
    name, message = data.get("name", ""), data.get("message", "")
    return name, message if len(message) <= PREVIEW_LENGTH else message[:PREVIEW_LENGTH] + "…"


@inbox_reader_required
def detail(request, pk):
    item = get_object_or_404(access.readable_requests(request.user), pk=pk)
    try:
        data, problem = access.read(item, request.user), ""
    except KeyMismatch as error:
        data, problem = None, str(error)
    return TemplateResponse(
        request,
        "inbox/detail.html",
        {
            "page_title": "Consultation request",
            "header_icon": "mail",
            "item": item,
            "received": local_time(item.received_at, item.site_id, "j F Y, H:i T"),
            "data": data,
            "problem": problem,
            "statuses": ConsultationRequest.Status.choices,
        },
    )


@require_POST
@inbox_reader_required
def set_status(request, pk):
    item = get_object_or_404(access.readable_requests(request.user), pk=pk)
    status = request.POST.get("status")
    if status in ConsultationRequest.Status.values and status != item.status:
        with transaction.atomic():
            item.status = status
            item.save(update_fields=["status"])
            access.log(request.user, item.pk, AccessLogEntry.Action.STATUS, status)
        messages.success(
            request,
            f"The request received {local_time(item.received_at, item.site_id)} is now "
            f"marked {item.get_status_display().lower()}.",
        )
    return redirect("inbox:index")


@inbox_reader_required
def delete(request, pk):
    item = get_object_or_404(access.readable_requests(request.user), pk=pk)
    if request.method == "POST":
        with transaction.atomic():
            access.log(request.user, item.pk, AccessLogEntry.Action.DELETED)
            item.delete()
        received = local_time(item.received_at, item.site_id)
        messages.success(request, f"The request received {received} was deleted for good.")
        return redirect("inbox:index")
    return TemplateResponse(
        request,
        "inbox/confirm_delete.html",
        {"page_title": "Delete this request?", "header_icon": "bin", "item": item},
    )


@never_cache
def access_log(request):
    """Admins (superusers) read who opened what; the log holds no request content."""
    if not request.user.is_superuser:
        return forbidden(request, "Only administrators can read the inbox access log.")
    entries = Paginator(AccessLogEntry.objects.select_related("user"), PER_PAGE)
    page = entries.get_page(request.GET.get("page"))
    # The log belongs to the deployment: its times are those of the default site's practice.
    site = Site.objects.filter(is_default_site=True).first()
    site_id = site.pk if site else None
    return TemplateResponse(
        request,
        "inbox/access_log.html",
        {
            "page_title": "Inbox access log",
            "header_icon": "list-ul",
            "entries": page,
            "rows": [(entry, local_time(entry.at, site_id, "j M Y, H:i:s T")) for entry in page],
        },
    )
