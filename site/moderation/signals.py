"""Signals of the moderation service."""

from django.dispatch import Signal

#: Sent after the transaction of a decision (approve, reject, remove, restore, hide, unhide)
#: committed, with ``sender`` the submission's model and ``item``, ``decision`` (its value) and
#: ``user``. The page cache listens, to render again the page that shows the item.
decision_taken = Signal()
