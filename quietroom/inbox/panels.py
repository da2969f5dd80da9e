"""The dashboard panel: how many requests wait, and whether any notification failed."""

from wagtail.admin.ui.components import Component

from quietroom.inbox.models import ConsultationRequest


class InboxSummaryPanel(Component):
    name = "inbox_summary"
    order = 50
    template_name = "inbox/summary_panel.html"

    def __init__(self, requests):
        self.requests = requests

    def get_context_data(self, parent_context=None):
        return {
            "new_count": self.requests.filter(status=ConsultationRequest.Status.NEW).count(),
            "failed_count": self.requests.filter(
                notification=ConsultationRequest.Notification.FAILED
            ).count(),
        }
