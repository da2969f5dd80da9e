"""`/search/?q=`: one practice's public pages, found without a cookie or a trace."""

from django.shortcuts import render
from django.views.decorators.http import require_safe
from wagtail.models import Site

from quietroom.core import throttle
from quietroom.practice.models import ContactPage
from quietroom.search.query import MAX_CHARACTERS, search
from quietroom.security.clientip import client_ip

# Searches per address and minute: more than a reader types, fewer than a script needs.
LIMIT, WINDOW = 30, 60


@require_safe
def search_view(request):
    site = Site.find_for_request(request)
    if site is None:
        return render(request, "404.html", status=404)
    text = request.GET.get("q", "")
    context = {
        "max_characters": MAX_CHARACTERS,
        "contact": ContactPage.objects.live().public().descendant_of(site.root_page).first(),
    }
    if text.strip() and not throttle.take("search", client_ip(request), LIMIT, WINDOW):
        response = render(request, "search/limited.html", context, status=429)
        response["Retry-After"] = str(WINDOW)
    else:
        page_number = request.GET.get("page", "1")
        number = int(page_number) if page_number.isdigit() and len(page_number) < 4 else 1
        context["results"] = search(site, text, number) if text.strip() else None
        response = render(request, "search/results.html", context)
    # A reader's search is theirs: no shared cache or proxy keeps it, no browser stores it.
    response["Cache-Control"] = "private, no-store"
    return response
