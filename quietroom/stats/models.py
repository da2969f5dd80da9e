"""Counts of page views per site, page and day, and of referring sites per day. Nothing else:
no address, no browser, no time finer than the day, no identifier."""

from django.db import models
from wagtail.models import Site


class PageDay(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    path = models.TextField()  # the page's path, never its query string
    day = models.DateField()  # UTC
    views = models.PositiveBigIntegerField(default=0)
    automated = models.PositiveBigIntegerField(default=0)  # by self-declared bots

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "path", "day"], name="stats_page_day_unique")
        ]
        indexes = [models.Index(fields=["site", "day"], name="stats_page_site_day")]

    def __str__(self):
        return f"{self.path} on {self.day}: {self.views}"


class ReferrerDay(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    host = models.CharField(max_length=253)  # only the referring site's host name
    day = models.DateField()
    views = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site", "day", "host"], name="stats_referrer_unique")
        ]
        indexes = [models.Index(fields=["day"], name="stats_referrer_day")]

    def __str__(self):
        return f"{self.host} on {self.day}: {self.views}"
