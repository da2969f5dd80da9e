"""Turns a passing fault raised by a view into a calm answer instead of a 500."""

from quietroom.reliability import pages


class FaultMiddleware:
    """503 with Retry-After when the database is away; a message to editors when the disk is full.

    Faults raised outside views (in other middleware) reach the 500 handler, which asks the
    same question (views.server_error).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return pages.for_fault(request, exception)
