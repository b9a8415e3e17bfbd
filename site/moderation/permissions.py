"""Who may do what in the inbox: the shell-wide ``review.*`` permissions (siteshell.review)."""

MODERATE = "review.moderate_submissions"
VIEW_REMOVED = "review.view_removed_submissions"
EXPORT = "review.export_audit"


def can_moderate(user) -> bool:
    return bool(user and user.is_active and user.has_perm(MODERATE))


def can_view_removed(user) -> bool:
    return can_moderate(user) and user.has_perm(VIEW_REMOVED)


def can_export(user) -> bool:
    return bool(user and user.is_active and user.has_perm(EXPORT))
