"""The dashboard panel of a case officer: their open cases, those near or past their deadline."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from campaigns.seekrelatives import conf
from campaigns.seekrelatives.models import ClueCase
from campaigns.seekrelatives.stages import FINISHED


def may_work_cases(user) -> bool:
    return bool(user and user.is_active and user.has_perm("seekrelatives.change_cluecase"))


class CasesPanel(Component):
    name = "seekrelatives_cases"
    template_name = "seekrelatives/admin/panel.html"
    order = 60

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        today = timezone.localdate()
        mine = ClueCase.objects.active().exclude(stage__in=FINISHED).filter(assignee=user)
        due = mine.filter(deadline__lte=today + timedelta(days=conf.reminder_days())).order_by("deadline")
        return {
            "open_count": mine.count(),
            "due": list(due.select_related("record")[:10]),
            "today": today,
            "cases_url": reverse("seekrelatives_admin:cases") + "?mine=1",
        }
