from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "quietroom.inbox"
    label = "inbox"
    verbose_name = "Inbox"

    def ready(self):
        from quietroom.inbox import checks  # noqa: F401 - registers the system check
