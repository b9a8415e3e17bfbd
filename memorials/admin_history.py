"""The history of a martyr record in the admin: Wagtail's history view, whose entry of an
accepted public correction (``memorials.correction_accept``) links to the correction in the
moderation inbox — what was proposed, the evidence, the decision (``memorials.corrections``)."""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.history import ActionColumn
from wagtail.snippets.views.snippets import HistoryView

from memorials.corrections import ACCEPTED, correction_url


class RecordActionColumn(ActionColumn):
    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        correction_id = (instance.data or {}).get("correction") if instance.action == ACCEPTED else None
        if isinstance(correction_id, int):
            url = correction_url(correction_id)
            label = _("查看纠错 #%(id)s") % {"id": correction_id}
            context["value"] = format_html('{} · <a href="{}">{}</a>', context["value"], url, label)
            context["actions"] = [*context["actions"], {"url": url, "label": label}]
        return context


class RecordHistoryView(HistoryView):
    @cached_property
    def columns(self):
        columns = list(super().columns)
        action = columns[0]
        columns[0] = RecordActionColumn(
            action.name,
            label=action.label,
            object=action.object,
            url_names=action.url_names,
            user_can_unschedule=action.user_can_unschedule,
        )
        return columns
