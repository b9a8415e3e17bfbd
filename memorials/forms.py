"""The public correction (纠错) form; the archive's filters are in ``memorials.filters``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from memorials.dates import PartialDateError, parse_partial_date
from memorials.models import MartyrCorrection
from siteshell.languages import content_language


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
        error_messages = {
            "proposed_value": {"required": _("请填写建议更正的内容")},
            "field": {"required": _("请选择需要更正的项目")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A corrected value is written as the record is (names, places, dates as the lists
        # write them): in the content's language, whatever the page's.
        self.fields["proposed_value"].widget.attrs["lang"] = content_language()

    def clean_proposed_value(self):
        value = self.cleaned_data["proposed_value"].strip()
        if not value:
            raise forms.ValidationError(_("请填写建议更正的内容"))
        if len(value) > 5000:
            raise forms.ValidationError(_("内容过长，请控制在5000字以内"))
        field = self.cleaned_data.get("field")
        if field in ("birth", "enlistment", "death"):
            try:
                parse_partial_date(value)
            except PartialDateError as error:
                raise forms.ValidationError(str(error)) from None
        return value
