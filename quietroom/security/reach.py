"""What the admin's page chooser and media API may show a user: only what their rights reach."""

from django.db.models import Q
from wagtail import hooks
from wagtail.documents import get_permission_policy as document_policy
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_permission_policy as image_policy
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry

USER_SITES_HOOK = "quietroom_user_sites"
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
    # offered at all, live or not (the hosting app answers which sites a user works on).
    for answer in hooks.get_hooks(USER_SITES_HOOK):
        roots = answer(user)
        if roots is not None:
            within = Q(pk__in=[])
            for path in roots:
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
