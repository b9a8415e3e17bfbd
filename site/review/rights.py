"""Where the bureau's roles hold their page rights, and who runs the site.

Only 站点管理员 hold page rights at the site root (the home page and everything under it).
宣传干事, 初审员 and 终审员 hold theirs on the sections of the plugins whose pages they write:
a plugin lists :func:`section_roles` in its ``staff_groups()``, and the shell grants the rights on
its section pages (``siteshell.groups``).
"""

from siteshell.plugins import StaffGroup
from siteshell.review.roles import FINAL_APPROVERS, FIRST_REVIEWERS, SITE_MANAGERS, WRITERS

#: 宣传干事 write pages in a section and submit them.
WRITER_PAGE_RIGHTS = ("add", "change")
#: 初审员 may correct a page at the first step.
FIRST_REVIEW_PAGE_RIGHTS = ("change",)
#: 终审员 may correct and publish.
FINAL_APPROVAL_PAGE_RIGHTS = ("change", "publish")


def section_roles(sections=()) -> list[StaffGroup]:
    """The page rights of 宣传干事, 初审员 and 终审员 on a plugin's sections (``sections``: page
    types, by default the plugin's own ``page_types()``)."""
    sections = tuple(sections)
    return [
        StaffGroup(name=WRITERS, page_permissions=WRITER_PAGE_RIGHTS, sections=sections),
        StaffGroup(name=FIRST_REVIEWERS, page_permissions=FIRST_REVIEW_PAGE_RIGHTS, sections=sections),
        StaffGroup(name=FINAL_APPROVERS, page_permissions=FINAL_APPROVAL_PAGE_RIGHTS, sections=sections),
    ]


def is_site_manager(user) -> bool:
    """A superuser or a member of 站点管理员: who sees the pages about how the site is built
    (设置 → 功能模块)."""
    from siteshell.groups import group_name

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=group_name(SITE_MANAGERS)).exists()
