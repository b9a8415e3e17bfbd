"""Public forms: the archive filters and the correction (纠错) form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from memorials.models import MartyrCorrection, MemorialFacility
from memorials.periods import WarPeriod
from memorials.places import PROVINCE_NAMES

DECADES = list(range(1900, 2030, 10))


class ArchiveFilterForm(forms.Form):
    """Browse filters; each one matches an index of ``MartyrRecord``."""

    name = forms.CharField(label=_("姓名"), required=False, max_length=100)
    province = forms.ChoiceField(label=_("籍贯（省）"), required=False)
    period = forms.ChoiceField(label=_("历史时期"), required=False)
    decade = forms.TypedChoiceField(label=_("牺牲年代"), required=False, coerce=int, empty_value=None)
    battle = forms.CharField(label=_("战役/事件"), required=False, max_length=200)
    facility = forms.TypedChoiceField(label=_("安葬地"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, facilities=None, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("全部"))]
        self.fields["province"].choices = everything + [(name, name) for name in PROVINCE_NAMES]
        self.fields["period"].choices = everything + list(WarPeriod.choices)
        self.fields["decade"].choices = everything + [(str(d), f"{d}年代") for d in DECADES]
        if facilities is None:
            facilities = MemorialFacility.objects.values_list("id", "name")
        self.fields["facility"].choices = everything + [(str(pk), name) for pk, name in facilities]

    def apply(self, queryset):
        """Filter with the valid fields; invalid ones are reported by the form and ignored."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        lookups = {
            "name": "name",
            "province": "native_province",
            "period": "war_period",
            "decade": "death_decade",
            "battle": "battle",
            "facility": "facility_id",
        }
        for key, field in lookups.items():
            value = data.get(key)
            if value not in (None, ""):
                queryset = queryset.filter(**{field: value.strip() if isinstance(value, str) else value})
        return queryset

    def active_filters(self):
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return {key: value for key, value in data.items() if value not in (None, "")}


class CorrectionForm(forms.ModelForm):
    """What a visitor sends to propose a correction; staff review it before anything changes."""

    # A field people do not see; bots fill it in.
    website = forms.CharField(required=False, widget=forms.HiddenInput, label="")

    class Meta:
        model = MartyrCorrection
        fields = ["field", "proposed_value", "evidence", "submitter_name", "submitter_contact"]
        widgets = {
            "proposed_value": forms.Textarea(attrs={"rows": 3}),
            "evidence": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"submitter_name": _("您的称呼（选填）"), "submitter_contact": _("联系电话或邮箱（选填，不公开）")}
        help_texts = {
            "evidence": _("请说明依据，例如家中保存的烈士证明书、档案或地方志的名称"),
            "submitter_contact": _("仅用于工作人员核实，不会公开"),
        }
        error_messages = {"proposed_value": {"required": _("请填写建议更正的内容")},
                          "field": {"required": _("请选择需要更正的项目")}}

    def clean_proposed_value(self):
        value = self.cleaned_data["proposed_value"].strip()
        if not value:
            raise forms.ValidationError(_("请填写建议更正的内容"))
        if len(value) > 5000:
            raise forms.ValidationError(_("内容过长，请控制在5000字以内"))
        field = self.cleaned_data.get("field")
        if field in ("birth", "enlistment", "death"):
            from memorials.dates import PartialDateError, parse_partial_date

            try:
                parse_partial_date(value)
            except PartialDateError as error:
                raise forms.ValidationError(str(error)) from None
        return value
