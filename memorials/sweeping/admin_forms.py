"""The staff's forms: filters of the list, the steps (decline, schedule, done) and the season
planning's range."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from memorials.interface import MemorialFacility
from memorials.sweeping import conf
from memorials.sweeping.models import Status, SweepingTeam

#: Longest range of the season planning grid (days).
PLAN_MAX_DAYS = 62


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def visible_facilities(user, sees_all: bool):
    facilities = MemorialFacility.objects.order_by("name")
    if sees_all:
        return facilities
    return facilities.filter(pk__in=SweepingTeam.objects.filter(members=user).values("facility_id"))


class RequestFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("办理状态"), required=False)
    facility = forms.ModelChoiceField(label=_("纪念设施"), queryset=MemorialFacility.objects.none(), required=False)
    overdue = forms.BooleanField(label=_("只看逾期"), required=False)
    q = forms.CharField(label=_("烈士姓名"), required=False, max_length=50)

    def __init__(self, *args, user, sees_all, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("全部")), ("open", _("未办结")), *Status.choices]
        self.fields["facility"].queryset = visible_facilities(user, sees_all)
        self.fields["facility"].empty_label = _("全部")

    def filter(self, requests):
        if not self.is_valid():
            return requests
        data = self.cleaned_data
        if data["status"] == "open":
            requests = requests.open()
        elif data["status"]:
            requests = requests.filter(status=data["status"])
        if data["facility"]:
            requests = requests.filter(facility=data["facility"])
        if data["overdue"]:
            requests = requests.overdue()
        if data["q"].strip():
            requests = requests.filter(martyr_name__contains=data["q"].strip())
        return requests


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("未能受理的原因"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("家属会在进度页和短信中看到，请写清原因和可以怎么办"),
        error_messages={"required": _("请填写未能受理的原因，家属会在进度页上看到。")},
    )


def staff_for(sweeping_request):
    """Who may be sent: the facility's team, else everyone who may handle requests."""
    User = get_user_model()
    team = SweepingTeam.objects.filter(facility_id=sweeping_request.facility_id).first()
    if team is not None and team.members.exists():
        return team.members.filter(is_active=True).order_by("username")
    handlers = Q(groups__permissions__codename="change_sweepingrequest") | Q(is_superuser=True)
    return User.objects.filter(handlers, is_active=True).distinct().order_by("username")


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class ScheduleForm(forms.Form):
    day = forms.DateField(label=_("祭扫日期"), widget=DateInput())
    staff = StaffChoiceField(label=_("祭扫人员"), queryset=get_user_model().objects.none())

    def __init__(self, *args, sweeping_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.sweeping_request = sweeping_request
        self.fields["staff"].queryset = staff_for(sweeping_request)
        window = _("家属希望的日期：%(start)s — %(end)s") % {
            "start": sweeping_request.preferred_from.isoformat(),
            "end": sweeping_request.preferred_until.isoformat(),
        }
        self.fields["day"].help_text = window
        if not self.is_bound:
            self.initial.setdefault(
                "day", sweeping_request.scheduled_for or max(sweeping_request.preferred_from, timezone.localdate())
            )
            self.initial.setdefault("staff", sweeping_request.assigned_to_id)

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("祭扫日期不能早于今天"))
        return day


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several photos at once (Django's documented pattern for multiple uploads)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class CompleteForm(forms.Form):
    photos = MultipleImageField(
        label=_("祭扫照片"),
        required=False,
        help_text=_("可一次选择多张；上传时会去除照片中的拍摄位置等信息。照片只给家属在进度页上看。"),
    )
    note = forms.CharField(
        label=_("祭扫情况"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("家属会在进度页上看到，如：已擦拭墓碑、敬献鲜花，并代为宣读寄语。"),
        error_messages={"required": _("请简要写明祭扫情况，家属会在进度页上看到。")},
    )

    def clean_photos(self):
        photos = self.cleaned_data["photos"]
        if len(photos) > conf.max_photos():
            raise forms.ValidationError(_("照片最多%(count)d张。") % {"count": conf.max_photos()})
        return photos


class PlanForm(forms.Form):
    start = forms.DateField(label=_("起始日期"), required=False, widget=DateInput())
    days = forms.TypedChoiceField(
        label=_("天数"),
        coerce=int,
        required=False,
        choices=[(7, _("7天")), (14, _("14天")), (31, _("31天")), (PLAN_MAX_DAYS, _("62天"))],
    )
    facility = forms.ModelChoiceField(label=_("纪念设施"), queryset=MemorialFacility.objects.none(), required=False)

    def __init__(self, *args, user, sees_all, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = visible_facilities(user, sees_all)
        self.fields["facility"].empty_label = _("全部")

    def range(self) -> tuple[datetime.date, int]:
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("start") or timezone.localdate()
        return start, data.get("days") or 14
