"""Who holds page rights where in the page tree (issue #20).

Only 站点管理员 hold rights at the root: they alone edit the home page and add sections. Every
other group's page rights are on the sections it works in — the shell's roles on every content
section, a plugin's own editors on that plugin's sections — granted after migrate and when a
section is created. 设置 → 功能模块 is for 站点管理员 and superusers only.
"""

import datetime
import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from siteshell.groups import sync_staff_groups

pytestmark = pytest.mark.django_db

section_migration = importlib.import_module("siteshell.review.migrations.0003_section_rights")

#: The roles that write or review every content section, with 站点管理员 (rights at the root).
WRITING = {"宣传干事", "初审员", "终审员", "站点管理员"}
PUBLISHING = {"终审员", "站点管理员"}
ADDING = {"宣传干事", "站点管理员"}


def ceremony_fields():
    return {"start_date": datetime.date(2026, 4, 1), "end_date": datetime.date(2026, 4, 10)}


#: label, page model, extra fields, the plugin's own editors' group (or None), whether the section
#: takes pages under it.
SECTIONS = [
    ("honors", "honors.HonorIndexPage", dict, "荣誉风采编辑", True),
    ("memorials", "memorials.MartyrArchivePage", lambda: {"per_page": 10}, None, False),
    ("tributes", "tributes.CeremonyPage", ceremony_fields, None, False),
    ("talks", "talks.TalksIndexPage", dict, None, False),
    ("seekrelatives", "seekrelatives.SeekRelativesCampaignPage", dict, None, True),
    ("education", "education.EducationIndexPage", dict, "国防教育编辑", True),
    ("sampleplugin", "sampleplugin.SampleIndexPage", dict, "示例模块编辑", True),
]


def section_params():
    return [pytest.param(*section, id=section[0], marks=pytest.mark.plugin(section[0])) for section in SECTIONS]


def installed(model_name):
    try:
        apps.get_model(model_name)
    except LookupError:
        return False
    return True


def add_section(parent, model_name, fields=dict, slug=None):
    model = apps.get_model(model_name)
    slug = slug or model._meta.model_name
    page = model(title=f"{model._meta.verbose_name}", slug=slug, **fields())
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def members(django_user_model):
    """One member of every staff group there is (the roles and each plugin's own groups)."""
    users = {}
    for index, group in enumerate(Group.objects.order_by("name")):
        user = django_user_model.objects.create_user(f"staff{index}", f"staff{index}@example.gov.cn", "pw")
        user.groups.add(group)
        users[group.name] = user
    assert {"宣传干事", "初审员", "终审员", "留言审核员", "站点管理员"} <= set(users)
    return users


def who(members, page, check):
    return {name for name, user in members.items() if getattr(page.permissions_for_user(user), check)()}


def test_only_site_managers_edit_the_home_page_or_add_a_section(home_page, members):
    for _label, model_name, fields, _editors, _nested in SECTIONS:
        if installed(model_name):
            add_section(home_page, model_name, fields)
    assert who(members, home_page, "can_edit") == {"站点管理员"}
    assert who(members, home_page, "can_publish") == {"站点管理员"}
    assert who(members, home_page, "can_add_subpage") == {"站点管理员"}


@pytest.mark.parametrize(("label", "model_name", "fields", "editors", "nested"), section_params())
def test_each_group_on_each_section(home_page, members, label, model_name, fields, editors, nested):
    section = add_section(home_page, model_name, fields)
    owners = WRITING | ({editors} if editors else set())
    assert who(members, section, "can_edit") == owners
    assert who(members, section, "can_publish") == PUBLISHING
    assert who(members, section, "can_add_subpage") == (
        (ADDING | ({editors} if editors else set())) if nested else set()
    )


@pytest.mark.plugin("honors", "memorials")
def test_the_honours_editors_work_in_the_honour_roll_only(client, home_page, members):
    """The reported case: 荣誉风采编辑 could edit the home page and the martyr archive."""
    from honors.models import ProfilePage

    honour_roll = add_section(home_page, "honors.HonorIndexPage")
    archive = add_section(home_page, "memorials.MartyrArchivePage", lambda: {"per_page": 10})
    profile = honour_roll.add_child(instance=ProfilePage(title="李卫国", slug="li-weiguo", live=False))
    client.force_login(members["荣誉风采编辑"])

    assert client.get(f"/admin/pages/{honour_roll.id}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{profile.id}/edit/").status_code == 200
    for page in (home_page, archive):
        response = client.get(f"/admin/pages/{page.id}/edit/")
        assert response.status_code in (302, 403), page.title
    assert not profile.permissions_for_user(members["荣誉风采编辑"]).can_publish()


