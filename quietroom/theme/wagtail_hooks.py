"""What the theme offers other apps through Wagtail's hooks (they never import it)."""

from wagtail import hooks

from quietroom.theme.templatetags.theme_tags import inline_stylesheets


@hooks.register("quietroom_inline_stylesheets")
def stylesheets() -> list[str]:
    """The stylesheets reader pages inline, for the Content-Security-Policy's hashes."""
    return inline_stylesheets()
