"""Categories (a short curated list per practice, managed as snippets) and free tags."""

from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel

from quietroom.blog.forms import ADDRESS_TAKEN, NAME_TAKEN, BlogCategoryForm


class BlogCategory(models.Model):
    """One practice's category: where several practices share a deployment, each keeps its
    own list, and two may both have an "Anxiety" at /blog/category/anxiety/."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        on_delete=models.CASCADE,
        related_name="blog_categories",
        verbose_name="practice",
    )
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, blank=True)
    description = models.TextField(
        blank=True, max_length=300, help_text="Shown at the top of the category's page."
    )

    base_form_class = BlogCategoryForm
    panels = [FieldPanel("site"), FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = "blog category"
        verbose_name_plural = "blog categories"
        constraints = [
            models.UniqueConstraint(
                fields=["site", "name"],
                name="blog_category_name_per_site",
                violation_error_message=NAME_TAKEN,
            ),
            models.UniqueConstraint(
                fields=["site", "slug"],
                name="blog_category_slug_per_site",
                violation_error_message=ADDRESS_TAKEN,
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )
