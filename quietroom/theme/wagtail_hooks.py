"""What the theme offers other apps through Wagtail's hooks (they never import it)."""

from wagtail import hooks

from quietroom.theme.brand import default_brand
from quietroom.theme.css import stylesheets


@hooks.register("quietroom_inline_stylesheets")
def inline_stylesheets() -> list[str]:
    """The sheets reader pages inline whatever the site, for the Content-Security-Policy's
    hashes: one per style, and the default colours (Django's own error views render without
    a request to add a site's colours to). A site's colour sheet is allowed per response."""
    return [*stylesheets(), default_brand().colours]
