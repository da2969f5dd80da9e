"""The small set of blocks an article body is written with."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

# A quotation longer than a pull quote (or with links) is a blockquote in the text.
TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "blockquote"]
CALLOUT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class PullQuoteBlock(blocks.StructBlock):
    """A short quotation set apart from the text, such as a reader's inner voice."""

    quote = blocks.TextBlock(max_length=300)
    attribution = blocks.CharBlock(required=False, max_length=120)
    correcting = blocks.BooleanBlock(
        required=False,
        label="This quote shows language we are correcting",
        help_text="Tick when you quote hurtful words in order to challenge them, so the "
        "language check leaves them alone.",
    )

    class Meta:
        icon = "openquote"
        template = "blocks/pull_quote.html"


class ImageWithAltBlock(blocks.StructBlock):
    """An image in the text, with alt text a screen reader can read out.

    A draft may be saved without alt text; the editorial checks refuse to publish it.
    """

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="What the image shows, for someone who cannot see it. Needed before the "
        "article can be published.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"

    def clean(self, value):
        """An empty alt text starts from the image's description, as in the editor."""
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not (value.get("alt_text") or "").strip():
            value["alt_text"] = image.default_alt_text[:250]
        return value


class CalloutBlock(blocks.StructBlock):
    """A boxed note: a practical tip, or something the reader should not miss."""

    heading = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=CALLOUT_FEATURES)

    class Meta:
        icon = "help"
        template = "blocks/callout.html"


class ArticleBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=TEXT_FEATURES, template="blocks/text.html")
    quote = PullQuoteBlock()
    image = ImageWithAltBlock()
    callout = CalloutBlock()
