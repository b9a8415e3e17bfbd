"""Who sees a clue's sender in full: members of 寻亲专班 (the permission
``seekrelatives.view_clue_personal_data``) whose session passed the second factor. Everyone else
— moderators, 站点管理员, other staff — sees the data masked (``138****1234``). Every full view
is logged (``siteshell.view_personal_data``, with the fields named, never the values), as every
reading of an attachment (``seekrelatives.view_attachment``)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from siteshell.accounts import twofactor
from siteshell.privacy import access

PERMISSION = "seekrelatives.view_clue_personal_data"
ATTACHMENT_ACTION = "seekrelatives.view_attachment"


def can_view_full(request) -> bool:
    """The permission and a verified second factor (a bare user is never enough here: full views
    happen in a request)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.has_perm(PERMISSION) and twofactor.is_verified(request)


def may_read_clues(user) -> bool:
    """What senders wrote (about the martyr and the family) is read by 寻亲专班 only."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(PERMISSION))


def personal_pairs(clue) -> list[tuple[str, str, str | None]]:
    return [
        (_("提交人姓名"), clue.submitter_name, None),
        (_("手机号"), clue.mobile, "mobile"),
        (_("身份证号"), clue.id_number, "id_number"),
        (_("联系地址"), clue.address, "address"),
    ]


def masked(clue) -> list[tuple[str, str]]:
    return access.masked(personal_pairs(clue))


def reveal(clue, user) -> list[tuple[str, str]]:
    """The sender's data in full, logged on the clue; the caller checked :func:`can_view_full`."""
    return access.reveal(clue, user, personal_pairs(clue))
