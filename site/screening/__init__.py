"""Sensitive-word screening (敏感词): one pass over a text, for the moderators.

    from siteshell.screening import screen

    result = screen(message.name, message.text)
    if result.flagged:
        item.screening = result.as_json()  # shown to the moderator
        item.bulk_approvable = result.bulk_approvable

A match never rejects anything by itself: it marks the item for the moderator. See
docs/screening.md.
"""

from siteshell.screening.categories import BULK_APPROVAL_FORBIDDEN, WordCategory, allows_bulk_approval
from siteshell.screening.matcher import invalidate, screen
from siteshell.screening.normalisation import normalise
from siteshell.screening.result import Match, ScreeningResult

__all__ = [
    "BULK_APPROVAL_FORBIDDEN",
    "Match",
    "ScreeningResult",
    "WordCategory",
    "allows_bulk_approval",
    "invalidate",
    "normalise",
    "screen",
]
