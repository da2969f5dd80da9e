"""Wagtail's page serving, with the site, its root page and private sections remembered.

The same steps as `wagtail.views.serve`; what every request would look up alike (which site,
its root page, which sections carry a view restriction) is kept until content changes.
"""

from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail import hooks
from wagtail.models import Site
from wagtail.views import serve_chain
from wagtail.wagtail_hooks import check_view_restrictions

from quietroom.blog.querysets import restricted_paths
from quietroom.serving.memo import per_generation


def site_for(request) -> Site | None:
    host, port = request.get_host(), request.get_port()
    site = per_generation(("site", host, port), lambda: Site.find_for_request(request))
    request._wagtail_site = site
    return site


def serve(request, path):
    site = site_for(request)
    if site is None:
        raise Http404
    root = per_generation(("root", site.pk), lambda: site.root_page.specific)
    page, args, kwargs = root.route(request, [part for part in path.split("/") if part])
    request._wagtail_route_for_request = (page, args, kwargs)

    private = any(page.path.startswith(p) for p in restricted_paths())
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
