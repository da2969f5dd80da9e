from django.urls import path

from quietroom.security.twofactor import views

app_name = "twofactor"

urlpatterns = [
    path("", views.manage, name="manage"),
    path("setup/", views.setup, name="setup"),
    path("verify/", views.verify, name="verify"),
]
