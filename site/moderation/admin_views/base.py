"""What every inbox page shares: the permission check, breadcrumbs, Wagtail's admin layout."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from siteshell.moderation import permissions


class InboxPage(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "tasks"
    #: ``(label, url)`` between 待办 and this page.
    trail: tuple = ()

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_trail(self):
        return self.trail

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items, {"url": reverse("moderation_admin:inbox"), "label": _("待办")}]
        items += [{"url": url, "label": label} for label, url in self.get_trail()]
        return items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_view_removed"] = permissions.can_view_removed(self.request.user)
        context["can_export"] = permissions.can_export(self.request.user)
        return context
