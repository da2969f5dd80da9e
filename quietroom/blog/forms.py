"""The article editor's form: its author menu offers the clinicians of this practice alone."""

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        site = parent.get_site() if parent is not None else None
        if site is not None and "author" in self.fields:
            # With several practices on one deployment, each lists its own people.
            field = self.fields["author"]
            field.queryset = field.queryset.descendant_of(site.root_page)
