"""A read-only admin page listing the enabled plugins and what each contributes."""

from django.conf import settings
from django.contrib.auth.mixins import UserPassesTestMixin
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from siteshell.languages import join_list
from siteshell.plugins import extension_points, get_plugins
from siteshell.review.rights import is_site_manager


class PluginListView(UserPassesTestMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "siteshell/admin/plugins.html"
    page_title = _("功能模块")
    header_icon = "cogs"

    def test_func(self):
        return is_site_manager(self.request.user)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["plugins"] = [
            {
                **plugin.describe(),
                "page_types": list(plugin.page_types()),
                "search_documents": [model._meta.verbose_name for model in plugin.search_documents()],
                "has_api": plugin.api_router() is not None,
                "staff_groups": [str(group.name) for group in plugin.staff_groups()],
                "requires": list(getattr(plugin.PluginMeta, "requires", ()) or ()),
                "extension_points": [point.name for point in plugin.extension_points()],
            }
            for plugin in get_plugins()
        ]
        context["left_out"] = [
            {"label": plugin.label, "missing": join_list(plugin.missing)}
            for plugin in getattr(settings, "PLUGINS_LEFT_OUT", ())
        ]
        context["extension_points"] = extension_points()
        return context


urlpatterns = [path("", PluginListView.as_view(), name="plugins")]
