"""The fictional practice the demo builds: who it is and who works there."""

PRACTICE = {
    "name": "Linden Tree Counselling",
    "tagline": "Unhurried therapy for anxiety, grief and the in-between times",
    "email": "hello@lindentree.example",
    "phone": "(312) 555-0142",
    "street_address": "418 Linden Avenue, Suite 2",
    "locality": "Evanston",
    "region": "IL",
    "postal_code": "60201",
    "country": "US",
    "hours": "Monday to Thursday, 9 am to 7 pm\nFriday, 9 am to 3 pm",
    "time_zone": "America/Chicago",
    "crisis_line": (
        "If you are in danger or thinking about ending your life, call 911, or call or text "
        "988, now. This site cannot respond to emergencies."
    ),
}

# The practice is in Illinois: the places its readers can turn to are those of the US.
CRISIS_SERVICES = [
    {
        "name": "Emergency services",
        "description": "If you or someone with you is in immediate danger, call 911.",
        "phone": "911",
        "text": "",
        "url": "",
    },
    {
        "name": "988 Suicide & Crisis Lifeline",
        "description": "Call or text 988, day or night, to talk with a trained crisis "
        "counselor. It is free and confidential.",
        "phone": "988",
        "text": "988",
        "url": "https://988lifeline.org/",
    },
    {
        "name": "Crisis Text Line",
        "description": "If talking out loud is hard, text HOME to 741741 to reach a trained "
        "volunteer by text, at any hour.",
        "phone": "",
        "text": "741741",
        "url": "https://www.crisistextline.org/",
    },
]

HOME_HEADLINE = "Unhurried therapy for anxiety, grief and the in-between times"

HOME_INTRO = (
    "<p>We are a small group practice of three therapists in Evanston. We see adults, couples "
    "and families in person and online, at a pace that suits you.</p>"
)

# The home page's opening picture: a quiet room with two chairs.
HOME_HERO_MOTIF = "armchairs"

CLINICIANS_INTRO = "Each of us works a little differently. A first call is free, with anyone."

ARTICLES_INTRO = "For the moments between sessions, or the night before you decide to reach out."

TELEHEALTH = "Sessions by secure video anywhere in Illinois, evenings included."

CLOSING = (
    "A free 15-minute call is a gentle way to see whether we are a good fit. There is nothing "
    "to prepare and nothing to decide on the call."
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
        "licence": "Licensed clinical psychologist, Illinois",
        "approaches": "CBT, acceptance and commitment therapy, mindfulness-based therapy",
        "languages": "English, Yoruba",
        "fees": "$160 for a 50-minute session. A few reduced-fee places each term.",
        "insurance": "In network with two regional plans; we provide receipts for others.",
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
        "licence": "Licensed professional counselor, Illinois",
        "approaches": "Person-centred therapy, emotion-focused therapy",
        "languages": "English",
        "accepting_new_clients": False,
        "in_person": False,
        "fees": "$130 for a 50-minute session, sliding scale available.",
        "insurance": "Out of network; we provide receipts you can submit.",
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
        "licence": "Licensed marriage and family therapist, Illinois",
        "approaches": "Systemic family therapy, narrative therapy, grief counselling",
        "languages": "English, Spanish",
        "fees": "$150 for individuals, $180 for couples and families (75 minutes).",
        "insurance": "In network with one regional plan; receipts for others.",
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

SERVICES = [
    {
        "slug": "anxiety",
        "title": "Help with anxiety and panic",
        "summary": "Understanding what keeps worry going, and practising ways to loosen its grip.",
        "body": (
            "<p>Anxiety is the body’s alarm system doing its job a little too well. Therapy "
            "helps you notice the patterns that keep the alarm ringing and try new responses, "
            "at a pace that feels manageable.</p>"
        ),
        "who_it_helps": (
            "<ul><li>People who worry most of the day, or lie awake with racing thoughts</li>"
            "<li>People who have had panic attacks, or fear having one</li>"
            "<li>People who avoid places or plans because of how anxious they feel</li></ul>"
        ),
        "clinicians": ["maya-okafor"],
        "articles": ["understanding-anxiety", "anxiety-at-night"],
    },
    {
        "slug": "grief",
        "title": "Grief and loss counselling",
        "summary": "Company and care after a death, a separation or another loss.",
        "body": (
            "<p>Grief is not a problem to fix. Counselling offers a steady place to talk about "
            "the person or the life you lost, and to notice what you need now.</p>"
        ),
        "who_it_helps": (
            "<ul><li>People grieving a recent or a long-ago death</li>"
            "<li>Families finding their way after a loss together</li></ul>"
        ),
        "clinicians": ["daniel-reyes", "sam-whitfield"],
        "articles": ["grief-has-no-schedule", "crying-in-therapy"],
    },
    {
        "slug": "couples-and-families",
        "title": "Couples and family therapy",
        "summary": "Sessions together for partners and families who want to understand each other.",
        "body": (
            "<p>When the same arguments keep coming back, it can help to have someone in the "
            "room who is on everyone’s side. We look at patterns rather than blame.</p>"
        ),
        "who_it_helps": (
            "<ul><li>Couples who feel stuck or distant</li>"
            "<li>Families facing a change, a conflict or a loss</li></ul>"
        ),
        "clinicians": ["daniel-reyes"],
        "articles": ["family-boundaries"],
    },
]

FAQ_INTRO = "<p>Short answers to the questions people ask us most before a first session.</p>"

FAQ = [
    (
        "How do I book a first appointment?",
        "<p>Send a request through our contact page or call us. We will suggest a free "
        "15-minute call first, so you can ask questions before deciding anything.</p>",
    ),
    (
        "Do you offer online sessions?",
        "<p>Yes. Most of our clinicians see people both in person and by secure video.</p>",
    ),
    (
        "What if I am in crisis?",
        "<p>We cannot respond to emergencies. Call your local emergency number or a crisis line; "
        "the numbers are at the foot of every page of this site.</p>",
    ),
    (
        "Who reads what I send through the contact form?",
        "<p>Only the members of our team who arrange first appointments. Your message is stored "
        "encrypted and deleted after a set period.</p>",
    ),
]

CONTACT_INTRO = (
    "<p>Tell us a little about what you are looking for and how to reach you. We usually "
    "reply within two working days.</p>"
)

# Fictional requests, so staff can see what the inbox looks like.
SAMPLE_REQUESTS = [
    {
        "name": "Jordan P.",
        "email": "jordan@example.org",
        "phone": "",
        "preferred_contact": "Email",
        "may_leave_message": True,
        "message": "I have been having panic attacks on my commute and would like to talk to "
        "someone about it. Evenings suit me best.",
        "clinician": "Dr. Maya Okafor",
        "service": "Help with anxiety and panic",
        "consent": True,
    },
    {
        "name": "Ana",
        "email": "",
        "phone": "(312) 555-0188",
        "preferred_contact": "Phone",
        "may_leave_message": False,
        "message": "My father died in the spring and I am finding it hard to cope. Please call "
        "after 5 pm and do not leave a voicemail.",
        "clinician": "",
        "service": "Grief and loss counselling",
        "consent": True,
    },
]
