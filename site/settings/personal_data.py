"""Settings: personal data at rest and its lifecycle (siteshell.privacy, docs/privacy.md).

Without ``PERSONAL_DATA_KEYS`` the keys are derived from ``SECRET_KEY``: fine on a laptop and
in tests, unsafe in production (production.py refuses to start without the variable)."""

from django.core.exceptions import ImproperlyConfigured

from siteshell.settings.env import env_list, env_str


def _retention_days(items):
    """``["memorials.martyrcorrection=365", "requestdesk.servicerequest=none"]`` → a dict."""
    days = {}
    for item in items:
        label, _sep, value = item.partition("=")
        value = value.strip().lower()
        if not label.strip() or not (value == "none" or value.isdigit()):
            raise ImproperlyConfigured(f"PRIVACY_RETENTION_DAYS: expected app_label.model=days or =none, got {item!r}")
        days[label.strip().lower()] = None if value == "none" else int(value)
    return days


#: Fernet keys, comma-separated: the first encrypts, every one decrypts (key rotation).
PERSONAL_DATA_KEYS = env_list("PERSONAL_DATA_KEYS", [])
#: The HMAC-SHA256 key of the lookup hashes beside encrypted values.
PERSONAL_DATA_HASH_KEY = env_str("PERSONAL_DATA_HASH_KEY", "")
#: Days after which a kind of submission loses its personal data, by model label, e.g.
#: ``{"memorials.martyrcorrection": 365}``; ``None`` keeps it. Unlisted models use their
#: ``personal_data_retention_days``. From the environment: ``label=days,label=none``.
PRIVACY_RETENTION_DAYS: dict[str, int | None] = _retention_days(env_list("PRIVACY_RETENTION_DAYS", []))
