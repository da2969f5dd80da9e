"""What the practice offers other apps through Wagtail's hooks (they never import it)."""

from wagtail import hooks

from quietroom.practice.profile import practice


@hooks.register("quietroom_crisis_resources")
def crisis_resources(site) -> bool:
    """For the editorial checks: whether the site shows crisis resources with a content note."""
    return practice(site.pk).has_crisis_resources
