"""What a public text field accepts: a length limit with a clear message, and readable characters.

Django's own NUL check (``ProhibitNullCharactersValidator``) has a misleading Chinese translation
and lets other control characters through; :class:`ReadableText` replaces it.
"""

from __future__ import annotations

import re
import unicodedata

from django.core import validators
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

UNREADABLE_MESSAGE = _("含有无法识别的字符，请删除后再提交")
#: Allowed control characters: tab and line breaks.
ALLOWED_CONTROLS = frozenset("\t\n\r")
#: Unicode noncharacters (U+FDD0–U+FDEF and the last two of every plane).
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef\ufffe\uffff]")


def is_unreadable(char: str) -> bool:
    if char in ALLOWED_CONTROLS:
        return False
    if char == "\ufffd":  # what invalid UTF-8 in the request became
        return True
    category = unicodedata.category(char)
    if category in ("Cc", "Cs"):  # control characters, lone surrogates
        return True
    code = ord(char)
    return bool(_NONCHARACTERS.match(char)) or (code & 0xFFFE) == 0xFFFE


@deconstructible
class ReadableText:
    """Refuses NUL and other control characters, lone surrogates, invalid text (U+FFFD) and
    noncharacters, with one message in Chinese."""

    message = UNREADABLE_MESSAGE
    code = "unreadable"

    def __call__(self, value):
        if isinstance(value, str) and any(is_unreadable(char) for char in value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, ReadableText)


def short_label(label) -> str:
    """A field's label without its note in brackets: "您的称呼（选填）" → "您的称呼"."""
    text = str(label or "").strip()
    return re.sub(r"\s*[（(][^（()）]*[)）]\s*$", "", text) or text


def too_long_message(name, limit: int) -> str:
    return _("%(name)s过长，请控制在%(limit)d字以内") % {"name": short_label(name), "limit": limit}


def protect_text_field(field, limit: int, name=None) -> None:
    """Give a ``forms.CharField`` the limit, its message, and the character check."""
    field.max_length = limit
    field.validators = [
        validator
        for validator in field.validators
        if not isinstance(
            validator,
            (validators.ProhibitNullCharactersValidator, validators.MaxLengthValidator, ReadableText),
        )
    ]
    field.validators[:0] = [ReadableText(), validators.MaxLengthValidator(limit)]
    field.error_messages = {**field.error_messages, "max_length": too_long_message(name or field.label, limit)}
    field.widget.attrs["maxlength"] = str(limit)
