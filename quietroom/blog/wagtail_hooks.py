"""What the blog adds to Wagtail's rich text: quotations that survive the database format."""

from wagtail import hooks
from wagtail.admin.rich_text.converters.editor_html import WhitelistRule
from wagtail.whitelist import allow_without_attributes


@hooks.register("register_rich_text_features")
def blockquote_feature(features):
    # Wagtail gives Draftail a blockquote button but no rule for its database HTML, so the
    # converter every save runs (security/richtext.py) would unwrap what the button made.
    features.register_converter_rule(
        "editorhtml", "blockquote", [WhitelistRule("blockquote", allow_without_attributes)]
    )
