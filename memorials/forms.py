"""The public correction (纠错) form; the archive's filters are in ``memorials.filters``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from memorials.dates import PartialDateError, parse_partial_date
from memorials.models import MartyrCorrection
from siteshell.languages import content_language
from siteshell.privacy.consent import ConsentField
from siteshell.publicforms import ProtectedForm

#: The fields that are personal data: giving either needs the visitor's consent.
PERSONAL_FIELDS = ("submitter_name", "submitter_contact")


class CorrectionForm(ProtectedForm, forms.ModelForm):
    """What a visitor sends to propose a correction; staff review it before anything changes.
    Protected as every public form is (honeypot, CAPTCHA after a threshold, field limits):
    ``siteshell.publicforms``."""

    field_limits = {"proposed_value": 5000, "evidence": 2000}
    field_limit_names = {"proposed_value": _("建议更正的内容")}

    # 个人信息保护法: a name or contact is kept only with the visitor's consent to the notice
    # shown beside the box; the notice's version is stored with the correction.
    consent = ConsentField(required=False, label=_("我已阅读并同意《个人信息处理说明》（留下称呼或联系方式时请勾选）"))

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
        # The empty choice says what to do, instead of Django's "---------".
        self.fields["field"].choices = [("", _("请选择")), *MartyrCorrection.FIELD_CHOICES]

    def clean(self):
        cleaned = super().clean()
        gives_personal_data = any((cleaned.get(name) or "").strip() for name in PERSONAL_FIELDS)
        if gives_personal_data and not cleaned.get("consent"):
            self.add_error(
                "consent",
                _("您留下了称呼或联系方式：请阅读《个人信息处理说明》并勾选同意；如不同意，请清空这两项后再提交。"),
            )
        return cleaned

    def clean_proposed_value(self):
        value = self.cleaned_data["proposed_value"].strip()
        if not value:
            raise forms.ValidationError(_("请填写建议更正的内容"))
        field = self.cleaned_data.get("field")
        if field in ("birth", "enlistment", "death"):
            try:
                parse_partial_date(value)
            except PartialDateError as error:
                raise forms.ValidationError(str(error)) from None
        return value
