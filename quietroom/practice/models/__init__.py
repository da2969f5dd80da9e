from .clinicians import ClinicianIndexPage, ClinicianPage
from .contact import ContactPage
from .faq import FAQPage
from .home import HomePage
from .services import ServiceIndexPage, ServicePage
from .settings import PracticeSettings

__all__ = [
    "ClinicianIndexPage",
    "ClinicianPage",
    "ContactPage",
    "FAQPage",
    "HomePage",
    "PracticeSettings",
    "ServiceIndexPage",
    "ServicePage",
]
