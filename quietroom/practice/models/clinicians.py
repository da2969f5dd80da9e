"""Clinicians: the people who see clients and write the articles."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from quietroom.blog.models import ArticlePage
from quietroom.practice.clinician_filter import choose
from quietroom.practice.models.contact import ContactPage


def split_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def practice_contact_page(page):
    """The contact page of `page`'s practice (the tree under the same home)."""
    home_path = page.path[: 2 * page.steplen]
    return ContactPage.objects.live().public().filter(path__startswith=home_path).first()


class ClinicianIndexPage(Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["practice.ClinicianPage"]

    class Meta:
        verbose_name = "clinicians index"

    def clinicians(self):
        return (
            ClinicianPage.objects.live()
            .public()
            .child_of(self)
            .select_related("photo")
            .order_by("title")
        )

    def contact_page(self):
        return practice_contact_page(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["choice"] = choose(list(self.clinicians()), request.GET)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", None) and not response.context_data["choice"].valid:
            # A choice the form does not offer: the page says which, and lists everyone.
            response.status_code = 400
        return response


class ClinicianPage(Page):
    """A clinician's profile; the page title is the clinician's name."""

    pronouns = models.CharField(max_length=40, blank=True)
    credentials = models.CharField(
        max_length=200, blank=True, help_text="For example: PhD, licensed clinical psychologist."
    )
    licence = models.CharField(
        max_length=200, blank=True, help_text="Licence type, number and where it is held."
    )
    licensed_in = models.CharField(
        "licensed in",
        max_length=300,
        blank=True,
        help_text="The states, provinces or countries this clinician is licensed to practise "
        "in, comma-separated, e.g. Illinois, Wisconsin. Readers can see them by video only "
        "while they are located in one of these.",
    )
    photo = models.ForeignKey(
        "core.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo_alt = models.CharField(
        "photo alt text",
        max_length=250,
        blank=True,
        help_text="What the photo shows, for someone who cannot see it. Starts from the "
        "image’s own description; change it here for this page alone.",
    )
    summary = models.TextField(max_length=300, blank=True)
    approaches = models.CharField(
        max_length=300, blank=True, help_text="Comma-separated, e.g. CBT, EMDR, person-centred."
    )
    services = ParentalManyToManyField(
        "practice.ServicePage",
        blank=True,
        related_name="clinicians_offering",
        help_text="The specialties and services this clinician offers.",
    )
    languages = models.CharField(max_length=200, blank=True, help_text="Comma-separated.")
    in_person = models.BooleanField("sees clients in person", default=True)
    telehealth = models.BooleanField("offers telehealth", default=True)
    accepting_new_clients = models.BooleanField(default=True)
    booking_url = models.URLField(
        "booking link",
        blank=True,
        validators=[URLValidator(schemes=["https", "http"])],
        help_text="Their own page on the practice’s booking service. Leave empty to use the "
        "practice’s booking link (Settings → Practice settings). Hidden while they are not "
        "accepting new clients.",
    )
    fees = models.TextField("fees", max_length=500, blank=True)
    insurance = models.TextField("insurance notes", max_length=500, blank=True)
    bio = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("pronouns"),
                FieldPanel("credentials"),
                FieldPanel("licence"),
                FieldPanel("licensed_in"),
                FieldPanel("summary"),
            ],
            heading="About",
        ),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"),
        MultiFieldPanel(
            [
                FieldPanel("approaches"),
                FieldPanel("services"),
                FieldPanel("languages"),
                FieldRowPanel([FieldPanel("in_person"), FieldPanel("telehealth")]),
                FieldPanel("accepting_new_clients"),
                FieldPanel("booking_url"),
                FieldPanel("fees"),
                FieldPanel("insurance"),
            ],
            heading="Practice details",
        ),
        FieldPanel("bio"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("approaches"),
        index.SearchField("bio"),
    ]
    parent_page_types = ["practice.ClinicianIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "clinician"

    def clean(self):
        super().clean()
        self.photo_alt = self.photo_alt.strip()
        if self.photo_id and not self.photo_alt:
            self.photo_alt = self.photo.default_alt_text[:250]
        if self.photo_id and not self.photo_alt:
            raise ValidationError({"photo_alt": "Add alt text for the photo."})

    def name_words(self) -> list[str]:
        return [w for w in self.title.split() if not w.endswith(".") and w[:1].isalpha()]

    def first_name(self) -> str:
        words = self.name_words()
        return words[0] if words else self.title

    def contact_page(self):
        return practice_contact_page(self)

    def initials(self) -> str:
        """Up to two initials of the name (titles such as “Dr.” left out), for a card
        without a photo."""
        words = self.name_words()
        return "".join(w[0].upper() for w in (words[:1] + words[-1:] if len(words) > 1 else words))

    def approach_list(self) -> list[str]:
        return split_list(self.approaches)

    def language_list(self) -> list[str]:
        return split_list(self.languages)

    def jurisdiction_list(self) -> list[str]:
        return split_list(self.licensed_in)

    def session_formats(self) -> list[str]:
        return [
            label
            for label, offered in (("In person", self.in_person), ("Telehealth", self.telehealth))
            if offered
        ]

    def published_articles(self):
        return (
            ArticlePage.objects.published()
            .filter(author=self)
            .newest_first()
            .select_related("hero_image")
        )

    def live_services(self):
        return self.services.live().public().order_by("title")
