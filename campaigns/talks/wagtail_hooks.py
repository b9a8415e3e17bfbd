"""The admin of talks: one “宣讲活动” menu with talks and speakers (snippets), and 学校预约 — the
schools' bookings with what staff can do with each (``admin_views``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaigns.talks import admin_views
from campaigns.talks.forms import TalkAdminForm
from campaigns.talks.models import Speaker, Talk


class TalkFilterSet(WagtailFilterSet):
    class Meta:
        model = Talk
        fields = ["audience", "topic", "district", "cancelled"]


class TalkViewSet(SnippetViewSet):
    model = Talk
    icon = "date"
    menu_label = pgettext_lazy("plural", "宣讲活动")
    list_display = [
        "title",
        Column("start", label=_("开始时间"), accessor="start"),
        "place",
        "district",
        "school",
        LiveStatusTagColumn(),
    ]
    filterset_class = TalkFilterSet
    search_fields = ["title", "place", "summary"]
    search_backend_name = None  # hundreds of rows: the database is enough
    ordering = ["-start"]
    # A speaker cannot be at two talks at once (checked before the talk is saved).
    edit_handler = ObjectList(Talk.panels, base_form_class=TalkAdminForm)


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = pgettext_lazy("plural", "宣讲人")
    list_display = ["name", "role", "accepts_bookings"]
    search_fields = ["name", "role"]
    search_backend_name = None


class TalksSnippetGroup(SnippetViewSetGroup):
    items = (TalkViewSet, SpeakerViewSet)
    menu_icon = "date"
    menu_label = _("老兵宣讲")
    menu_name = "talks"
    menu_order = 260


register_snippet(TalksSnippetGroup)


@hooks.register("register_admin_urls")
def register_talks_admin_urls():
    patterns = [
        path("bookings/", admin_views.booking_list, name="bookings"),
        path("bookings/<int:pk>/", admin_views.booking_detail, name="booking"),
    ]
    return [path("talks/", include((patterns, "talks_admin")))]


class BookingsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("talks.view_talkbooking")


@hooks.register("register_admin_menu_item")
def register_bookings_menu_item():
    return BookingsMenuItem(_("学校预约宣讲"), reverse("talks_admin:bookings"), icon_name="group", order=261)


@hooks.register("register_log_actions")
def register_talks_log_actions(actions):
    actions.register_action("talks.propose_date", _("建议改期"), _("向学校建议了另一个宣讲时间"))
