from django.urls import path

from quietroom.compliance import admin_views

app_name = "compliance"

urlpatterns = [
    path("", admin_views.report, name="reviews"),
    path("<int:page_id>/reviewed/", admin_views.mark_reviewed, name="mark_reviewed"),
]
