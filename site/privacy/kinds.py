"""Kinds of personal data: how each is normalised for its lookup hash."""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

from siteshell.notifications.recipients import normalise_email, normalise_phone

MOBILE = "mobile"
ID_NUMBER = "id_number"
ADDRESS = "address"
EMAIL = "email"
CONTACT = "contact"
TEXT = "text"

KINDS = {
    MOBILE: _("手机号"),
    ID_NUMBER: _("身份证号"),
    ADDRESS: _("地址"),
    EMAIL: _("电子邮箱"),
    CONTACT: _("联系方式"),
    TEXT: _("本人填写的说明"),
}


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"personal data kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return kind


def _email(value) -> str:
    return normalise_email(value).lower()


def _id_number(value) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value or ""))).upper()


def _text(value) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(value or "")).split())


def normalise_contact(value) -> str:
    """A phone number as its 11 digits, an e-mail address in lower case, else ``""``."""
    return normalise_phone(value) or _email(value)


NORMALISERS = {
    MOBILE: normalise_phone,
    EMAIL: _email,
    CONTACT: normalise_contact,
    ID_NUMBER: _id_number,
    ADDRESS: _text,
    TEXT: _text,
}


def normalise(value, kind: str) -> str:
    return NORMALISERS[check_kind(kind)](value)
