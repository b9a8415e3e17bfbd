"""The status page's form: a tracking code and the second factor."""

from django import forms
from django.utils.translation import gettext_lazy as _

from siteshell.notifications.factors import FactorKind
from siteshell.publicforms import ProtectedForm


class TrackForm(ProtectedForm, forms.Form):
    """Protected as every public form is (``siteshell.publicforms``): honeypot, CAPTCHA after a
    number of wrong pairs, field limits and unreadable characters; its rate limits are its own."""

    code = forms.CharField(
        label=_("查询码"),
        max_length=40,
        help_text=_("提交成功时告诉您的查询码，如 K7QM-4XTP-9RA；不区分大小写，横线可以不输"),
        error_messages={"required": _("请输入查询码")},
    )
    factor = forms.CharField(max_length=64)

    def __init__(self, *args, factor_kind: FactorKind, **kwargs):
        self.field_limits = {"factor": factor_kind.max_length}
        self.field_limit_names = {"factor": factor_kind.label}
        super().__init__(*args, **kwargs)
        self.factor_kind = factor_kind
        code, factor = self.fields["code"], self.fields["factor"]
        code.widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "inputmode": "text"}
        )
        factor.label = factor_kind.label
        factor.help_text = factor_kind.help_text
        factor.widget.attrs.update(
            {"autocomplete": "off", "inputmode": factor_kind.inputmode, "maxlength": factor_kind.max_length}
        )
        factor.error_messages["required"] = _("请输入%(label)s") % {"label": factor_kind.label}
