"""Frequently asked questions, as a page of question-and-answer pairs."""

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "help"


class FAQPage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    questions = StreamField([("question", QuestionBlock())], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("questions")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("questions"),
    ]
    subpage_types = []

    class Meta:
        verbose_name = "FAQ page"
