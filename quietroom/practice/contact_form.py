"""The contact page's request handling: show the form, refuse spam, store, notify."""

import logging

from django.conf import settings
from django.db import DatabaseError, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.models import Site

from quietroom.inbox import spam
from quietroom.inbox.forms import ConsultationRequestForm
from quietroom.inbox.store import notify, store_request
from quietroom.practice.models.clinicians import ClinicianPage
from quietroom.practice.models.services import ServicePage
from quietroom.practice.models.settings import PracticeSettings
from quietroom.security.clientip import client_ip

logger = logging.getLogger("quietroom.practice")

TOO_FAST = (
    "We could not send this yet. Please check your details and press the button again, "
    "or call us if it keeps happening."
)


def choices(page, model) -> list[tuple[str, str]]:
    pages = model.objects.live().public().descendant_of(page.get_site().root_page)
    return [(str(p.pk), p.title) for p in pages.order_by("title")]


def build_form(page, data=None):
    return ConsultationRequestForm(
        data,
        clinicians=choices(page, ClinicianPage),
        services=choices(page, ServicePage),
    )


def contact_view(page, request):
    """GET shows the form; POST stores a valid request and redirects to the thank-you page."""
    request.sensitive_post_parameters = "__ALL__"  # nothing typed here reaches error reports
    if settings.QUIETROOM_STATIC_EXPORT:
        return render(page, request, None)
    if request.method != "POST":
        return render(page, request, build_form(page))
    ip_address = client_ip(request)
    if spam.over_limit(ip_address):
        return render(page, request, None, template="practice/contact_limited.html", status=429)
    form = build_form(page, request.POST)
    if form.is_automated():
        form = build_form(page, request.POST.dict() | {"started": spam.start_token()})
        form.is_valid()
        form.add_error(None, TOO_FAST)
        return render(page, request, form, status=400)
    if not form.is_valid():
        return render(page, request, form, status=400)
    site = Site.find_for_request(request) or page.get_site()
    # Everything that could fail is done before saving: after the commit, only the notice.
    thanks = page.url + page.reverse_subpage("thanks")
    try:
        consultation = save_submission(form.request_data(), site, ip_address)
    except spam.OverLimit:  # others from this address were accepted meanwhile
        return render(page, request, None, template="practice/contact_limited.html", status=429)
    try:
        practice = PracticeSettings.for_site(site)
        notify(consultation, practice.email, practice.name)
    except DatabaseError:
        # The request is stored; telling the person it failed would only make them send it
        # twice. The notification stays "pending" for the inbox to show.
        logger.warning("Notification for consultation request %s not recorded", consultation.pk)
    return redirect(thanks)


@transaction.atomic
def save_submission(data: dict, site, ip_address: str):
    """Count the request against the sender's limit and store it: both or neither.

    Raises spam.OverLimit, storing nothing, when the limit is reached.
    """
    spam.take_slot(ip_address)
    return store_request(data, site)


def render(page, request, form, template=None, status=200):
    response = TemplateResponse(
        request,
        template or page.get_template(request),
        {
            **page.get_context(request),
            "form": form,
            "retention_days": settings.QUIETROOM_INBOX_RETENTION_DAYS,
            "static_export": settings.QUIETROOM_STATIC_EXPORT,
            "live_contact_url": settings.QUIETROOM_CONTACT_URL,
        },
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response
