"""The health endpoint and the error handlers (400, 500) for the URL configuration."""

import sys

from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from quietroom.reliability import health, pages


@require_safe
@never_cache
def healthz(request):
    """200 "ok" when the database answers, else 503: for load balancers and monitors."""
    if health.database_answers():
        return HttpResponse("ok", content_type="text/plain; charset=utf-8")
    response = HttpResponse("unavailable", status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(pages.RETRY_AFTER_SECONDS)
    return response


def bad_request(request, exception=None):
    """413 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE, 400 for any other unreadable request."""
    if isinstance(exception, RequestDataTooBig):
        return pages.too_large(request)
    return pages.bad_request(request)


def server_error(request):
    """The 500 handler: a fault (database, disk) raised outside a view still gets its page."""
    error = sys.exc_info()[1]
    return (error and pages.for_fault(request, error)) or pages.server_error(request)
