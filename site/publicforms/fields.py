"""The fields the protection adds to a form: the honeypot, the signed start time, the CAPTCHA."""

from __future__ import annotations

import time

from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from siteshell.pagecache import live

HONEYPOT_NAME = "website"
STARTED_NAME = "publicforms_started"
CAPTCHA_NAME = "captcha"
STARTED_SALT = "siteshell.publicforms.started"


class HoneypotInput(forms.TextInput):
    """A text input people do not see (hidden by the ``publicforms-hp`` class in a stylesheet, not
    ``type=hidden``, which bots skip) and cannot reach with the keyboard."""

    def __init__(self):
        super().__init__(attrs={"tabindex": "-1", "autocomplete": "off", "aria-hidden": "true"})


def honeypot_field() -> forms.CharField:
    field = forms.CharField(
        required=False, strip=True, widget=HoneypotInput(), label=_("如果您使用读屏软件，请不要填写这一项")
    )
    field.validators = []  # whatever a bot writes here is accepted in appearance
    return field


#: The last second signed and its signature: every form served within one second carries the
#: same value (a page shows several forms, and a cached page is served many times a second).
_last_signed: tuple[int, str, str] = (-1, "", "")


def signed_now() -> str:
    global _last_signed
    now = int(time.time())
    second, key, value = _last_signed
    if second != now or key != settings.SECRET_KEY:
        value = signing.dumps(now, salt=STARTED_SALT)
        _last_signed = (now, settings.SECRET_KEY, value)
    return value


def started_value() -> str:
    """The signed time the form was shown; on a page that may be cached, a live fragment filled in
    on every serve (``siteshell.pagecache``), so that a cached form is not taken for an old one."""
    if live.caching():
        return live.marker("publicforms.started")
    return signed_now()


def seconds_since(value) -> float | None:
    """Seconds since the form carrying ``value`` was shown; ``None`` when absent or forged."""
    if not value:
        return None
    try:
        return time.time() - float(signing.loads(str(value), salt=STARTED_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None


def started_field() -> forms.CharField:
    field = forms.CharField(required=False, widget=forms.HiddenInput)
    field.validators = []
    return field


class CaptchaInput(CaptchaTextInput):
    """simple-captcha's widget with a template of our own: big digits, a Chinese label and text
    alternative, a refresh button (publicforms/captcha.js, a static file), and no inline script or style."""

    template_name = "publicforms/captcha_widget.html"

    def __init__(self):
        super().__init__()
        # Only the answer: the MultiWidget's own attrs would go to the hidden key as well.
        self.widgets[1].attrs.update({"inputmode": "numeric", "class": "publicforms-captcha__answer"})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["answer_id"] = self.id_for_label(attrs.get("id") if attrs else None)
        return context


def captcha_field() -> CaptchaField:
    return CaptchaField(
        label=_("验证码"),
        widget=CaptchaInput(),
        error_messages={
            "invalid": _("验证码不正确，请重新输入"),
            "required": _("请输入验证码：图中算术题的答案"),
            "incomplete": _("请输入验证码：图中算术题的答案"),
        },
    )
