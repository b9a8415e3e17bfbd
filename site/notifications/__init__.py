"""Notifications to the public (email, SMS) and tracking codes of their submissions.

What plugins use (see docs/notifications.md)::

    from siteshell.notifications import TrackingStatus, issue_tracking_code, notify

The names are loaded on first use, so importing the package does not load its models before
Django's app registry is ready.
"""

_EXPORTS = {
    "issue_tracking_code": "siteshell.notifications.tracking",
    "find_submission": "siteshell.notifications.tracking",
    "revoke_tracking_codes": "siteshell.notifications.tracking",
    "TrackingStatus": "siteshell.notifications.tracking",
    "Trackable": "siteshell.notifications.tracking",
    "notify": "siteshell.notifications.service",
    "tracking_page_url": "siteshell.notifications.urls",
    "FactorKind": "siteshell.notifications.factors",
    "register_factor_kind": "siteshell.notifications.factors",
    "PHONE_LAST4": "siteshell.notifications.factors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_EXPORTS[name]), name)
