"""What the blog adds to Wagtail's admin: quotations that survive the database format, and
categories that each practice keeps to itself."""

from django.http import Http404
from wagtail import hooks
from wagtail.admin.rich_text.converters.editor_html import WhitelistRule
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.whitelist import allow_without_attributes

from quietroom.blog.models import BlogCategory
from quietroom.core.bounds import user_sites


@hooks.register("register_rich_text_features")
def blockquote_feature(features):
    # Wagtail gives Draftail a blockquote button but no rule for its database HTML, so the
    # converter every save runs (security/richtext.py) would unwrap what the button made.
    features.register_converter_rule(
        "editorhtml", "blockquote", [WhitelistRule("blockquote", allow_without_attributes)]
    )


class CategoryPolicy(ModelPermissionPolicy):
    """Wagtail's model rights, bounded to the practices the user works on (the listing, the
    edit view and the bulk actions ask this of each category)."""

    def user_has_permission_for_instance(self, user, action, instance):
        sites = user_sites(user)
        within = sites is None or instance.site_id in sites
        return within and self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        found = super().instances_user_has_any_permission_for(user, actions)
        sites = user_sites(user)
        return found if sites is None else found.filter(site_id__in=sites)


register_permission_policy(BlogCategory, CategoryPolicy(BlogCategory))


class WithinPractice:
    """Refuses another practice's category: Wagtail checks these views' rights by model."""

    def get_object(self, *args, **kwargs):
        found = super().get_object(*args, **kwargs)
        sites = user_sites(self.request.user)
        if found is not None and sites is not None and found.site_id not in sites:
            raise Http404
        return found


def within_practice(view_class):
    return type(view_class.__name__, (WithinPractice, view_class), {})


class CategoryViewSet(SnippetViewSet):
    model = BlogCategory
    edit_view_class = within_practice(SnippetViewSet.edit_view_class)
    delete_view_class = within_practice(SnippetViewSet.delete_view_class)
    copy_view_class = within_practice(SnippetViewSet.copy_view_class)
    usage_view_class = within_practice(SnippetViewSet.usage_view_class)
    history_view_class = within_practice(SnippetViewSet.history_view_class)
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "site"]

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["add", "change", "delete", "view"]
        )


register_snippet(CategoryViewSet)
