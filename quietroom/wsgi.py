"""WSGI entry point for production servers (`quietroom serve` runs it under granian)."""

import os

from django.core.wsgi import get_wsgi_application

from quietroom.core.datadir import PRIVATE_UMASK

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quietroom.settings.production")

from quietroom.serving.wsgi import PageCacheApplication

# As `quietroom` does, before the settings make the data dir: whatever server imports this,
# the files it makes are the owner's alone.
os.umask(PRIVATE_UMASK)
application = PageCacheApplication(get_wsgi_application())
