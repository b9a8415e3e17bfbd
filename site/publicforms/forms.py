"""The form side of the protection: mix :class:`ProtectedForm` into a public form.

class TributeForm(ProtectedForm, forms.ModelForm):
    field_limits = {"message": 500}            # characters; else the model's max_length,
                                               # else PUBLIC_FORM_MAX_FIELD_LENGTH
    field_limit_names = {"message": _("留言")}  # the name in "留言过长，请控制在500字以内"

form = TributeForm(protection.data, protection=protection)
"""

from __future__ import annotations

from django import forms
from django.forms.utils import ErrorDict

from siteshell.publicforms import conf
from siteshell.publicforms.fields import (
    CAPTCHA_NAME,
    HONEYPOT_NAME,
    STARTED_NAME,
    captcha_field,
    honeypot_field,
    seconds_since,
    started_field,
    started_value,
)
from siteshell.publicforms.text import protect_text_field

PROTECTION_FIELDS = (HONEYPOT_NAME, STARTED_NAME, CAPTCHA_NAME)


class ProtectedForm:
    """A form mixin (put it before ``forms.Form`` / ``forms.ModelForm``) that adds the honeypot,
    the signed start time and, when the guard asks for it, the CAPTCHA; gives every text field a
    length limit with a Chinese message and refuses unreadable characters. With the guard's
    refusal (too frequent, too large), the form is not valid and shows only that message, keeping
    what was typed."""

    #: ``{field name: characters}``; fields not named take their own ``max_length`` or the default.
    field_limits: dict[str, int] = {}
    #: ``{field name: name in the too-long message}``; default: the label without "（…）".
    field_limit_names: dict = {}

    def __init__(self, *args, protection=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.protection = protection
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField):
                limit = self.field_limits.get(name) or field.max_length or conf.max_field_length()
                protect_text_field(field, limit, self.field_limit_names.get(name))
        self.fields[HONEYPOT_NAME] = honeypot_field()
        self.fields[STARTED_NAME] = started_field()
        self.initial[STARTED_NAME] = started_value()
        if protection is not None and protection.needs_captcha:
            self.fields[CAPTCHA_NAME] = captcha_field()

    # -- what the guard reads ----------------------------------------------------------------

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.is_bound and (self.data.get(HONEYPOT_NAME) or "").strip())

    @property
    def posted_too_fast(self) -> bool:
        """Posted sooner than ``PUBLIC_FORM_MIN_SECONDS`` after shown, or with a forged time (an
        absent time is not held against anyone: pages cached from before, old clients)."""
        if not self.is_bound or not self.data.get(STARTED_NAME):
            return False
        elapsed = seconds_since(self.data.get(STARTED_NAME))
        return elapsed is None or elapsed < conf.min_seconds()

    # -- validation ---------------------------------------------------------------------------

    def full_clean(self):
        protection = self.protection
        if self.is_bound and protection is not None and protection.refusal:
            self._errors = ErrorDict()
            self.cleaned_data = {}
            self.add_error(None, protection.refusal)
            return
        super().full_clean()

    # -- rendering ----------------------------------------------------------------------------

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name not in PROTECTION_FIELDS]

    def hidden_fields(self):
        return [field for field in super().hidden_fields() if field.name not in PROTECTION_FIELDS]

    @property
    def protection_fields(self):
        """The bound fields the ``publicforms/protection.html`` include renders."""
        return {name: self[name] for name in PROTECTION_FIELDS if name in self.fields}