@pytest.mark.plugin("honors")
def test_a_new_section_gets_its_rights_when_it_is_created(home_page):
    """No migrate in between: the section's groups may work in it at once."""
    honour_roll = add_section(home_page, "honors.HonorIndexPage")
    grants = set(
        GroupPagePermission.objects.filter(page=honour_roll).values_list("group__name", "permission__codename")
    )
    assert grants == {
        ("荣誉风采编辑", "add_page"),
        ("荣誉风采编辑", "change_page"),
        ("宣传干事", "add_page"),
        ("宣传干事", "change_page"),
        ("初审员", "change_page"),
        ("终审员", "change_page"),
        ("终审员", "publish_page"),
    }
    # A page that is not a section gets nothing of its own: its section's rights cover it.
    profile = honour_roll.add_child(instance=Page(title="李卫国", slug="li-weiguo"))
    assert not GroupPagePermission.objects.filter(page=profile).exists()


@pytest.mark.plugin("education")
def test_migrate_grants_the_rights_on_the_sections_that_exist(home_page):
    education = add_section(home_page, "education.EducationIndexPage")
    GroupPagePermission.objects.filter(page=education).delete()

    sync_staff_groups()

    editors = GroupPagePermission.objects.filter(page=education, group__name="国防教育编辑")
    assert set(editors.values_list("permission__codename", flat=True)) == {"add_page", "change_page"}
    assert GroupPagePermission.objects.filter(page=education, group__name="终审员").count() == 2


def test_no_group_but_the_site_managers_holds_rights_at_the_root_or_on_the_home_page(home_page):
    sync_staff_groups()
    root = Page.get_first_root_node()
    at_root = set(GroupPagePermission.objects.filter(page=root).values_list("group__name", flat=True))
    assert at_root == {"站点管理员"}
    assert not GroupPagePermission.objects.filter(page=home_page).exists()


@pytest.mark.plugin("honors", "education")
def test_the_migration_moves_the_rights_held_at_the_root_to_the_sections(home_page):
    """A database from before: the roles and the plugins' editors held their rights at the root."""
    honour_roll = add_section(home_page, "honors.HonorIndexPage")
    education = add_section(home_page, "education.EducationIndexPage")
    root = Page.get_first_root_node()
    GroupPagePermission.objects.exclude(page=root).delete()
    archive_room = Group.objects.create(name="档案室")  # made by the bureau: left alone
    for name, codenames in [
        ("宣传干事", ("add", "change")),
        ("终审员", ("change", "publish")),
        ("荣誉风采编辑", ("add", "change")),
        ("档案室", ("change",)),
    ]:
        group = Group.objects.get(name=name)
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{codename}_page")
            GroupPagePermission.objects.create(group=group, page=root, permission=permission)

    section_migration.forwards(apps, SimpleNamespace(connection=SimpleNamespace(alias="default")))

    def grants(page):
        return set(GroupPagePermission.objects.filter(page=page).values_list("group__name", "permission__codename"))

    assert {name for name, _codename in grants(root)} == {"站点管理员", "档案室"}
    assert archive_room.page_permissions.get().page_id == root.id
    assert grants(honour_roll) == {
        ("宣传干事", "add_page"),
        ("宣传干事", "change_page"),
        ("终审员", "change_page"),
        ("终审员", "publish_page"),
        ("荣誉风采编辑", "add_page"),
        ("荣誉风采编辑", "change_page"),
    }
    assert {name for name, _codename in grants(education)} == {"宣传干事", "终审员"}


def admin_menu_urls(client):
    return client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    ("group", "sees"),
    [("站点管理员", True), ("宣传干事", False), ("初审员", False), ("终审员", False), ("留言审核员", False)],
)
def test_only_site_managers_see_the_plugin_page(client, home_page, members, group, sees):
    client.force_login(members[group])
    assert ("/admin/plugins/" in admin_menu_urls(client)) is sees
    response = client.get("/admin/plugins/")
    assert (response.status_code == 200) is sees


@pytest.mark.parametrize("group", ["荣誉风采编辑", "国防教育编辑"])
def test_the_plugins_own_editors_do_not_see_the_plugin_page(client, home_page, members, group):
    if group not in members:
        pytest.skip(f"{group}: plugin switched off")
    client.force_login(members[group])
    assert "/admin/plugins/" not in admin_menu_urls(client)
    assert client.get("/admin/plugins/").status_code != 200


def test_superusers_see_the_plugin_page(admin_client, home_page):
    assert "/admin/plugins/" in admin_menu_urls(admin_client)
    assert admin_client.get("/admin/plugins/").status_code == 200
