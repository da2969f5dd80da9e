from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "quietroom.security"
    label = "security"
    verbose_name = "Security"

    def ready(self):
        from quietroom.security import checks, richtext, sessions, signin, uploads

        checks.register_all()
        richtext.connect()
        sessions.connect()
        signin.connect()
        uploads.guard_pillow()
