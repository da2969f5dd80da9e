"""A moderation task that approves only what could be published: "Editorial checks".

Wagtail publishes a page when the last task of its workflow approves, without the
`before_publish_page` hook the editor's own Publish goes through; so an approval could put
an image without alt text on the site. This task is a group approval like Wagtail's own,
except that approving is refused while an error stands, with the message publishing gives.
"""

from django.db import transaction
from django.urls import reverse
from wagtail.models import AbstractGroupApprovalTask

from quietroom.checks.publishing import blocking_findings


def latest_errors(page):
    """The errors of what an approval would publish: the page's latest revision."""
    latest = page.specific.get_latest_revision_as_object()
    return latest, blocking_findings(latest)


class EditorialChecksTask(AbstractGroupApprovalTask):
    class Meta:
        verbose_name = "editorial checks and group approval"
        verbose_name_plural = "editorial checks and group approvals"

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            page = task_state.workflow_state.content_object
            _, errors = latest_errors(page)
            if errors:
                # Not approved; the workflow action view follows this URL, which says why.
                return reverse("quietroom_checks_approval_refused", args=[page.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve or request changes, and approval waits "
            "until the editorial checks find no error."
        )
