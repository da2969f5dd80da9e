from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A calm explanation instead of Django's technical 403 page."""
    return render(request, "403_csrf.html", status=403)
