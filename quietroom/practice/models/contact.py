"""The contact page: a consultation request form that stores into the encrypted inbox."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page


class ContactPage(RoutablePageMixin, Page):
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        default="<p>Tell us a little about what you are looking for and how to reach you. "
        "We usually reply within two working days.</p>",
    )
    thank_you = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        default="<p>Thank you. Your request reached us safely. A member of our team will "
        "contact you the way you asked, usually within two working days.</p>",
    )
    submit_label = models.CharField(max_length=40, default="Send request")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("thank_you"),
        FieldPanel("submit_label"),
    ]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "contact page"

    @path("")
    def form_view(self, request):
        # Imported here: the form module needs the practice models this package defines.
        from quietroom.practice.contact_form import contact_view

        return contact_view(self, request)

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        return self.render(request, template="practice/contact_thanks.html")
