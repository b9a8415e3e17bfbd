"""The requester's identity as the form takes it: a resident ID number (居民身份证号码, GB 11643)
checked with python-stdnum (length, digits, birth date, region code, check digit), a mainland
mobile number, and a name reduced to initials when the personal data is erased."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric

from siteshell.notifications.recipients import normalise_phone


def clean_id_number(value: str) -> str:
    """The 18-character number in upper case (spaces and full-width characters allowed on the
    way in), or a ``ValidationError`` that says what is wrong with it."""
    text = "".join(unicodedata.normalize("NFKC", value or "").split()).upper()
    if len(text) != 18:
        raise ValidationError(_("身份证号码应为18位，请核对后重新填写"), code="id_length")
    if not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise ValidationError(_("身份证号码前17位应为数字，最后一位为数字或X"), code="id_format")
    try:
        ric.validate(text)
    except stdnum_errors.InvalidChecksum:
        raise ValidationError(_("身份证号码校验位不正确，请核对是否有数字填错"), code="id_checksum") from None
    except stdnum_errors.ValidationError:
        # InvalidComponent: the birth date is no date, or the region code is unknown.
        raise ValidationError(
            _("身份证号码中的出生日期或地区码不正确，请核对后重新填写"), code="id_component"
        ) from None
    if ric.get_birth_date(text) > timezone.localdate():
        raise ValidationError(_("身份证号码中的出生日期不正确，请核对后重新填写"), code="id_component")
    return text


def clean_mobile(value: str) -> str:
    """A mainland mobile number as its 11 digits (spaces, dashes, +86 allowed), else an error."""
    phone = normalise_phone(value)
    if not phone:
        raise ValidationError(_("请填写11位手机号码，用于接收办理进度短信"), code="mobile")
    return phone


def initials(name: str) -> str:
    """What is left of a name when the personal data is erased: ``张某`` for a Chinese name,
    ``J. S.`` for one written in Latin letters."""
    text = " ".join((name or "").split())
    if not text:
        return ""
    if any(_is_cjk(character) for character in text):
        return f"{text[0]}某"
    return " ".join(f"{word[0].upper()}." for word in text.split())


def _is_cjk(character: str) -> bool:
    return unicodedata.name(character, "").startswith("CJK")
