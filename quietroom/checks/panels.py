"""The "Quality" panel of the article editor: the checks' findings on the saved content."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class QualityPanel(Panel):
    """Findings for the page being edited, grouped by level, each linking to its field."""

    def __init__(self, heading="Quality", **kwargs):
        super().__init__(heading=heading, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "checks/quality_panel.html"

        class Media:
            js = ["checks/quality.js"]
            css = {"all": ["checks/quality.css"]}

        def get_context_data(self, parent_context=None):
            # Imported here: the blog's models import this panel, and the checks import them.
            from quietroom.checks.site import check_page

            context = super().get_context_data(parent_context)
            page = self.instance
            context["saved"] = bool(page.pk)
            if page.pk:
                context["report"] = check_page(page)
                context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[page.pk])
            return context
