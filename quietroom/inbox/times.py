"""Times in the inbox as the practice reads them: in the time zone of the request's site."""

import zoneinfo

from django.conf import settings
from django.utils import dateformat
from wagtail import hooks

# The practice answers with a site's time zone name (the inbox never imports it).
ZONE_HOOK = "quietroom_site_time_zone"


def zone_for(site_id: int | None) -> zoneinfo.ZoneInfo:
    """The time zone of site `site_id`'s practice, else the deployment's TIME_ZONE."""
    for answer in hooks.get_hooks(ZONE_HOOK) if site_id is not None else ():
        name = answer(site_id)
        if name:
            try:
                return zoneinfo.ZoneInfo(name)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                break
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def local_time(moment, site_id: int | None, style: str = "j M Y, H:i T") -> str:
    """`moment` written for the people of site `site_id`, with the zone's abbreviation."""
    return dateformat.format(moment.astimezone(zone_for(site_id)), style)
