"""公众表单防护: one protection for every public form (docs/public-forms.md).

Plugins use, all from ``siteshell.publicforms``:

- :class:`ProtectedForm` — a form mixin: honeypot, signed start time, CAPTCHA after a threshold,
  a length limit on every text field, unreadable characters refused (all in Chinese);
- :func:`guard` — ``guard(request, form_key, *, defaults=None) -> Guard``: rate limits per visitor
  and per address, whether a CAPTCHA is needed, the 429/413 answer, the visitor cookie;
- :func:`store_first` — save in its own transaction, then run the steps that may fail.

Templates: ``{% include "publicforms/protection.html" %}`` inside the ``<form>`` and the
stylesheet ``publicforms/publicforms.css``.
"""

from importlib import import_module

_EXPORTS = {
    "ProtectedForm": "siteshell.publicforms.forms",
    "Guard": "siteshell.publicforms.protection",
    "guard": "siteshell.publicforms.protection",
    "store_first": "siteshell.publicforms.storing",
}
__all__ = list(_EXPORTS)


def __getattr__(name):
    # Imported on first use: this package is an installed app, loaded before the models.
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
