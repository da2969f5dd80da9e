from django.urls import path

from quietroom.stats import views

app_name = "stats"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:site_id>/", views.site_report, name="report"),
    path("<int:site_id>/csv/", views.site_csv, name="csv"),
]
