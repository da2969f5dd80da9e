"""Each category belongs to one practice (site): the column, filled by the next migration.

(Three migrations, not one: PostgreSQL refuses to alter a table in the transaction that has
just updated its rows.)
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0006_clinical_review"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="blogcategory",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="blog_categories",
                to="wagtailcore.site",
                verbose_name="practice",
            ),
        ),
        migrations.AlterField(
            model_name="blogcategory",
            name="name",
            field=models.CharField(max_length=80),
        ),
        migrations.AlterField(
            model_name="blogcategory",
            name="slug",
            field=models.SlugField(blank=True, max_length=80),
        ),
    ]
