"""The public request form (protected as every public form is: ``siteshell.publicforms``) and the
erasure confirmation on the status page."""

from __future__ import annotations

import datetime

from django import forms
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from memorials.interface import MemorialFacility, record_summary
from memorials.sweeping import conf
from memorials.sweeping.consent import NOTICE_KEY
from memorials.sweeping.identity import clean_id_number, clean_mobile
from memorials.sweeping.models import Service, SweepingRequest, SweepingTeam
from siteshell.privacy.consent import ConsentField
from siteshell.publicforms import ProtectedForm


class DateInput(forms.DateInput):
    """The phone's date picker; what it sends (``2026-04-05``) is also what a keyboard types."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def facility_choices():
    """The facilities a family may name: all, except those whose team takes no requests."""
    return MemorialFacility.objects.exclude(pk__in=_teams_not_accepting()).order_by("name")


def _teams_not_accepting():
    return SweepingTeam.objects.filter(accepts_requests=False).values("facility_id")


class SweepingRequestForm(ProtectedForm, forms.ModelForm):
    """代祭扫申请. With ``record`` (a published record picked from the archive) the martyr, the
    facility and the burial place come from the record; without it the family types them."""

    services = forms.MultipleChoiceField(
        label=_("希望代为做的事"),
        choices=Service.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("请至少选择一项祭扫内容")},
    )
    consent = ConsentField(NOTICE_KEY)

    field_limits = {"message": 300}
    field_limit_names = {"message": _("寄语")}

    #: The martyr's fields a picked record fills in.
    MARTYR_FIELDS = ("martyr_name", "facility", "burial_place", "grave")

    class Meta:
        model = SweepingRequest
        fields = [
            "martyr_name",
            "facility",
            "burial_place",
            "grave",
            "requester_name",
            "relationship",
            "phone",
            "id_number",
            "email",
            "services",
            "message",
            "preferred_from",
            "preferred_until",
        ]
        widgets = {
            "message": forms.Textarea(attrs={"rows": 4}),
            "preferred_from": DateInput(),
            "preferred_until": DateInput(),
        }

    def __init__(self, *args, record=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.record = record
        fields = self.fields
        fields["facility"].queryset = facility_choices()
        fields["facility"].empty_label = _("不清楚 / 不在列表中")
        fields["martyr_name"].required = record is None
        if record is not None:
            for name in self.MARTYR_FIELDS:
                del fields[name]
        fields["relationship"].choices = [("", _("请选择")), *fields["relationship"].choices[1:]]
        attrs = {
            "requester_name": {"autocomplete": "name"},
            "phone": {"autocomplete": "tel", "inputmode": "tel"},
            "id_number": {"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"},
            "email": {"autocomplete": "email", "inputmode": "email"},
        }
        for name, values in attrs.items():
            fields[name].widget.attrs.update(values)
        fields["phone"].help_text = _("用于接收办理进度短信；查询进度时需要输入后四位")
        fields["id_number"].help_text = _("用于核实您与烈士的关系，加密保存，不公开")
        fields["email"].help_text = _("选填，办理进度也会发到邮箱")
        fields["message"].help_text = _("选择“宣读寄语”时填写，300字以内，工作人员在墓前代为宣读")
        today = timezone.localdate()
        for name in ("preferred_from", "preferred_until"):
            fields[name].widget.attrs.update(
                {"min": today.isoformat(), "max": (today + datetime.timedelta(days=conf.book_ahead_days())).isoformat()}
            )
        fields["preferred_until"].help_text = _("在这段日期内的任意一天代为祭扫，最长%(days)d天") % {
            "days": conf.window_days()
        }

    # -- the requester ----------------------------------------------------------------------

    def clean_phone(self):
        return clean_mobile(self.cleaned_data.get("phone", ""))

    def clean_id_number(self):
        return clean_id_number(self.cleaned_data.get("id_number", ""))

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip()
        if email:
            validate_email(email)
        return email

    def clean_requester_name(self):
        name = " ".join(self.cleaned_data.get("requester_name", "").split())
        if not name:
            raise forms.ValidationError(_("请填写申请人姓名"))
        return name

    def clean_martyr_name(self):
        return " ".join((self.cleaned_data.get("martyr_name") or "").split())

    # -- the whole request --------------------------------------------------------------------

    def clean(self):
        cleaned = super().clean()
        services = cleaned.get("services") or []
        if Service.MESSAGE in services and not (cleaned.get("message") or "").strip():
            self.add_error("message", _("选择了“宣读寄语”，请填写寄语内容"))
        self._check_dates(cleaned)
        if self.record is None and not (cleaned.get("facility") or (cleaned.get("burial_place") or "").strip()):
            self.add_error("burial_place", _("请选择纪念设施，或填写烈士安葬的地点"))
        return cleaned

    def _check_dates(self, cleaned):
        start, end = cleaned.get("preferred_from"), cleaned.get("preferred_until")
        today = timezone.localdate()
        latest = today + datetime.timedelta(days=conf.book_ahead_days())
        if start and start < today:
            self.add_error("preferred_from", _("希望日期不能早于今天"))
        elif start and start > latest:
            self.add_error("preferred_from", _("只能申请%(days)d天以内的日期") % {"days": conf.book_ahead_days()})
        if start and end:
            if end < start:
                self.add_error("preferred_until", _("结束日期不能早于开始日期"))
            elif (end - start).days + 1 > conf.window_days():
                self.add_error("preferred_until", _("日期范围最长%(days)d天") % {"days": conf.window_days()})

    def save(self, commit=True):
        sweeping_request = super().save(commit=False)
        sweeping_request.services = [key for key, _label in Service.choices if key in self.cleaned_data["services"]]
        if Service.MESSAGE not in sweeping_request.services:
            sweeping_request.message = ""
        if self.record is not None:
            summary = record_summary(self.record)
            sweeping_request.record = self.record
            sweeping_request.martyr_name = summary["name"]
            sweeping_request.facility = self.record.facility
            sweeping_request.burial_place = "" if self.record.facility_id else summary["burial_place"]
        if commit:
            sweeping_request.save()
        return sweeping_request


class EraseForm(ProtectedForm, forms.Form):
    """The family's request, on the status page, to erase their personal data now."""

    access = forms.CharField(widget=forms.HiddenInput, max_length=400)
    confirm = forms.BooleanField(
        label=_("我确认删除我在本申请中填写的个人信息"),
        error_messages={"required": _("请勾选确认后再删除")},
    )


def search_query(value) -> str:
    """What the martyr search takes from the address: at most 50 characters, one line."""
    return " ".join(str(value or "").split())[:50]
