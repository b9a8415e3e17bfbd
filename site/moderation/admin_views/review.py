"""The review page of one item: its text with the sensitive words marked, its reports and
history, and the decision (keyboard: a 通过, r 不通过 → reason, j/k next/previous)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.log_actions import registry as log_registry

from siteshell.moderation import listing, permissions, personal, registry, service
from siteshell.moderation.admin_views.base import InboxPage
from siteshell.moderation.forms import DecisionForm
from siteshell.moderation.models import ModerationStatus, Report


def highlight(text: str, words) -> str:
    """``text`` escaped, with every occurrence of ``words`` wrapped in ``<mark>``."""
    words = sorted({word for word in words if word}, key=len, reverse=True)
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def category_label(category) -> str:
    from siteshell.screening import WordCategory

    try:
        return str(WordCategory(category).label)
    except ValueError:
        return str(category)


def neighbour(kind, item, ascending: bool, forwards: bool = True):
    """The next (or previous) pending item in the list's order, skipping ``item``."""
    queryset = kind.model._default_manager.filter(moderation_status=ModerationStatus.PENDING).exclude(pk=item.pk)
    direction = ascending if forwards else not ascending
    position = (item.submitted_at, item.pk)
    return queryset.filter(listing.after(position, direction)).order_by(*listing.ordering(direction)).first()


class ReviewView(InboxPage):
    template_name = "moderation/admin/review.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.kind = registry.get_kind(kwargs["slug"])
        if self.kind is None:
            raise Http404(_("没有这种待审核内容"))
        self.item = self.kind.model._default_manager.filter(pk=kwargs["pk"]).first()
        if self.item is None:
            raise Http404(_("没有找到这条内容"))
        self.ascending = request.GET.get("order") != "newest"

    def get(self, request, *args, **kwargs):
        self.check_removed()
        return super().get(request, *args, **kwargs)

    def check_removed(self):
        if self.item.moderation_status == ModerationStatus.REMOVED and not permissions.can_view_removed(
            self.request.user
        ):
            raise PermissionDenied

    def get_page_title(self):
        return self.item.moderation_title()[:60] or _("审核")

    def get_trail(self):
        return [(self.kind.label, reverse("moderation_admin:kind", args=[self.kind.slug]))]

    def review_url(self, item):
        query = urlencode({"order": "oldest" if self.ascending else "newest"})
        return reverse("moderation_admin:review", args=[self.kind.slug, item.pk]) + "?" + query

    def get_context_data(self, form=None, personal_data=None, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.item
        matches = item.screening_matches or []
        next_item = neighbour(self.kind, item, self.ascending)
        previous_item = neighbour(self.kind, item, self.ascending, forwards=False)
        content_type = ContentType.objects.get_for_model(item)
        history = log_registry.get_logs_for_instance(item).select_related("user").order_by("-timestamp", "-id")
        context.update(
            kind=self.kind,
            item=item,
            text=highlight(item.moderation_text(), [match.get("word", "") for match in matches]),
            matches=[{"word": m.get("word", ""), "category": category_label(m.get("category"))} for m in matches],
            details=item.moderation_details(),
            personal_data=personal_data if personal_data is not None else personal.masked(item),
            personal_revealed=personal_data is not None,
            can_reveal=personal.can_view(self.request),
            reports=Report.objects.filter(content_type=content_type, object_id=item.pk).order_by("-created_at")[:50],
            history=history[:100],
            form=form or DecisionForm(),
            next_url=self.review_url(next_item) if next_item else "",
            previous_url=self.review_url(previous_item) if previous_item else "",
            list_url=reverse("moderation_admin:kind", args=[self.kind.slug]),
        )
        return context

    def post(self, request, *args, **kwargs):
        self.check_removed()
        if "reveal" in request.POST:
            if not personal.can_view(request):
                raise PermissionDenied
            return self.render_to_response(
                self.get_context_data(personal_data=personal.reveal(self.item, request.user))
            )
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            service.decide(self.item, form.cleaned_data["decision"], request.user, form.cleaned_data["reason"])
        except service.ModerationError as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _("“%(title)s”：%(status)s")
            % {"title": self.item.moderation_title()[:40], "status": self.item.get_moderation_status_display()},
        )
        following = neighbour(self.kind, self.item, self.ascending) or neighbour(
            self.kind, self.item, self.ascending, forwards=False
        )
        if following is not None:
            return redirect(self.review_url(following))
        messages.success(request, _("这一类内容已全部处理完毕。"))
        return redirect("moderation_admin:kind", slug=self.kind.slug)
