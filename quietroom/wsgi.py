"""WSGI entry point for production servers (`quietroom serve` runs it under granian)."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from quietroom.core.datadir import PRIVATE_UMASK, make_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quietroom.settings.production")

from quietroom.serving.wsgi import PageCacheApplication

# As `quietroom` does: whatever server imports this, the files it makes are the owner's alone,
# and the data dir is made here, the settings only read it.
os.umask(PRIVATE_UMASK)
make_ready(settings)
application = PageCacheApplication(get_wsgi_application())
