"""What the theme offers other apps through Wagtail's hooks (they never import it)."""

from wagtail import hooks

from quietroom.theme.css import stylesheets


@hooks.register("quietroom_inline_stylesheets")
def inline_stylesheets() -> list[str]:
    """The sheets reader pages inline whatever the site (one per style), for the
    Content-Security-Policy's hashes; a site's colour sheet is allowed per response."""
    return stylesheets()
