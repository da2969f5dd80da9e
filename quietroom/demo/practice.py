"""The fictional practice the demo builds: who it is and who works there."""

PRACTICE = {
    "name": "Linden Tree Counselling",
    "tagline": "Unhurried therapy for anxiety, grief and the in-between times",
    "email": "hello@lindentree.example",
    "phone": "(312) 555-0142",
}

HOME_INTRO = (
    "<p>We are a small group practice of three therapists. We see adults and couples in person "
    "and online, at a pace that suits you. Our articles are here for the moments between "
    "sessions, or for the night before you decide to reach out.</p>"
)

BLOG_INTRO = (
    "<p>Plain-language articles from our clinicians about starting therapy, anxiety, grief, "
    "feelings and relationships.</p>"
)

CLINICIANS = [
    {
        "slug": "maya-okafor",
        "title": "Dr. Maya Okafor",
        "pronouns": "she/her",
        "credentials": "PhD, clinical psychologist",
        "summary": "Maya works with adults living with anxiety, panic and sleepless worry.",
        "bio": (
            "<p>Maya has worked as a psychologist for twelve years, first in a hospital clinic "
            "and now in private practice. She draws on cognitive behavioural therapy and "
            "acceptance-based approaches, and she likes to keep sessions practical and warm.</p>"
        ),
    },
    {
        "slug": "sam-whitfield",
        "title": "Sam Whitfield",
        "pronouns": "they/them",
        "credentials": "MA, licensed professional counselor",
        "summary": "Sam helps people make room for big feelings and find their footing again.",
        "bio": (
            "<p>Sam’s work centres on emotions that feel too much or not enough. They are "
            "especially glad to work with people who are trying therapy for the first time, and "
            "with LGBTQ+ clients looking for an affirming space.</p>"
        ),
    },
    {
        "slug": "daniel-reyes",
        "title": "Daniel Reyes",
        "pronouns": "he/him",
        "credentials": "MS, licensed marriage and family therapist",
        "summary": "Daniel sees individuals, couples and families through grief and change.",
        "bio": (
            "<p>Daniel has a particular interest in loss and in family relationships. He works "
            "in English and Spanish, and he sees clients in person and by video.</p>"
        ),
    },
]

CATEGORY_DESCRIPTIONS = {
    "Starting therapy": "What to expect, how to choose, and how the first steps usually go.",
    "Anxiety": "Understanding worry and panic, and small ways to ease them.",
    "Feelings": "Making sense of emotions, including the ones that surprise us.",
    "Grief and loss": "Living with loss, at whatever pace it asks of you.",
    "Relationships": "Family, partners and the people around us.",
}

# Which illustration goes with which article.
HERO_MOTIFS = {
    "first-therapy-session": "armchairs",
    "crying-in-therapy": "rain-window",
    "understanding-anxiety": "hills-sunrise",
    "grief-has-no-schedule": "tree-dusk",
    "right-therapist-fit": "stepping-stones",
    "anxiety-at-night": "night-house",
    "family-boundaries": "garden-gate",
    "confidentiality-explained": "lantern",
}
