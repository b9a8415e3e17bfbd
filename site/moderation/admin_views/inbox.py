"""待办: every registered kind with its counts, and the list of one kind with bulk decisions."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, NumberColumn, Table, TitleColumn

from siteshell.moderation import counts, listing, permissions, registry, service
from siteshell.moderation.admin_views.base import InboxPage
from siteshell.moderation.admin_views.rows import render_rows
from siteshell.moderation.forms import BulkForm
from siteshell.moderation.models import ModerationStatus

#: At most this many items are decided in one bulk request.
MAX_BULK = 200


class InboxView(InboxPage):
    template_name = "moderation/admin/inbox.html"
    page_title = gettext_lazy("待办")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = []
        for kind in registry.kinds():
            numbers = counts.kind_counts(kind)
            rows.append(
                SimpleNamespace(
                    label=kind.label,
                    url=reverse("moderation_admin:kind", args=[kind.slug]),
                    pending=numbers["pending"],
                    flagged=numbers["flagged"],
                    today=numbers["today"],
                    mode=_("可批量处理") if kind.bulk else _("逐条审核"),
                )
            )
        rows.append(
            SimpleNamespace(
                label=_("举报"),
                url=reverse("moderation_admin:reports"),
                pending=counts.open_reports(),
                flagged=None,
                today=counts.reports_today(),
                mode=_("逐条审核"),
            )
        )
        context["table"] = Table(
            [
                TitleColumn("label", label=pgettext("kind of public submission", "类型"), get_url=lambda row: row.url),
                NumberColumn("pending", label=_("待处理")),
                Column("flagged", label=_("其中含敏感词")),
                NumberColumn("today", label=_("今日提交")),
                Column("mode", label=_("处理方式")),
            ],
            rows,
        )
        return context


class KindListView(InboxPage):
    template_name = "moderation/admin/kind_list.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.kind = registry.get_kind(kwargs["slug"])
        if self.kind is None:
            raise Http404(_("没有这种待审核内容"))

    def get_page_title(self):
        return str(self.kind.label)

    def filter_form(self):
        return listing.FilterForm(
            self.request.GET,
            can_view_removed=permissions.can_view_removed(self.request.user),
            searchable=bool(self.kind.model.moderation_search_fields),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filter_form()
        form.is_valid()
        ascending = form.value("order", "oldest") == "oldest"
        queryset = listing.filtered(self.kind, form)
        page = listing.page(
            queryset,
            ascending,
            cursor=self.request.GET.get("after") or self.request.GET.get("before") or "",
            backwards=bool(self.request.GET.get("before")) and not self.request.GET.get("after"),
        )
        status = form.value("status", ModerationStatus.PENDING)
        base = {key: value for key, value in self.request.GET.items() if key not in ("after", "before")}
        review_query = urlencode({"order": "oldest" if ascending else "newest"})
        for item in page.items:
            item.review_url = reverse("moderation_admin:review", args=[self.kind.slug, item.pk]) + "?" + review_query
        bulk = self.kind.bulk and status == ModerationStatus.PENDING
        context.update(
            kind=self.kind,
            rows=render_rows(page.items, bulk),
            form=form,
            page=page,
            counts=counts.kind_counts(self.kind),
            bulk=bulk,
            next_url="?" + urlencode({**base, "after": page.next_cursor}) if page.next_cursor else "",
            previous_url="?" + urlencode({**base, "before": page.previous_cursor}) if page.previous_cursor else "",
            export_url=reverse("moderation_admin:export") + "?" + urlencode({"kind": self.kind.slug}),
        )
        return context

    def post(self, request, slug):
        back = request.get_full_path()
        form = BulkForm(request.POST)
        if not self.kind.bulk:
            messages.error(request, _("长篇内容需逐条审核，不能批量处理。"))
            return redirect(back)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(back)
        ids = []
        for value in request.POST.getlist("items")[:MAX_BULK]:
            try:
                ids.append(int(value))
            except ValueError:
                continue
        if not ids:
            messages.error(request, _("请先勾选要处理的内容。"))
            return redirect(back)
        items = list(self.kind.model._default_manager.filter(pk__in=ids).order_by("submitted_at", "pk"))
        reason = form.cleaned_data["reason"]
        if form.cleaned_data["action"] == "approve":
            result = service.bulk_approve(items, request.user, reason)
            done = _("已通过 %(count)d 条。") % {"count": len(result.done)}
        else:
            result = service.bulk_reject(items, request.user, reason)
            done = _("已设为不通过 %(count)d 条。") % {"count": len(result.done)}
        if result.done:
            messages.success(request, done)
        for item, why in result.skipped:
            messages.warning(
                request, _("未处理“%(title)s”：%(why)s") % {"title": item.moderation_title()[:40], "why": why}
            )
        return redirect(back)
