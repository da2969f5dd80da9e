"""schema.org data for the practice, its clinicians and its FAQ, embedded as JSON-LD."""

from urllib.parse import urljoin

from bs4 import BeautifulSoup


def practice_business(practice, root_url: str) -> dict:
    """The practice as a schema.org MedicalBusiness (psychotherapy is not a MedicalClinic)."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalBusiness",
        "name": practice.name,
        "url": root_url,
    }
    if practice.tagline:
        data["description"] = practice.tagline
    if practice.phone:
        data["telephone"] = practice.phone
    if practice.email:
        data["email"] = practice.email
    if practice.street_address or practice.locality:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": practice.street_address,
            "addressLocality": practice.locality,
            "addressRegion": practice.region,
            "postalCode": practice.postal_code,
            "addressCountry": practice.country,
        }
    links = [link.url for link in practice.social_links]
    if links:
        data["sameAs"] = links
    return data


def clinician_person(clinician, practice, root_url: str, page_url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": clinician.title,
        "url": urljoin(root_url, page_url),
        "worksFor": {"@type": "MedicalBusiness", "name": practice.name, "url": root_url},
    }
    if clinician.credentials:
        data["jobTitle"] = clinician.credentials
    if clinician.summary:
        data["description"] = clinician.summary
    if clinician.language_list():
        data["knowsLanguage"] = clinician.language_list()
    if clinician.approach_list():
        data["knowsAbout"] = clinician.approach_list()
    places = [{"@type": "AdministrativeArea", "name": p} for p in clinician.jurisdiction_list()]
    if clinician.licence or places:
        # The licence is a credential; where it holds is its validIn.
        credential = {"@type": "EducationalOccupationalCredential", "credentialCategory": "license"}
        if clinician.licence:
            credential["name"] = clinician.licence
        if places:
            credential["validIn"] = places
        data["hasCredential"] = credential
    if places:
        # A Person has no areaServed of its own: the sessions they offer do.
        data["makesOffer"] = {
            "@type": "Offer",
            "itemOffered": {"@type": "Service", "name": "Psychotherapy"},
            "areaServed": places,
        }
    return data


def faq_page(page) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": item.value["question"],
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": BeautifulSoup(item.value["answer"].source, "html.parser").get_text(
                        " ", strip=True
                    ),
                },
            }
            for item in page.questions
        ],
    }
