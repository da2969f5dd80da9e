"""The admin's review report: pages due for review, and a button that marks one reviewed."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Page, Site

from quietroom.compliance import reviews


def _editable(pages, user):
    return [item for item in pages if item.page.permissions_for_user(user).can_edit()]


def _manages(site, user) -> bool:
    """Whether `user` may change `site`'s practice settings, where its crisis services are."""
    if not user.has_perm("practice.change_practicesettings"):
        return False
    return user.is_superuser or site.root_page.permissions_for_user(user).can_edit()


@never_cache
def report(request):
    sites = []
    for site in Site.objects.select_related("root_page").order_by("site_name", "hostname"):
        due = _editable(reviews.due_for_review(site), request.user)
        never = [
            page
            for page in reviews.never_reviewed(site)
            if page.permissions_for_user(request.user).can_edit()
        ]
        crisis = reviews.crisis_services_due(site) if _manages(site, request.user) else []
        if due or never or crisis or request.user.is_superuser:
            sites.append((site, due, never, crisis))
    return TemplateResponse(
        request,
        "compliance/admin/reviews.html",
        {"page_title": "Due for review", "header_icon": "calendar-check", "sites": sites},
    )


@require_POST
def mark_reviewed(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    try:
        published = reviews.mark_reviewed(page, request.user)
    except reviews.NotReviewable as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            f"“{page.title}” is marked reviewed today"
            + (" and published." if published else ", in a new draft revision."),
        )
    return redirect("compliance:reviews")
