"""WSGI entry point for production servers (`quietroom serve` runs it under granian)."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from quietroom.core.datadir import PRIVATE_UMASK, make_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quietroom.settings.production")

# As `quietroom` does: whatever server imports this, the files it makes are the owner's alone,
# and the data dir is made here, the settings only read it.
os.umask(PRIVATE_UMASK)
make_ready(settings)
django_application = get_wsgi_application()

# Only now: the fast path imports Wagtail's models, which need the apps loaded above.
from quietroom.serving.wsgi import PageCacheApplication  # noqa: E402

application = PageCacheApplication(django_application)
