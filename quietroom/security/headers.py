"""Security headers on every response, static files and uploads included."""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

from quietroom.security import policy
from quietroom.security.paths import is_admin_path


def is_file_path(path: str) -> bool:
    return path.startswith((settings.MEDIA_URL, "/documents/"))


def is_preview(request) -> bool:
    """Wagtail runs a preview through the middleware as a request of its own, for the
    page's public address, and marks it before calling the page."""
    return getattr(request, "is_preview", False)


def policy_for(path: str, preview: bool = False) -> dict:
    """The Content-Security-Policy directives for a request path."""
    if preview:
        return policy.preview_policy()
    if is_admin_path(path):
        return policy.ADMIN_POLICY
    if is_file_path(path):
        return policy.FILE_POLICY
    return policy.reader_policy()


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp with one policy per kind of path, plus Permissions-Policy.

    It sits right after Django's SecurityMiddleware and before WhiteNoise, so static files
    get the same headers as pages. Uploaded files get the strictest policy, replacing the
    shorter one Wagtail's document view sends; elsewhere a view's own header is kept.
    A preview may be framed by the admin beside it, and by nothing else.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        config = parts.config or policy_for(request.path_info, is_preview(request))
        update = parts.update
        if hashes := policy.inline_style_hashes(request):
            update = {**(update or {})}
            update["style-src"] = [*update.get("style-src", []), *hashes]
        return PolicyParts(config, update, parts.replace, parts.nonce)

    def process_response(self, request, response):
        if is_file_path(request.path_info) and HEADER in response:
            del response[HEADER]
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", policy.PERMISSIONS_POLICY)
        # Django's clickjacking middleware never sees what WhiteNoise answers (static files);
        # a view that chose to be framed says so with `xframe_options_exempt`.
        if not getattr(response, "xframe_options_exempt", False):
            response.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        if is_preview(request):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
