"""Editor conveniences every page type with images shares."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_editor_js")
def alt_text_from_image():
    """Alt fields start from the chosen image's description (a file: the admin's policy
    allows scripts from this origin, and no inline one is needed)."""
    return format_html('<script src="{}" defer></script>', static("core/alt_text.js"))
