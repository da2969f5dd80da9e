"""Each category belongs to one practice, and is unique by name and by address within it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("blog", "0008_categories_split_by_practice")]

    operations = [
        migrations.AlterField(
            model_name="blogcategory",
            name="site",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="blog_categories",
                to="wagtailcore.site",
                verbose_name="practice",
            ),
        ),
        migrations.AddConstraint(
            model_name="blogcategory",
            constraint=models.UniqueConstraint(
                fields=("site", "name"),
                name="blog_category_name_per_site",
                violation_error_message="This practice already has a category of that name.",
            ),
        ),
        migrations.AddConstraint(
            model_name="blogcategory",
            constraint=models.UniqueConstraint(
                fields=("site", "slug"),
                name="blog_category_slug_per_site",
                violation_error_message="This practice already has a category at that address.",
            ),
        ),
    ]
