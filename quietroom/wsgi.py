"""WSGI entry point for production servers (`quietroom serve` runs it under granian)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quietroom.settings.production")

from quietroom.serving.wsgi import PageCacheApplication

application = PageCacheApplication(get_wsgi_application())
