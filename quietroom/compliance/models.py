"""The practice's policy pages: privacy, accessibility, Good Faith Estimate, telehealth.

Each page holds the practice's own words and the date someone last read it and found it
true. What the software itself does (what is stored, for how long, which cookies) is never
typed here: `facts.py` states it from the running configuration, so the page cannot drift.
"""

from django.db import models
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from quietroom.blog.blocks import ArticleBodyBlock


class PolicyPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        kind = cleaned.get("kind")
        twins = PolicyPage.objects.child_of(parent).filter(kind=kind).exclude(pk=self.instance.pk)
        if kind and twins.exists():
            label = PolicyPage.Kind(kind).label.lower()
            self.add_error("kind", f"This practice already has a {label}: {twins.first().title}.")
        return cleaned


class PolicyPage(Page):
    class Kind(models.TextChoices):
        PRIVACY = "privacy", "Privacy notice"
        ACCESSIBILITY = "accessibility", "Accessibility statement"
        GOOD_FAITH_ESTIMATE = "good_faith_estimate", "Good Faith Estimate notice (US)"
        TELEHEALTH = "telehealth", "Telehealth and emergency policy"

    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        help_text="Which policy this is. Each practice has at most one page of each kind.",
    )
    summary = models.TextField(
        max_length=300, blank=True, help_text="One or two sentences for search results."
    )
    body = StreamField(
        ArticleBodyBlock(),
        blank=True,
        help_text="The practice's own words. What the website itself does is added below them "
        "from its settings, so you never need to type it.",
    )
    last_reviewed = models.DateField(
        help_text="When someone at the practice last read this page and found it true. "
        "The editorial checks warn once it is older than the review interval."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("body"),
        HelpPanel(
            "The page ends with what the website does, filled in from its settings: for a "
            "privacy notice, what is stored and for how long; for an accessibility statement, "
            "the standard the pages are tested to; for the other two, the practice's contact "
            "details and crisis services."
        ),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["practice.HomePage"]
    subpage_types = []
    template = "compliance/policy_page.html"
    base_form_class = PolicyPageForm

    class Meta:
        verbose_name = "policy page"

    def meta_description(self) -> str:
        return self.search_description or self.summary

    def get_context(self, request, *args, **kwargs):
        from quietroom.compliance import facts

        context = super().get_context(request, *args, **kwargs)
        context["facts"] = facts.for_page(self)
        context["facts_heading"] = facts.HEADINGS[self.kind]
        return context
