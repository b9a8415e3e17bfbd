"""The hall's forms: one-tap offerings, a message (寄语) and an organisation's wreath (敬献花篮).

Messages and wreaths are public forms like any other (``siteshell.publicforms``: honeypot,
CAPTCHA after a threshold, limits in Chinese); an offering is one button and stores nothing
anyone reads, so it has only the rate limits and the CSRF check.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from memorials.tributes.kinds import ONE_TAP
from memorials.tributes.models import MessageKind, TributeMessage
from memorials.tributes.models.messages import MESSAGE_MAX, ORGANISATION_MAX, SIGNATURE_MAX
from siteshell.publicforms import ProtectedForm


class OfferingForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[(kind.value, kind.label) for kind in ONE_TAP],
        error_messages={"required": _("请选择祭奠方式"), "invalid_choice": _("请选择祭奠方式")},
    )


class MessageForm(ProtectedForm, forms.ModelForm):
    field_limits = {"text": MESSAGE_MAX, "signature": SIGNATURE_MAX}
    field_limit_names = {"text": _("寄语"), "signature": _("署名")}

    class Meta:
        model = TributeMessage
        fields = ["text", "signature"]
        labels = {"text": _("寄语"), "signature": _("署名（选填）")}
        help_texts = {
            "text": _("300字以内。寄语经工作人员审核后展示。"),
            "signature": _("例如：一名中学生、烈士家乡的后辈；请不要填写电话号码等个人信息"),
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"text": {"required": _("请写下您的寄语")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = True
        self.instance.kind = MessageKind.MESSAGE

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("请写下您的寄语"))
        return text


class WreathForm(ProtectedForm, forms.ModelForm):
    field_limits = {"organisation": ORGANISATION_MAX, "text": MESSAGE_MAX}
    field_limit_names = {"organisation": _("单位名称"), "text": _("挽联或敬语")}

    class Meta:
        model = TributeMessage
        fields = ["organisation", "text"]
        labels = {"organisation": _("敬献单位"), "text": _("挽联或敬语（选填）")}
        help_texts = {"organisation": _("单位的全称，例如：示范市实验中学。经工作人员审核后展示在纪念馆中。")}
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"organisation": {"required": _("请填写敬献单位")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].required = True
        self.instance.kind = MessageKind.WREATH

    def clean_organisation(self):
        organisation = self.cleaned_data["organisation"].strip()
        if not organisation:
            raise forms.ValidationError(_("请填写敬献单位"))
        return organisation
