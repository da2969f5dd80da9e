from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "quietroom.compliance"
    label = "compliance"
    verbose_name = "Policies"
