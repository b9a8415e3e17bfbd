"""The roles as the migration makes them: every role × every action on pages in a section they
work in, and the shell's own permissions. (Martyr records: tests/memorials/test_record_workflow.py;
which group holds rights where in the page tree: tests/shell/test_section_rights.py.)"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

from tests.shell.section_helpers import roles_section

pytestmark = pytest.mark.django_db

ROLES = ["宣传干事", "初审员", "终审员", "留言审核员", "站点管理员"]

#: action -> the roles that may do it.
MATRIX = {
    "access_admin": {"宣传干事", "初审员", "终审员", "留言审核员", "站点管理员"},
    "create": {"宣传干事", "站点管理员"},
    "add_section": {"站点管理员"},
    "edit_home": {"站点管理员"},
    "edit": {"宣传干事", "初审员", "终审员", "站点管理员"},
    "submit": {"宣传干事", "初审员", "终审员", "站点管理员"},
    "approve_first": {"初审员"},
    "approve_final": {"终审员"},
    "publish": {"终审员", "站点管理员"},
    "delete_draft": {"宣传干事", "初审员", "终审员", "站点管理员"},
    "delete_published": {"终审员", "站点管理员"},
    "lock_any": {"站点管理员"},
    "see_personal_data": {"站点管理员"},
    "moderate": {"留言审核员", "站点管理员"},
    "see_removed": {"站点管理员"},
    "export_audit": {"站点管理员"},
    "manage_users": {"站点管理员"},
}


@pytest.fixture
def pages(home_page):
    section = roles_section(home_page)
    draft = Page(title="草稿：烈士纪念日活动", slug="draft", live=False)
    section.add_child(instance=draft)
    published = Page(title="已发布：清明祭扫", slug="published")
    section.add_child(instance=published)
    published.save_revision().publish()
    return section, draft, published


def can_approve(step, page, user):
    workflow = Workflow.objects.get(name="内容审核")
    task = [task.specific for task in workflow.tasks][step]
    return "approve" in {name for name, _label, _modal in task.get_actions(page, user)}


def allowed(action, user, section, draft, published):
    perms = draft.permissions_for_user(user)
    home = section.get_parent()
    checks = {
        "access_admin": lambda: user.has_perm("wagtailadmin.access_admin"),
        "create": lambda: section.permissions_for_user(user).can_add_subpage(),
        "add_section": lambda: home.permissions_for_user(user).can_add_subpage(),
        "edit_home": lambda: home.permissions_for_user(user).can_edit(),
        "edit": perms.can_edit,
        # The editor's 提交审核: who may edit a page may submit it (Wagtail checks both).
        "submit": lambda: perms.can_edit() and perms.can_submit_for_moderation(),
        "approve_first": lambda: can_approve(0, draft, user),
        "approve_final": lambda: can_approve(1, draft, user),
        "publish": perms.can_publish,
        "delete_draft": perms.can_delete,
        "delete_published": published.permissions_for_user(user).can_delete,
        "lock_any": perms.can_unlock,
        "see_personal_data": lambda: user.has_perm("review.view_personal_data"),
        "moderate": lambda: user.has_perm("review.moderate_submissions"),
        "see_removed": lambda: user.has_perm("review.view_removed_submissions"),
        "export_audit": lambda: user.has_perm("review.export_audit"),
        "manage_users": lambda: user.has_perm("auth.change_user"),
    }
    return bool(checks[action]())


@pytest.mark.parametrize("action", MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(django_user_model, pages, role, action):
    user = django_user_model.objects.create_user(f"u-{ROLES.index(role)}", "u@example.gov.cn", "pw")
    user.groups.add(Group.objects.get(name=role))
    assert allowed(action, user, *pages) is (role in MATRIX[action])


def test_a_member_of_no_role_may_do_nothing(django_user_model, pages):
    user = django_user_model.objects.create_user("nobody", "n@example.gov.cn", "pw")
    assert not any(allowed(action, user, *pages) for action in MATRIX)


def test_the_shell_permissions_are_named_in_chinese():
    from django.contrib.auth.models import Permission

    names = dict(Permission.objects.filter(content_type__model="staffpermission").values_list("codename", "name"))
    assert names == {
        "moderate_submissions": "审核公众提交内容",
        "view_removed_submissions": "查看已撤下内容",
        "export_audit": "导出审核记录",
        "view_personal_data": "查看完整个人信息",
    }


def test_writers_upload_media_and_managers_delete_it():
    def codenames(name):
        group = Group.objects.get(name=name)
        return set(group.collection_permissions.values_list("permission__codename", flat=True))

    assert {"add_image", "choose_image", "add_document", "add_media"} <= codenames("宣传干事")
    assert "delete_image" not in codenames("宣传干事")
    assert {"delete_image", "delete_document", "delete_media"} <= codenames("站点管理员")
