"""The admin's sign-out, which changes nothing unless it is a POST.

Wagtail's view deletes the session cookie and adds a "logged out" message before Django refuses
the method, so a GET from any other site (an image, a link) signed the browser out, and the
session itself stayed valid on the server.
"""

from wagtail.admin.views.account import LogoutView


class PostOnlyLogoutView(LogoutView):
    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            return super().dispatch(request, *args, **kwargs)
        if request.method == "OPTIONS":
            return self.options(request, *args, **kwargs)
        return self.http_method_not_allowed(request, *args, **kwargs)
