"""Admin hooks: publishing from the editor, in bulk or by a moderator's approval waits until
no error stands."""

from django.contrib import messages as django_messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.admin import messages

from quietroom.checks import admin_views
from quietroom.checks.publishing import (
    blocking_findings,
    bulk_refusal_message,
    held_back,
    keep_as_draft,
    refusal_message,
)
from quietroom.checks.workflow import EditorialChecksTask, latest_errors


@hooks.register("before_publish_page")
def refuse_to_publish_with_errors(request, page):
    """Stops the editor's publish while an error stands; the draft stays saved."""
    # The edit and create views have saved the draft revision by now; only publishing waits.
    errors = blocking_findings(page)
    if not errors:
        return None
    keep_as_draft(page)
    messages.error(request, refusal_message(page, errors))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_bulk_action")
def refuse_bulk_publish_with_errors(request, action_type, objects, action_class_instance):
    """Stops a bulk publish when any chosen page's draft has an error."""
    if action_type != "publish":
        return None
    held = held_back(objects)
    if not held:
        return None
    messages.error(request, bulk_refusal_message(held))
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = "wagtailadmin_explore_root"
    return redirect(back)


@hooks.register("register_admin_urls")
def checks_urls():
    return [
        path(
            "checks/approval-refused/<int:page_id>/",
            admin_views.approval_refused,
            name="quietroom_checks_approval_refused",
        )
    ]


@hooks.register("after_edit_page")
def say_why_an_approval_was_refused(request, page):
    """Approving from the editor: the task refused (see checks/workflow.py); say why here,
    where Wagtail would otherwise thank the moderator for a save."""
    if "action-workflow-action" not in request.POST:
        return None
    if request.POST.get("workflow-action-name") != "approve":
        return None
    task_state = page.current_workflow_task_state
    if task_state is None or not isinstance(task_state.task.specific, EditorialChecksTask):
        return None
    latest, errors = latest_errors(page)
    if not errors:
        return None
    for _ in django_messages.get_messages(request):  # drop the edit view's "saved" message
        pass
    messages.error(request, admin_views.approval_message(latest, errors))
    return redirect("wagtailadmin_pages:edit", page.pk)
