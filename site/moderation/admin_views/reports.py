"""举报 in the inbox: open reports, and one report with the item it is about."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, Table, TitleColumn

from siteshell.moderation import registry, reports, service
from siteshell.moderation.admin_views.base import InboxPage
from siteshell.moderation.forms import ReportDecisionForm
from siteshell.moderation.models import ModeratedSubmission, ModerationStatus, Report

STATUSES = dict(Report.Status.choices)


class ReportListView(InboxPage):
    template_name = "moderation/admin/report_list.html"
    page_title = gettext_lazy("举报")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", Report.Status.OPEN)
        if status not in STATUSES:
            status = Report.Status.OPEN
        rows = list(
            Report.objects.filter(status=status).select_related("content_type").order_by("-created_at", "-id")[:200]
        )
        context["table"] = Table(
            [
                TitleColumn(
                    "object_title",
                    label=_("被举报内容"),
                    get_url=lambda report: reverse("moderation_admin:report", args=[report.pk]),
                ),
                Column("reason", label=_("举报原因"), accessor="get_reason_display"),
                Column("text", label=_("补充说明")),
                DateColumn("created_at", label=_("举报时间")),
                Column("status", label=_("状态"), accessor="get_status_display"),
            ],
            rows,
        )
        context["statuses"] = [
            (value, label, "?" + urlencode({"status": value}), value == status) for value, label in STATUSES.items()
        ]
        return context


class ReportReviewView(InboxPage):
    template_name = "moderation/admin/report_review.html"
    page_title = gettext_lazy("处理举报")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.report = Report.objects.select_related("content_type").filter(pk=kwargs["pk"]).first()
        if self.report is None:
            raise Http404(_("没有找到这条举报"))

    def get_trail(self):
        return [(_("举报"), reverse("moderation_admin:reports"))]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.report.content_object
        item_url = ""
        if isinstance(obj, ModeratedSubmission) and (kind := registry.kind_for_model(type(obj))):
            item_url = reverse("moderation_admin:review", args=[kind.slug, obj.pk])
        elif obj is not None:
            admin_url = getattr(obj, "get_admin_url", None) or getattr(obj, "moderation_admin_url", None)
            item_url = admin_url() if admin_url else ""
        removed_hidden = (
            isinstance(obj, ModeratedSubmission)
            and obj.moderation_status == ModerationStatus.REMOVED
            and not context["can_view_removed"]
        )
        context.update(
            report=self.report,
            obj=None if removed_hidden else obj,
            is_submission=isinstance(obj, ModeratedSubmission),
            item_url=item_url,
            related=Report.objects.filter(
                content_type_id=self.report.content_type_id, object_id=self.report.object_id
            ).order_by("-created_at")[:100],
            form=form or ReportDecisionForm(),
        )
        return context

    def post(self, request, pk):
        form = ReportDecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upheld = form.cleaned_data["decision"] == "uphold"
        try:
            decided = reports.decide_reports(self.report, upheld, request.user, form.cleaned_data["reason"])
        except service.ModerationError as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("已处理 %(count)d 条举报。") % {"count": decided})
        following = Report.objects.filter(status=Report.Status.OPEN).order_by("created_at", "id").first()
        if following is not None:
            return redirect("moderation_admin:report", pk=following.pk)
        return redirect("moderation_admin:reports")
