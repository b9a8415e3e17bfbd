"""The school's booking form (public, protected as every public form is) and the forms staff use
to arrange a booking and to edit talks."""

from __future__ import annotations

import datetime

from django import forms
from django.core.validators import MinValueValidator, validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from campaigns.talks.choices import Audience, Topic
from campaigns.talks.conflicts import speaker_clashes
from campaigns.talks.models import MAX_CAPACITY, Speaker, TalkBooking
from campaigns.talks.models.bookings import CONSENT_NOTICE
from siteshell.notifications.recipients import normalise_phone
from siteshell.privacy.consent import ConsentField
from siteshell.publicforms import ProtectedForm

#: How far ahead a school may ask for a date.
BOOKING_HORIZON_DAYS = 365


class DateInput(forms.DateInput):
    """The phone's own date picker (``type=date``), which sends ISO dates."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class BookingForm(ProtectedForm, forms.ModelForm):
    """预约宣讲: what a school sends; staff arrange it from the moderation inbox."""

    field_limits = {"note": 500}
    consent = ConsentField(CONSENT_NOTICE)

    class Meta:
        model = TalkBooking
        fields = [
            "school",
            "district",
            "address",
            "contact_name",
            "contact_phone",
            "contact_email",
            "audience",
            "grade",
            "expected_audience",
            "preferred_date",
            "alternative_date",
            "preferred_time",
            "topic",
            "speaker",
            "note",
        ]
        widgets = {
            "contact_phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "school": forms.TextInput(attrs={"autocomplete": "organization"}),
            "expected_audience": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1, "max": MAX_CAPACITY}),
            "preferred_date": DateInput(),
            "alternative_date": DateInput(),
            "preferred_time": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"topic": _("希望的内容（选填）"), "speaker": _("希望的宣讲人（选填）")}
        help_texts = {
            "contact_phone": _("用于接收查询码和安排结果的短信，不会公开"),
            "preferred_date": _("请至少提前一周预约"),
            "district": _("例如“南湖区”"),
        }
        error_messages = {
            "school": {"required": _("请填写学校（单位）名称")},
            "district": {"required": _("请填写所在区县")},
            "contact_name": {"required": _("请填写联系人")},
            "contact_phone": {"required": _("请填写联系人手机号")},
            "audience": {"required": _("请选择听众")},
            "expected_audience": {
                "required": _("请填写预计听众人数"),
                "invalid": _("预计听众人数请填写数字"),
                "min_value": _("预计听众人数至少为1人"),
                "max_value": _("预计听众人数不能超过%(limit_value)s人"),
            },
            "preferred_date": {"required": _("请选择希望日期"), "invalid": _("日期格式不正确，请按“2026-05-12”填写")},
            "alternative_date": {"invalid": _("日期格式不正确，请按“2026-05-12”填写")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        audience = self.fields["expected_audience"]
        audience.min_value = 1
        audience.widget.attrs["min"] = 1
        audience.validators.append(MinValueValidator(1))
        speaker = self.fields["speaker"]
        speaker.queryset = Speaker.objects.filter(accepts_bookings=True).order_by("name", "pk")
        speaker.empty_label = _("不指定，由工作人员安排")
        speaker.error_messages["invalid_choice"] = _("这位宣讲人目前不接受预约，请另选或不指定")
        self.fields["audience"].choices = [("", _("请选择"))] + list(Audience.choices)
        self.fields["topic"].choices = [("", _("不限"))] + list(Topic.choices)
        self.fields["preferred_time"].choices = [c for c in self.fields["preferred_time"].choices if c[0]]

    def clean_contact_phone(self):
        phone = normalise_phone(self.cleaned_data["contact_phone"])
        if not phone:
            raise forms.ValidationError(_("请输入11位手机号码"))
        return phone

    def clean_contact_email(self):
        email = (self.cleaned_data.get("contact_email") or "").strip()
        if email:
            try:
                validate_email(email)
            except forms.ValidationError:
                raise forms.ValidationError(_("电子邮箱格式不正确")) from None
        return email

    def _check_date(self, name):
        value = self.cleaned_data.get(name)
        if value is None:
            return value
        today = timezone.localdate()
        if value <= today:
            raise forms.ValidationError(_("请选择今天以后的日期"))
        if value > today + datetime.timedelta(days=BOOKING_HORIZON_DAYS):
            raise forms.ValidationError(_("只能预约一年以内的日期"))
        return value

    def clean_preferred_date(self):
        return self._check_date("preferred_date")

    def clean_alternative_date(self):
        return self._check_date("alternative_date")


class ArrangementForm(forms.Form):
    """安排宣讲: the talk a booking becomes."""

    title = forms.CharField(label=_("宣讲主题"), max_length=100)
    topic = forms.ChoiceField(label=_("内容类别"), choices=Topic.choices)
    speakers = forms.ModelMultipleChoiceField(
        label=_("宣讲人"), queryset=Speaker.objects.order_by("name", "pk"), widget=forms.CheckboxSelectMultiple
    )
    start = forms.DateTimeField(label=_("开始时间"), widget=DateTimeInput())
    end = forms.DateTimeField(label=_("结束时间"), widget=DateTimeInput())
    place = forms.CharField(label=_("地点"), max_length=100)
    address = forms.CharField(label=_("地址"), max_length=200, required=False)
    district = forms.CharField(label=_("所在区县"), max_length=30)
    capacity = forms.IntegerField(label=_("容纳人数"), min_value=1, max_value=MAX_CAPACITY)
    summary = forms.CharField(
        label=_("内容简介"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    @classmethod
    def initial_for(cls, booking: TalkBooking) -> dict:
        topic = booking.topic or Topic.HEROES
        return {
            "title": _("%(topic)s专题宣讲") % {"topic": Topic(topic).label},
            "topic": topic,
            "speakers": [booking.speaker] if booking.speaker_id else [],
            "place": booking.school,
            "address": booking.address,
            "district": booking.district,
            "capacity": booking.expected_audience,
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("结束时间应晚于开始时间"))
        return cleaned


class ProposalForm(forms.Form):
    """建议改期: another time for the school to confirm."""

    proposed_start = forms.DateTimeField(label=_("建议开始时间"), widget=DateTimeInput())
    proposed_end = forms.DateTimeField(label=_("建议结束时间"), widget=DateTimeInput())
    note = forms.CharField(label=_("给学校的说明（选填）"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("proposed_start"), cleaned.get("proposed_end")
        if start and end and end <= start:
            self.add_error("proposed_end", _("结束时间应晚于开始时间"))
        return cleaned


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("不予安排的理由（会告知学校）"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class TalkAdminForm(WagtailAdminModelForm):
    """A talk edited in the admin: a speaker cannot be at two talks at once."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("cancelled"):
            return cleaned
        clashes = speaker_clashes(
            cleaned.get("speakers") or [], cleaned.get("start"), cleaned.get("end"), exclude_pk=self.instance.pk
        )
        for message in clashes:
            self.add_error("speakers", message)
        return cleaned
