"""Who may see personal data in full, and the log of every full view.

Everyone sees it masked (:func:`masked`); :func:`reveal` gives it in full and writes a log entry
(``siteshell.view_personal_data``) in the item's history and the site-wide log. Callers check
:func:`can_view_full` first.
"""

from __future__ import annotations

from wagtail.log_actions import log

from siteshell.accounts import twofactor
from siteshell.privacy.masking import mask

PERMISSION = "review.view_personal_data"
VIEW_ACTION = "siteshell.view_personal_data"


def _user(request_or_user):
    return getattr(request_or_user, "user", request_or_user)


def can_view_full(request_or_user) -> bool:
    """Whether the user (or the request's user) may see personal data in full.

    The one place for every condition: the permission ``review.view_personal_data`` (and, when
    given a request, the session's second factor, added by siteshell.accounts)."""
    user = _user(request_or_user)
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if not user.has_perm(PERMISSION):
        return False
    if request_or_user is user:  # a bare user (a command, a check without a request)
        return True
    return twofactor.is_verified(request_or_user)


def _triples(pairs):
    for pair in pairs:
        label, value, kind = (*pair, None) if len(pair) == 2 else pair
        if value not in (None, ""):
            yield label, value, kind


def masked(pairs) -> list[tuple[str, str]]:
    """``(label, value[, kind])`` pairs as ``(label, masked value)``; empty values left out."""
    return [(label, mask(value, kind)) for label, value, kind in _triples(pairs)]


def reveal(instance, user, pairs) -> list[tuple[str, str]]:
    """The pairs in full, and a log entry on ``instance`` naming the fields (never the values)."""
    data = [(label, str(value)) for label, value, _kind in _triples(pairs)]
    if data:
        log(instance, VIEW_ACTION, user=user, data={"fields": [str(label) for label, _value in data]})
    return data
