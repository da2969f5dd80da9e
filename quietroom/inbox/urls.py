from django.urls import path

from quietroom.inbox import views

app_name = "inbox"

urlpatterns = [
    path("", views.index, name="index"),
    path("log/", views.access_log, name="access_log"),
    path("<uuid:pk>/", views.detail, name="detail"),
    path("<uuid:pk>/status/", views.set_status, name="status"),
    path("<uuid:pk>/delete/", views.delete, name="delete"),
]
