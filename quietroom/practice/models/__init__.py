from .clinicians import ClinicianIndexPage, ClinicianPage
from .home import HomePage
from .settings import PracticeSettings

__all__ = ["ClinicianIndexPage", "ClinicianPage", "HomePage", "PracticeSettings"]
