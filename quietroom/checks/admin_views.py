"""Where a refused approval lands: the reason, then the page's editor."""

from django.shortcuts import get_object_or_404, redirect
from wagtail.admin import messages
from wagtail.models import Page

from quietroom.checks.publishing import refusal_message
from quietroom.checks.workflow import latest_errors


def approval_refused(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    task = page.current_workflow_task
    may_see = page.permissions_for_user(request.user).can_edit() or (
        task is not None and task.specific.user_can_access_editor(page, request.user)
    )
    if not may_see:
        return redirect("wagtailadmin_home")
    latest, errors = latest_errors(page)
    if errors:
        messages.error(request, approval_message(latest, errors))
    return redirect("wagtailadmin_pages:edit", page.pk)


def approval_message(page, errors) -> str:
    return "Not approved. " + refusal_message(page, errors)
