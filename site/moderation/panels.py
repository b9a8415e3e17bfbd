"""The dashboard greets moderators with what waits for them (待办) and today's public activity."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from siteshell.moderation import counts, permissions, registry


class InboxPanel(Component):
    name = "moderation_inbox"
    template_name = "moderation/admin/panel.html"
    order = 50

    def get_context_data(self, parent_context):
        kinds = registry.kinds()
        rows = []
        for kind in kinds:
            numbers = counts.kind_counts(kind)
            rows.append({"label": kind.label, "url": reverse("moderation_admin:kind", args=[kind.slug]), **numbers})
        flagged_url = "?flagged=on"
        return {
            "rows": rows,
            "pending": sum(row["pending"] for row in rows),
            "flagged": sum(row["flagged"] for row in rows),
            "today": sum(row["today"] for row in rows),
            "reports_open": counts.open_reports(),
            "reports_today": counts.reports_today(),
            "reports_url": reverse("moderation_admin:reports"),
            "inbox_url": reverse("moderation_admin:inbox"),
            "flagged_query": flagged_url,
        }


class InboxMenuItem(MenuItem):
    """待办, with the number of items waiting."""

    def is_shown(self, request):
        return permissions.can_moderate(request.user)

    def render_component(self, request):
        component = super().render_component(request)
        waiting = counts.total_waiting(registry.kinds())
        if waiting:
            component.label = _("待办（%(count)d）") % {"count": waiting}
        return component
