"""Kinds of second factor: what the status page asks for beside the tracking code.

A submitter proves a code is theirs with something they gave when submitting, by default the
last four digits of their mobile number (:data:`PHONE_LAST4`). A plugin that asks for
something else registers a kind in its ``AppConfig.ready()`` and links to the status page with
``tracking_page_url(kind)``, so the page asks for it by name with the right keyboard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from siteshell.notifications.codes import normalise_factor

PHONE_LAST4 = "phone_last4"


@dataclass(frozen=True)
class FactorKind:
    """``label`` and ``help_text`` are shown on the status page; ``inputmode`` picks the phone's
    keyboard (``"numeric"``, ``"text"``); a factor given to ``issue_tracking_code`` must match
    ``pattern`` once normalised (``codes.normalise_factor``)."""

    key: str
    label: str
    help_text: str = ""
    inputmode: str = "text"
    pattern: str = r".{4,64}"
    max_length: int = 64

    def is_valid(self, value) -> bool:
        return re.fullmatch(self.pattern, normalise_factor(value)) is not None


_KINDS: dict[str, FactorKind] = {}


def register_factor_kind(kind: FactorKind) -> FactorKind:
    _KINDS[kind.key] = kind
    return kind


def get_factor_kind(key) -> FactorKind:
    """The kind registered as ``key``; the default kind (:data:`PHONE_LAST4`) for anything else."""
    return _KINDS.get(str(key or ""), _KINDS[PHONE_LAST4])


def factor_kind_keys() -> list[str]:
    return sorted(_KINDS)


register_factor_kind(
    FactorKind(
        key=PHONE_LAST4,
        label=_("手机号后四位"),
        help_text=_("提交时所填手机号码的最后四位数字"),
        inputmode="numeric",
        pattern=r"[0-9]{4}",
        max_length=8,
    )
)
