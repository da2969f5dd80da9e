"""What the practice offers other apps through Wagtail's hooks (they never import it)."""

from wagtail import hooks

from quietroom.practice.profile import practice


@hooks.register("quietroom_crisis_resources")
def crisis_resources(site) -> bool:
    """For the editorial checks: whether the site shows crisis resources with a content note."""
    return practice(site.pk).has_crisis_resources


@hooks.register("quietroom_site_time_zone")
def site_time_zone(site_id: int) -> str:
    """For the inbox: the practice's time zone (an IANA name) on site `site_id`."""
    return practice(site_id).time_zone
