"""The home page's sections: blocks the editor can add, remove and put in any order."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

SHORT_TEXT = ["bold", "italic", "link"]


class ButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        max_length=60, required=False, help_text="For example: Book a free call."
    )
    page = blocks.PageChooserBlock(required=False, help_text="Usually the contact page.")

    class Meta:
        icon = "link"
        label = "Button"


class HeroBlock(blocks.StructBlock):
    """The first thing a reader sees: who the practice helps, a picture, one next step."""

    headline = blocks.CharBlock(
        max_length=120, required=False, help_text="One sentence; the practice’s name when empty."
    )
    text = blocks.RichTextBlock(features=SHORT_TEXT, required=False)
    image = ImageChooserBlock(required=False, help_text="A photo or an illustration, wide.")
    image_alt = blocks.CharBlock(
        max_length=250, required=False, help_text="Required with an image: what it shows."
    )
    button = ButtonBlock()

    class Meta:
        icon = "image"
        label = "Opening (hero)"
        template = "blocks/home/hero.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not (value.get("image_alt") or "").strip():
            raise StructBlockValidationError(
                {"image_alt": ValidationError("Add alt text for the image.")}
            )
        return value


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    intro = blocks.TextBlock(max_length=300, required=False)


class CliniciansBlock(SectionBlock):
    class Meta:
        icon = "group"
        label = "Clinicians, with their photos"
        template = "blocks/home/clinicians.html"


class ServicesBlock(SectionBlock):
    class Meta:
        icon = "list-ul"
        label = "Services"
        template = "blocks/home/services.html"


class ArticlesBlock(SectionBlock):
    class Meta:
        icon = "doc-full"
        label = "Latest articles (or the featured ones)"
        template = "blocks/home/articles.html"


class WhereWhenBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Where and when")
    telehealth = blocks.TextBlock(
        max_length=300,
        required=False,
        help_text="For example: Sessions by secure video anywhere in Illinois.",
    )

    class Meta:
        icon = "site"
        label = "Where and when (address and hours from the practice settings)"
        template = "blocks/home/where_when.html"


class ClosingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Ready to talk?")
    text = blocks.TextBlock(max_length=400, required=False)
    button = ButtonBlock()

    class Meta:
        icon = "comment"
        label = "Closing invitation"
        template = "blocks/home/closing.html"


class TextBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)
    text = blocks.RichTextBlock(features=["h3", *SHORT_TEXT, "ol", "ul"])

    class Meta:
        icon = "pilcrow"
        label = "Text"
        template = "blocks/home/text.html"


RELATIONSHIPS = {
    "colleague": "A colleague",
    "supervisor": "A clinical supervisor",
    "referrer": "Refers clients to the practice",
    "organisation": "An organisation the practice works with",
}


class EndorsementBlock(blocks.StructBlock):
    """Words from a professional who knows the practice's work. Never a client's: the APA and
    ACA codes bar soliciting testimonials from clients, so the relationship is required and
    has no "client" choice."""

    words = blocks.TextBlock(max_length=400, help_text="What they said, in their words.")
    name = blocks.CharBlock(max_length=100)
    role = blocks.CharBlock(
        max_length=120,
        required=False,
        help_text="For example: Clinical psychologist, Northshore Hospital.",
    )
    relationship = blocks.ChoiceBlock(
        choices=list(RELATIONSHIPS.items()),
        help_text="How they know the practice's work. Clients and former clients cannot "
        "give endorsements.",
    )

    class Meta:
        icon = "openquote"
        label = "Endorsement"


class EndorsementsBlock(SectionBlock):
    endorsements = blocks.ListBlock(EndorsementBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "openquote"
        label = "What colleagues say"
        template = "blocks/home/endorsements.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["endorsements"] = [
            (item, RELATIONSHIPS.get(item["relationship"], "")) for item in value["endorsements"]
        ]
        return context


class HomeBodyBlock(blocks.StreamBlock):
    hero = HeroBlock()
    clinicians = CliniciansBlock()
    services = ServicesBlock()
    articles = ArticlesBlock()
    where_when = WhereWhenBlock()
    closing = ClosingBlock()
    text = TextBlock()
    endorsements = EndorsementsBlock()
