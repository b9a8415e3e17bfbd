"""Forms: the public report form and the moderator's decision forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from siteshell.moderation.models import Report
from siteshell.moderation.service import MAX_REASON
from siteshell.publicforms import ProtectedForm

MAX_REPORT_TEXT = 1000


class ReportForm(ProtectedForm, forms.Form):
    """The public report form, protected as every public form is (``siteshell.publicforms``)."""

    field_limits = {"text": MAX_REPORT_TEXT}

    reason = forms.ChoiceField(
        label=_("举报原因"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择举报原因"), "invalid_choice": _("请选择列表中的举报原因")},
    )
    text = forms.CharField(
        label=_("补充说明（选填）"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_REPORT_TEXT}),
        help_text=_("请勿填写您的姓名、电话等个人信息。"),
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if self.cleaned_data.get("reason") == Report.Reason.OTHER and not text:
            raise forms.ValidationError(_("选择“其他”时，请简单说明原因"))
        return text


class ReasonField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("理由"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", MAX_REASON)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3}))
        kwargs.setdefault("error_messages", {"max_length": _("理由过长，请控制在2000字以内")})
        super().__init__(**kwargs)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("通过")), ("reject", _("不通过")), ("remove", _("撤下")), ("restore", _("恢复"))],
        error_messages={"required": _("请选择处理方式"), "invalid_choice": _("不支持的处理方式")},
    )
    reason = ReasonField()


class ReportDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("uphold", _("举报属实")), ("dismiss", _("不予采纳"))],
        error_messages={"required": _("请选择处理方式"), "invalid_choice": _("不支持的处理方式")},
    )
    reason = ReasonField()


class BulkForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("approve", _("批量通过")), ("reject", _("批量不通过"))],
        error_messages={"required": _("请选择操作"), "invalid_choice": _("不支持的操作")},
    )
    reason = ReasonField()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "reject" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("请填写不通过的理由"))
        return cleaned
