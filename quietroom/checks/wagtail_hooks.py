"""Admin hooks: publishing from the editor or in bulk waits until no error stands."""

from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.admin import messages

from quietroom.checks.publishing import (
    blocking_findings,
    bulk_refusal_message,
    held_back,
    keep_as_draft,
    refusal_message,
)


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
