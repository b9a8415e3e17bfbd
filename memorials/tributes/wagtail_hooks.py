"""What the plugin adds to other pages and to the admin.

- the record page (``memorials.record.actions``): the offering buttons, the counters, the way
  into the hall; the facility page (``memorials.facility.after_details``): its counters;
- the dashboard: today's offerings and the messages waiting; 报告 → 网上祭奠统计;
- 纪念馆设置 (a snippet): a hall's messages switched off.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from memorials.tributes import admin_views, counters
from memorials.tributes.kinds import ONE_TAP
from memorials.tributes.models import HallSettings, TributeMessage
from memorials.tributes.views import hall_url, offer_api_url
from siteshell.moderation import permissions as moderation_permissions

# -- the archive's pages ----------------------------------------------------------------------


@hooks.register("memorials.record.actions")
def record_offerings(request, record):
    context = {
        "record": record,
        "hall_url": hall_url(record),
        "offer_api": offer_api_url(record.pk),
        "one_tap": ONE_TAP,
    }
    return render_to_string("tributes/record_actions.html", context, request=request)


@hooks.register("memorials.facility.after_details")
def facility_counters(request, facility):
    return render_to_string("tributes/facility_counters.html", {"facility": facility}, request=request)


# -- admin ----------------------------------------------------------------------------------------

admin_urlpatterns = [
    path("statistics/", admin_views.overview, name="statistics"),
    path("statistics/hall/<int:record_id>/", admin_views.hall, name="hall"),
    path("statistics/ceremony/<int:page_id>/", admin_views.ceremony, name="ceremony"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("tributes/", include((admin_urlpatterns, "tributes_admin")))]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("tributes.view_statistics")


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(_("网上祭奠统计"), reverse("tributes_admin:statistics"), icon_name="pick", order=300)


class TodayPanel(Component):
    """Today's offerings and the messages waiting."""

    name = "tributes_today"
    template_name = "tributes/admin/panel.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        can_moderate = moderation_permissions.can_moderate(self.user)
        return {
            "today": counters.today(),
            "pending": TributeMessage.objects.pending().count(),
            "inbox_url": reverse("moderation_admin:kind", args=["tributes.tributemessage"]) if can_moderate else "",
            "statistics_url": (
                reverse("tributes_admin:statistics") if self.user.has_perm("tributes.view_statistics") else ""
            ),
        }


@hooks.register("construct_homepage_panels")
def add_today_panel(request, panels):
    user = request.user
    if user.has_perm("tributes.view_statistics") or moderation_permissions.can_moderate(user):
        panels.append(TodayPanel(user))


class HallSettingsViewSet(SnippetViewSet):
    model = HallSettings
    menu_label = _("纪念馆设置")
    icon = "pick"
    add_to_admin_menu = False
    list_display = ["record", "messages_open", "note", "updated_at"]
    list_filter = ["messages_open"]


register_snippet(HallSettingsViewSet)
