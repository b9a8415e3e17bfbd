"""The forms of 个人信息查询 (staff answering a person's request)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from siteshell.privacy.subjects import identifier_kind


class LookupForm(forms.Form):
    identifier = forms.CharField(
        label=_("手机号、电子邮箱或身份证号"),
        max_length=254,
        help_text=_("按提交时填写的号码查找；查询本身也会记入日志。"),
    )

    def clean_identifier(self):
        value = self.cleaned_data["identifier"].strip()
        if not identifier_kind(value):
            raise forms.ValidationError(_("请输入有效的手机号、电子邮箱或身份证号。"))
        return value


class ExportForm(LookupForm):
    FORMATS = [("xlsx", _("Excel 表格")), ("json", _("JSON 文件"))]
    format = forms.ChoiceField(label=_("导出格式"), choices=FORMATS, initial="xlsx")


class EraseForm(LookupForm):
    items = forms.MultipleChoiceField(label=_("要删除个人信息的记录"), required=False)
    erase_all = forms.BooleanField(label=_("删除全部查到的记录中的个人信息"), required=False)
    reason = forms.CharField(
        label=_("删除理由"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("例如：本人于某月某日来电要求删除。"),
        error_messages={"required": _("请填写删除理由，它会记入日志。")},
    )  # fmt: skip
    confirm = forms.BooleanField(
        label=_("我确认删除；删除后无法恢复。"),
        error_messages={"required": _("请勾选确认后再删除。")},
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = choices

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("erase_all") and not cleaned.get("items"):
            raise forms.ValidationError(_("请选择要删除的记录，或勾选“删除全部”。"))
        return cleaned
