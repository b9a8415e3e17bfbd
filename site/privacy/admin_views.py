"""个人信息查询 (设置 menu): staff answering a person's request find their submissions by phone,
e-mail or ID number, see them masked, export them in full and erase them. Only for
:func:`~siteshell.privacy.access.can_view_full`; every lookup, export and erasure is logged."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from siteshell.privacy import lifecycle, subjects
from siteshell.privacy.access import can_view_full
from siteshell.privacy.admin_forms import EraseForm, ExportForm, LookupForm

LOOKUP_ACTION = "privacy.lookup"
EXPORT_ACTION = "privacy.export"
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}


def unwrapped(user):
    """``request.user`` without its lazy wrappers (the OTP middleware wraps the auth one), so that
    Wagtail's log finds its model."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


class SubjectRequestView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "privacy/admin/subject.html"
    page_title = gettext_lazy("个人信息查询")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_full(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, lookup_form=None, items=None, erase_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        identifier = lookup_form.cleaned_data["identifier"] if lookup_form and lookup_form.is_valid() else ""
        context.update(
            lookup_form=lookup_form or LookupForm(),
            identifier=identifier,
            masked_identifier=subjects.mask_identifier(identifier) if identifier else "",
            items=items,
            erasable=[item for item in items or () if item.can_erase],
            erase_form=erase_form,
            export_formats=ExportForm.FORMATS,
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "export":
            return self.export(request)
        if action == "erase":
            return self.erase(request)
        form = LookupForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(lookup_form=form))
        items = subjects.find(form.cleaned_data["identifier"])
        self.log_lookup(form.cleaned_data["identifier"], items)
        return self.render_to_response(self.get_context_data(lookup_form=form, items=items))

    def log_lookup(self, identifier, items):
        data = {"reason": subjects.mask_identifier(identifier), "matches": len(items)}
        user = unwrapped(self.request.user)
        log(user, LOOKUP_ACTION, user=user, data=data)

    def export(self, request):
        form = ExportForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(lookup_form=LookupForm(request.POST)))
        items = subjects.find(form.cleaned_data["identifier"])
        fmt = form.cleaned_data["format"]
        content = subjects.export_xlsx(items) if fmt == "xlsx" else subjects.export_json(items)
        for item in items:
            log(item.instance, EXPORT_ACTION, user=request.user, data={"reason": fmt})
        self.log_lookup(form.cleaned_data["identifier"], items)
        response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
        filename = f"personal-data-{timezone.localdate().isoformat()}.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response

    def erase(self, request):
        lookup_form = LookupForm(request.POST)
        if not lookup_form.is_valid():
            return self.render_to_response(self.get_context_data(lookup_form=lookup_form))
        items = subjects.find(lookup_form.cleaned_data["identifier"])
        erasable = {item.key: item for item in items if item.can_erase}
        form = EraseForm(request.POST, choices=[(key, key) for key in erasable])
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(lookup_form=lookup_form, items=items, erase_form=form))
        chosen = list(erasable) if form.cleaned_data["erase_all"] else form.cleaned_data["items"]
        for key in chosen:
            lifecycle.erase(erasable[key].instance, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("已删除 %(count)d 条记录中的个人信息。") % {"count": len(chosen)})
        items = subjects.find(lookup_form.cleaned_data["identifier"])
        return self.render_to_response(self.get_context_data(lookup_form=lookup_form, items=items))
