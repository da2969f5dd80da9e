"""Wagtail's page serving, with the site and the route found from remembered values.

The same steps as `wagtail.views.serve` (pinned to the installed Wagtail by a test): the site
comes from the remembered table of sites, the page from the remembered map of URL paths, and
the view-restriction hook is skipped where no restriction can apply (two queries).
"""

from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail import hooks
from wagtail.views import serve_chain
from wagtail.wagtail_hooks import check_view_restrictions

from quietroom.core import sites
from quietroom.core.restrictions import is_restricted
from quietroom.serving import routing


def serve(request, path):
    record = sites.record_for(request.META)
    if record is None:
        raise Http404
    # Wagtail finds the site again wherever it needs it: give it this request's own copy.
    request._wagtail_site = record.instance()
    page, args, kwargs = routing.route(request, record, [part for part in path.split("/") if part])
    request._wagtail_route_for_request = (page, args, kwargs)

    private = is_restricted(page.path)
    request.restricted = private  # its readers are not counted (quietroom.stats)
    chain = serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        if wrap is check_view_restrictions and not private:
            continue  # no restriction can apply: skip its two queries
        chain = wrap(chain)
    for before in hooks.get_hooks("before_serve_page"):
        result = before(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return private_if(private, result)
    return private_if(private, chain(page, request, args, kwargs))


def private_if(private: bool, response):
    """A restricted page, its password form or its way to sign in: for one reader, never for
    the page cache or any cache between the site and the reader."""
    if private:
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
    return response
