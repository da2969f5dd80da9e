from wagtail import hooks

from quietroom.serving.links import RememberedPageLinkHandler


# After Wagtail's own registration (order 0), so this handler replaces its page links.
@hooks.register("register_rich_text_features", order=100)
def remembered_page_links(features):
    features.register_link_type(RememberedPageLinkHandler)
