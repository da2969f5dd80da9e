"""Renditions made before their names carried random bytes are removed, files and rows alike.

Their names followed the original's (`client-letter.max-165x165.jpg`), so anyone who guessed an
upload's name could fetch its thumbnails. Pages make new ones, with unguessable names, the next
time they are shown; restart the server after migrating, so no cached page still points at an
old one.
"""

from django.core.files.storage import default_storage
from django.db import migrations


def forget_renditions(apps, schema_editor):
    Rendition = apps.get_model("core", "CustomRendition")
    for name in Rendition.objects.values_list("file", flat=True).iterator():
        if name:
            default_storage.delete(name)
    Rendition.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(forget_renditions, migrations.RunPython.noop)]
