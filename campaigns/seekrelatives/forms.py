"""The public's forms: the clue form and the form that adds information to a clue later. Both
are protected as every public form is (``siteshell.publicforms``)."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.seekrelatives import attachments, conf
from campaigns.seekrelatives.models import Clue, Relationship, SoughtMartyr
from campaigns.seekrelatives.models.clues import CONSENT_NOTICE
from siteshell.notifications.recipients import normalise_phone
from siteshell.privacy.consent import ConsentField
from siteshell.publicforms import ProtectedForm

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARACTERS = "10X98765432"


def valid_id_number(value: str) -> bool:
    """An 18-character resident ID number with a correct check character."""
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARACTERS[total % 11] == value[17]


class SoughtMartyrChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, entry):
        place = entry.native_place or entry.native_province
        return f"{entry.name}（{place}）" if place else entry.name


class ClueForm(ProtectedForm, forms.ModelForm):
    """Which martyr, what the sender knows, who they are and how to reach them, and consent."""

    field_limits = {"knowledge": 3000}
    field_limit_names = {"knowledge": gettext_lazy("线索内容")}

    sought = SoughtMartyrChoiceField(
        label=gettext_lazy("您提供的是哪位烈士的线索"),
        queryset=SoughtMartyr.objects.none(),
        required=False,
        empty_label=gettext_lazy("名单之外的烈士（请在下面填写姓名）"),
    )
    consent = ConsentField(CONSENT_NOTICE)

    class Meta:
        model = Clue
        fields = ["martyr_name", "knowledge", "relationship", "submitter_name", "mobile", "id_number", "address"]
        labels = {
            "martyr_name": gettext_lazy("烈士姓名（名单之外的烈士必填）"),
            "knowledge": gettext_lazy("您了解的情况"),
            "relationship": gettext_lazy("您与烈士的关系"),
            "submitter_name": gettext_lazy("您的姓名"),
            "mobile": gettext_lazy("您的手机号"),
            "id_number": gettext_lazy("身份证号（选填）"),
            "address": gettext_lazy("联系地址（选填）"),
        }
        help_texts = {
            "martyr_name": gettext_lazy("知道的话，请在线索内容中写明籍贯、部队、牺牲时间和地点"),
            "knowledge": gettext_lazy(
                "例如：烈士的家乡（村名、旧地名）、亲属的名字和去向、家中保存的烈士证、书信、照片。"
                "手机号、身份证号请填在下面的栏目中，不要写在这里"
            ),
            "mobile": gettext_lazy("用于工作人员与您联系；查询进度时要输入手机号后四位。不会公开"),
            "id_number": gettext_lazy("需要DNA比对时便于核实身份，可以以后再提供。不会公开"),
            "address": gettext_lazy("不会公开"),
        }
        widgets = {
            "knowledge": forms.Textarea(attrs={"rows": 6}),
            "mobile": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "id_number": forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
            "address": forms.TextInput(attrs={"autocomplete": "address-line1"}),  # street-address is for a textarea
            "submitter_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        error_messages = {
            "knowledge": {"required": gettext_lazy("请写下您了解的情况")},
            "relationship": {"required": gettext_lazy("请选择您与烈士的关系")},
            "submitter_name": {"required": gettext_lazy("请填写您的姓名")},
            "mobile": {"required": gettext_lazy("请填写您的手机号")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sought"].queryset = SoughtMartyr.objects.published().still_sought()
        self.fields["relationship"].choices = [("", _("请选择")), *Relationship.choices]
        self.order_fields(["sought", "martyr_name", "knowledge", "relationship", "submitter_name", "mobile"])

    def clean_mobile(self):
        phone = normalise_phone(self.cleaned_data["mobile"])
        if not phone:
            raise ValidationError(_("请输入11位手机号码，例如 13800138000"))
        return phone

    def clean_id_number(self):
        value = re.sub(r"\s+", "", self.cleaned_data.get("id_number") or "").upper()
        if value and not valid_id_number(value):
            raise ValidationError(_("身份证号码不正确，请核对（18位，末位可以是X），也可以留空"))
        return value

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("sought") and not (cleaned.get("martyr_name") or "").strip():
            self.add_error("martyr_name", _("请从名单中选择烈士，或填写名单之外的烈士的姓名"))
        return cleaned


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files at once (a list); each is cleaned by ``attachments.clean_upload``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*,application/pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class AdditionForm(ProtectedForm, forms.Form):
    """More information for one's own clue: text, photos or PDF files, or both."""

    field_limits = {"text": 3000}
    field_limit_names = {"text": gettext_lazy("补充内容")}

    token = forms.CharField(widget=forms.HiddenInput, max_length=500)
    text = forms.CharField(
        label=gettext_lazy("补充说明"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("新想起的情况、新找到的材料等。手机号变更请致电服务电话"),
    )
    files = MultipleFileField(
        label=gettext_lazy("上传材料照片或PDF（选填）"),
        required=False,
        help_text=gettext_lazy("如烈士证、书信、家谱、老照片。只有寻亲专班可以查看，不会公开"),
    )

    def __init__(self, *args, clue=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.clue = clue

    def clean_files(self):
        uploads = self.cleaned_data.get("files") or []
        limit = conf.files_per_upload()
        if len(uploads) > limit:
            raise ValidationError(_("一次最多上传 %(limit)d 个文件") % {"limit": limit})
        if self.clue is not None:
            room = conf.max_attachments() - self.clue.attachments.count()
            if len(uploads) > room:
                raise ValidationError(
                    _("每条线索最多上传 %(limit)d 个文件，还可以上传 %(room)d 个")
                    % {"limit": conf.max_attachments(), "room": max(room, 0)}
                )
        cleaned, errors = [], []
        for upload in uploads:
            try:
                cleaned.append(attachments.clean_upload(upload))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        self.clean_uploads = cleaned
        return uploads

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (cleaned.get("text") or "").strip() and not cleaned.get("files"):
            raise ValidationError(_("请填写补充说明，或选择要上传的文件"))
        return cleaned
