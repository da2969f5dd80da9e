from wagtail import hooks

from quietroom.subscriptions.panels import SubscribersPanel, visible_sites


@hooks.register("construct_homepage_panels")
def subscribers_panel(request, panels):
    sites = visible_sites(request.user)
    if sites.exists():
        panels.append(SubscribersPanel(sites))
