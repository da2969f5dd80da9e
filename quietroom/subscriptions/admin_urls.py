from django.urls import path

from quietroom.subscriptions import admin_views

app_name = "subscriptions"

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("data-request/", admin_views.data_request, name="data_request"),
    path("log/", admin_views.access_log, name="access_log"),
]
