"""A section that the shell's roles work in, for tests that need no plugin.

A plugin lists ``section_roles()`` in ``staff_groups()`` and the shell grants the roles' page
rights on its section pages (``siteshell.groups``); a plain page under the home page gets the same
rights here, so the review tests run with every plugin switched off.
"""

from django.contrib.auth.models import Group
from wagtail.models import Page

from siteshell.groups import grant_page_permissions, group_name
from siteshell.review.rights import section_roles


def roles_section(parent, title="工作动态", slug="gongzuo"):
    """A new page under ``parent`` on which 宣传干事, 初审员 and 终审员 hold their section rights."""
    section = parent.add_child(instance=Page(title=title, slug=slug))
    for spec in section_roles():
        grant_page_permissions(Group.objects.get(name=group_name(spec.name)), [section], spec.page_permissions)
    return section
