"""The blog's admin forms: each offers the people and categories of one practice alone."""

from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Site

from quietroom.core.bounds import user_sites

# Said by the form and by the model's constraints alike (blog/models/taxonomy.py).
NAME_TAKEN = "This practice already has a category of that name."
ADDRESS_TAKEN = "This practice already has a category at that address."


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        site = parent.get_site() if parent is not None else None
        if site is None:
            return
        # With several practices on one deployment, each lists its own people and categories.
        if "author" in self.fields:
            field = self.fields["author"]
            field.queryset = field.queryset.descendant_of(site.root_page)
        if "categories" in self.fields:
            field = self.fields["categories"]
            field.queryset = field.queryset.filter(site=site)


class BlogCategoryForm(WagtailAdminModelForm):
    """The practice menu lists the sites the user works on, and is left out when there is
    one (the category is then that practice's). A category stays with the practice it was
    made for: its articles link to it there. Names and addresses are checked against the
    practice's other categories here, the address as the model will make it from the name,
    so a taken one is a message on the form, not a failed save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("site")
        if field is None:
            return
        sites = user_sites(self.for_user) if self.for_user is not None else None
        if sites is not None:
            field.queryset = field.queryset.filter(pk__in=sites)
        choices = list(field.queryset.order_by("pk").values_list("pk", flat=True)[:2])
        if self.instance.pk is not None:
            field.disabled = True
        if len(choices) == 1:
            del self.fields["site"]
            if self.instance.pk is None:
                self.instance.site_id = choices[0]
        elif self.instance.pk is None:
            default = Site.objects.filter(is_default_site=True, pk__in=field.queryset).first()
            field.initial = default.pk if default else None

    def clean(self):
        cleaned = super().clean()
        site_id = cleaned["site"].pk if cleaned.get("site") else self.instance.site_id
        name = cleaned.get("name")
        if site_id is None or not name:
            return cleaned
        cleaned["slug"] = cleaned.get("slug") or slugify(name)
        others = type(self.instance).objects.filter(site_id=site_id).exclude(pk=self.instance.pk)
        if others.filter(name__iexact=name).exists():
            self.add_error("name", NAME_TAKEN)
        elif others.filter(slug=cleaned["slug"]).exists():
            field = "slug" if self.data.get("slug") else "name"
            self.add_error(field, ADDRESS_TAKEN)
        return cleaned
