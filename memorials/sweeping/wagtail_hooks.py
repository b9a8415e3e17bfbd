"""Admin: the requests (代祭扫 → 申请列表, 祭扫安排), the facilities' teams (a snippet), the
steps' names in the audit log; on the archive's public pages, the way to the request form
through the extension points ``memorials.record.actions`` and ``memorials.facility.after_details``.

The plugin's admin URLs live in the ``sweeping_admin`` namespace (``/admin/sweeping/``).
"""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from memorials.interface import record_summary
from memorials.sweeping import admin_views, workflow
from memorials.sweeping.models import SweepingTeam


class SweepingTeamViewSet(SnippetViewSet):
    model = SweepingTeam
    icon = "group"
    menu_label = _("祭扫服务组")
    add_to_admin_menu = False
    list_display = ["facility", "accepts_requests"]
    search_fields = ["facility__name"]
    search_backend_name = None


register_snippet(SweepingTeamViewSet)


@hooks.register("register_admin_urls")
def register_sweeping_admin_urls():
    patterns = [
        path("", admin_views.index, name="index"),
        path("export/", admin_views.export, name="export"),
        path("plan/", admin_views.plan, name="plan"),
        path("plan/<int:facility_pk>/<str:day>/", admin_views.day_sheet, name="day_sheet"),
        path("<int:pk>/", admin_views.detail, name="detail"),
        path("<int:pk>/accept/", admin_views.accept, name="accept"),
        path("<int:pk>/decline/", admin_views.decline, name="decline"),
        path("<int:pk>/schedule/", admin_views.schedule, name="schedule"),
        path("<int:pk>/complete/", admin_views.complete, name="complete"),
        path("<int:pk>/inform/", admin_views.inform, name="inform"),
        path("<int:pk>/photos/<int:photo_pk>/", admin_views.staff_photo, name="photo"),
    ]
    return [path("sweeping/", include((patterns, "sweeping_admin")))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_sweeping_menu():
    items = [
        PermissionMenuItem(
            _("申请列表"),
            reverse("sweeping_admin:index"),
            icon_name="list-ul",
            permission="sweeping.view_sweepingrequest",
        ),
        PermissionMenuItem(
            _("祭扫安排"), reverse("sweeping_admin:plan"), icon_name="date", permission="sweeping.view_sweepingrequest"
        ),
        PermissionMenuItem(
            _("祭扫服务组"),
            reverse("wagtailsnippets_sweeping_sweepingteam:list"),
            icon_name="group",
            permission="sweeping.view_sweepingteam",
        ),
    ]
    return SubmenuMenuItem(pgettext_lazy("the plugin", "代祭扫"), Menu(items=items), icon_name="pick", order=215)


#: The steps in the audit log: ``(label, message)``; the entry's ``comment`` (the day and who,
#: the number of photos) is shown beside it.
LOG_ACTIONS = {
    workflow.SCHEDULE_ACTION: (_("安排代祭扫"), _("安排了代祭扫的日期和人员")),
    workflow.COMPLETE_ACTION: (_("记录代祭扫完成"), _("记录了代祭扫完成并上传照片")),
    workflow.INFORM_ACTION: (_("告知家属"), _("记录已告知家属，代祭扫办结")),
    workflow.WITHDRAW_ACTION: (_("申请人撤回"), _("申请人在进度页撤回了代祭扫申请")),
    admin_views.EXPORT_ACTION: (_("导出代祭扫申请"), _("导出了代祭扫申请")),
}


class StepFormatter(LogFormatter):
    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("comment", "")


@hooks.register("register_log_actions")
def register_sweeping_log_actions(actions):
    for action, (label, message) in LOG_ACTIONS.items():
        formatter = type("StepFormatter", (StepFormatter,), {"label": label, "message": message})
        actions.register_action(action)(formatter)


# -- on the archive's pages ------------------------------------------------------------------------


@hooks.register("memorials.record.actions")
def request_sweeping_for_record(request, record):
    """“申请代为祭扫” under a record that has a burial place (a page cached for everyone: the same
    link for every visitor)."""
    summary = record_summary(record)
    if not summary["burial_place"]:
        return None
    url = f"{reverse('sweeping:request')}?record={record.pk}"
    return render_to_string("sweeping/record_action.html", {"url": url}, request=request)


@hooks.register("memorials.facility.after_details")
def request_sweeping_at_facility(request, facility):
    if SweepingTeam.objects.filter(facility=facility, accepts_requests=False).exists():
        return None
    url = f"{reverse('sweeping:request')}?facility={facility.pk}"
    return render_to_string("sweeping/facility_box.html", {"url": url, "facility": facility}, request=request)
