"""Error pages that render without the database: the site's style, its crisis resources.

They are built from what the process already holds in memory (the practice settings last
read, see core/memo.py) or from the built-in defaults, and fall back to plain text if even
the template cannot be rendered: a page about a fault must not depend on what failed.
"""

import dataclasses
import logging

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape

from quietroom.core import memo, sites
from quietroom.practice.models.settings import PracticeSettings
from quietroom.practice.profile import Practice, practice, profile_of
from quietroom.reliability import faults
from quietroom.security.policy import allow_inline_style
from quietroom.theme.brand import Brand, brand, default_brand

logger = logging.getLogger("quietroom.reliability")

RETRY_AFTER_SECONDS = 30
DISK_FULL = (
    "The server’s disk is full, so what you sent could not be saved and nothing was added. "
    "Please ask whoever looks after the site to free some space, then try again."
)
PLAIN_TEXT = {
    400: "We could not understand that request. Nothing was saved. Please go back and try again.",
    413: "What you sent is larger than this site accepts. Nothing was saved.",
    500: "Something went wrong on our side. Please try again in a few minutes.",
    503: "This site is unavailable for a moment. Nothing was saved. Please try again in a minute.",
}


def default_practice() -> Practice:
    """The built-in defaults (a settings row never saved): no name, the default crisis line."""
    return dataclasses.replace(profile_of(PracticeSettings()), name="")


def offline_practice(request) -> Practice:
    """The practice as last read by this process, or the defaults."""
    return _last_known(request, practice) or default_practice()


def offline_brand(request) -> Brand:
    """The brand (logo, colours, style) as last read by this process, or the defaults."""
    return _last_known(request, brand) or default_brand()


def _last_known(request, function):
    try:
        table = memo.last_known(sites.site_table)
        host = sites.request_host(request.META)
        record = table and host and table.match(*host)
        return record and memo.last_known(function, record.id)
    except Exception:  # a bad Host header: the defaults will do
        logger.warning("Error page: %s fell back to the defaults", function.__name__)
        return None


def error_page(request, status: int, template: str, **context) -> HttpResponse:
    """`template` rendered with the offline practice; plain text if rendering fails."""
    practice, look = offline_practice(request), offline_brand(request)
    allow_inline_style(request, look.colours)
    try:
        body = render_to_string(
            template,
            {
                "practice": practice,
                "brand": look,
                "language": settings.LANGUAGE_CODE,
                "was_sending": request.method == "POST",
                **context,
            },
        )
        content_type = "text/html; charset=utf-8"
    except Exception:
        logger.exception("Error page %s could not be rendered; sent as plain text", template)
        body = f"{PLAIN_TEXT[status]}\n\n{practice.crisis_line}\n"
        content_type = "text/plain; charset=utf-8"
    response = HttpResponse(body, status=status, content_type=content_type)
    response["Cache-Control"] = "no-store"
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def unavailable(request, disk_full: bool = False) -> HttpResponse:
    # Reader forms save in one transaction, so a 503 means nothing was kept; the admin's own
    # views (Wagtail's) may have saved part of what an editor sent. A full disk does not
    # clear in a minute, so a reader is sent to the phone rather than asked to retry.
    in_admin = request.path.startswith(reverse("wagtailadmin_home"))
    return error_page(request, 503, "503.html", in_admin=in_admin, disk_full=disk_full)


def too_large(request) -> HttpResponse:
    return error_page(request, 413, "413.html")


def bad_request(request) -> HttpResponse:
    return error_page(request, 400, "400.html")


def server_error(request) -> HttpResponse:
    return error_page(request, 500, "500.html")


def is_admin_post(request) -> bool:
    return request.method == "POST" and request.path.startswith(reverse("wagtailadmin_home"))


def upload_refused(request) -> HttpResponse:
    """The editor's own page again, with a message saying the disk is full.

    Wagtail's multiple-upload script expects JSON and shows `error_message` beside the file.
    """
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name == "add_multiple":
        return JsonResponse({"success": False, "error_message": escape(DISK_FULL)})
    messages.error(request, DISK_FULL, fail_silently=True)
    return redirect(request.get_full_path())


def for_fault(request, error: BaseException) -> HttpResponse | None:
    """The response for a passing fault (503, or a disk-full message to an editor), or None."""
    if faults.disk_full(error):
        logger.error("Disk full while answering %s %s", request.method, request.path)
        if is_admin_post(request):
            return upload_refused(request)
        return unavailable(request, disk_full=True)
    if faults.database_unavailable(error):
        # Operational messages ("database is locked", "connection refused") carry no content.
        reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
        logger.error("Database unavailable (%s: %s)", type(error).__name__, reason)
        return unavailable(request)
    return None
