"""WordPress categories become blog categories; tags stay tags."""

from django.utils.text import slugify

from quietroom.blog.models import BlogCategory
from quietroom.importers.sanitise import plain_text, shorten
from quietroom.importers.wxr import Item, Term

# WordPress files every post without a category here; it means nothing to a reader.
DEFAULT_CATEGORY = "uncategorized"
NAME_LIMIT = 80
TAG_LIMIT = 100


class Categories:
    """Finds or creates each category once per import, from the export's own terms."""

    def __init__(self, run):
        self.run = run
        self.declared: dict[str, Term] = {}
        self.found: dict[str, BlogCategory] = {}

    def declare(self, term: Term) -> None:
        if term.kind == "category":
            self.declared.setdefault(term.slug, term)

    def for_item(self, item: Item) -> list[BlogCategory]:
        """The blog categories of a post, in the order the export lists them."""
        categories = []
        for term in item.terms:
            if term.domain != "category" or term.slug == DEFAULT_CATEGORY:
                continue
            category = self._category(term.slug, term.name)
            if category and category not in categories:
                categories.append(category)
        return categories

    def _category(self, raw_slug: str, raw_name: str) -> BlogCategory | None:
        name = shorten(plain_text(raw_name), NAME_LIMIT)
        slug = slugify(raw_slug or name)[:NAME_LIMIT]
        if not slug:
            return None
        if slug not in self.found:
            self.found[slug] = self._find_or_create(slug, name or slug)
            self.run.categories_used(self.found[slug], raw_slug)
        return self.found[slug]

    def _find_or_create(self, slug: str, name: str) -> BlogCategory:
        own = BlogCategory.objects.filter(site=self.run.site)
        existing = own.filter(slug=slug).first() or own.filter(name__iexact=name).first()
        if existing:
            self.run.report.count("categories", "unchanged")
            return existing
        declared = self.declared.get(slug)
        description = shorten(plain_text(declared.description), 300) if declared else ""
        self.run.report.count("categories", "created")
        return BlogCategory.objects.create(
            site=self.run.site, name=name, slug=slug, description=description
        )


def tag_names(item: Item) -> list[str]:
    """The post's tag names, cleaned and without repeats."""
    names = [
        shorten(plain_text(t.name or t.slug), TAG_LIMIT)
        for t in item.terms
        if t.domain == "post_tag"
    ]
    return list(dict.fromkeys(name for name in names if name))
