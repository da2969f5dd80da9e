"""What the admin's page chooser, media API and reports may show a user: only what their
rights reach."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from wagtail.admin.views.reports.page_types_usage import (
    PageTypesUsageReportFilterSet,
    PageTypesUsageReportView,
)
from wagtail.documents import get_permission_policy as document_policy
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_permission_policy as image_policy
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry

from quietroom.core.bounds import user_sites

# The rights under which the admin's own choosers offer an image or a document.
MEDIA_ACTIONS = ["choose", "change"]


def choosable_pages(pages, user):
    """Narrow a page chooser's `pages` to every live page plus the drafts `user` may explore.

    Wagtail lists the whole tree so that editors can link anywhere; a draft elsewhere is
    not public yet, and its title alone can say more than its author meant to share.
    """
    if user.is_superuser:
        return pages
    explorable = policy_registry.get_by_type(Page).explorable_instances(user)
    pages = pages.filter(Q(live=True) | Q(pk__in=explorable.values("pk")))
    # Where several practices share the deployment, another practice's pages are not
    # offered at all, live or not.
    sites = user_sites(user)
    if sites is not None:
        within = Q(pk__in=[])
        for path in Site.objects.filter(pk__in=sites).values_list("root_page__path", flat=True):
            within |= Q(path__startswith=path)
        pages = pages.filter(within)
    return pages


def permitted_media(queryset, policy, user):
    """Limit `queryset` to the images or documents `user` may choose or change."""
    allowed = policy.instances_user_has_any_permission_for(user, MEDIA_ACTIONS)
    return queryset.filter(pk__in=allowed.values("pk"))


class PermittedImagesAPIViewSet(ImagesAdminAPIViewSet):
    # Wagtail's admin endpoint hides only privacy-restricted collections, not unpermitted ones.
    def get_queryset(self):
        return permitted_media(super().get_queryset(), image_policy(), self.request.user)


class PermittedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return permitted_media(super().get_queryset(), document_policy(), self.request.user)


class PermittedPageTypesUsageFilterSet(PageTypesUsageReportFilterSet):
    """The report's site filter offers only the sites whose home the user may explore
    (Wagtail's names every site of the deployment, other practices' too)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        if "site" not in self.filters or user is None or user.is_superuser:
            return
        explorable = policy_registry.get_by_type(Page).explorable_instances(user)
        sites = Site.objects.filter(root_page__in=explorable).select_related("root_page")
        self.sites = {site.pk: site for site in sites}
        if len(self.sites) > 1:
            choices = [(site.root_page.path, str(site)) for site in self.sites.values()]
            self.filters["site"].extra["choices"] = choices
        else:
            self.sites_filter_enabled = False
            del self.filters["site"]


class PermittedPageTypesUsageView(PageTypesUsageReportView):
    """The page types report, counting and naming only pages the user may explore.

    Wagtail's counts every page of each type in the tree and shows the title of the latest
    edited one, drafts included, whoever asks: a limited editor saw the titles of drafts in
    sections they cannot open.
    """

    filterset_class = PermittedPageTypesUsageFilterSet

    def get_queryset(self):
        self.queryset = ContentType.objects.filter(model__in=self.page_models)
        plain = ContentType.objects.get_for_model(Page)
        if not Page.objects.filter(depth__gt=1, content_type=plain).exists():
            self.queryset = self.queryset.exclude(pk=plain.pk)  # as Wagtail: no plain pages
        queryset = self.filter_queryset(self.queryset)
        of_type = self.explorable_pages().filter(content_type=OuterRef("pk"))
        latest = of_type.order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        count = of_type.order_by().values("content_type").annotate(n=Count("pk")).values("n")
        return queryset.annotate(
            count=Coalesce(Subquery(count), 0),
            last_edited_page_id=Subquery(latest.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")

    def explorable_pages(self):
        """The pages the user may explore, in the locale and site the report is filtered to."""
        chosen = self.filters.form.cleaned_data
        pages = policy_registry.get_by_type(Page).explorable_instances(self.request.user)
        if chosen.get("page_locale"):
            pages = pages.filter(locale__language_code=chosen["page_locale"])
        if chosen.get("site"):
            pages = pages.filter(path__startswith=chosen["site"])
        return pages
