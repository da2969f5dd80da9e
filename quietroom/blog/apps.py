from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "quietroom.blog"
    label = "blog"
    verbose_name = "Blog"
