"""A "Quality report" preview mode: the checks run on the unsaved content as it is written."""

from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Site

QUALITY_MODE = "quality"


class QualityPreviewMixin:
    """Adds the quality report to a page's preview modes, after the page itself."""

    @property
    def preview_modes(self):
        return [("", "Article"), (QUALITY_MODE, "Quality report")]

    def serve_preview(self, request, mode_name):
        if mode_name != QUALITY_MODE:
            return super().serve_preview(request, mode_name)
        # Imported here: the blog's models use this mixin, and the checks import them.
        from quietroom.checks.site import check_page

        report = check_page(self, site=Site.find_for_request(request))
        context = {
            "page": self,
            "report": report,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[self.pk]) if self.pk else "",
            "saved": True,
        }
        return TemplateResponse(request, "checks/quality_preview.html", context)
