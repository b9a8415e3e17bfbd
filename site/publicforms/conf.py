"""The protection's settings, read when used (tests and operators may change them)."""

from __future__ import annotations

from django.conf import settings

#: Built-in defaults; ``PUBLIC_FORM_RATES["default"]`` and per-form entries override them.
DEFAULT_RATES = {
    "visitor": "6/10m",
    "address": "60/h",
    "captcha_visitor": "3/h",
    "captcha_address": "20/h",
}
RATE_NAMES = tuple(DEFAULT_RATES)


def rates_for(form_key: str, defaults: dict | None = None) -> dict:
    """The rates of one form: built-in < ``PUBLIC_FORM_RATES["default"]`` < the view's
    ``defaults`` < ``PUBLIC_FORM_RATES[form_key]``."""
    configured = getattr(settings, "PUBLIC_FORM_RATES", {}) or {}
    rates = dict(DEFAULT_RATES)
    for layer in (configured.get("default"), defaults, configured.get(form_key)):
        for name, value in (layer or {}).items():
            if name not in RATE_NAMES:
                raise ValueError(f"publicforms: unknown rate {name!r} for {form_key!r} (one of {RATE_NAMES})")
            rates[name] = value or None
    return rates


def max_body() -> int:
    return int(getattr(settings, "PUBLIC_FORM_MAX_BODY", 128 * 1024))


def max_field_length() -> int:
    return int(getattr(settings, "PUBLIC_FORM_MAX_FIELD_LENGTH", 2000))


def min_seconds() -> int:
    return int(getattr(settings, "PUBLIC_FORM_MIN_SECONDS", 3))


def flag_seconds() -> int:
    return int(getattr(settings, "PUBLIC_FORM_FLAG_SECONDS", 3600))
