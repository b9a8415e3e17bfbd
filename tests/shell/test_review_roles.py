"""The roles: Wagtail's stock groups replaced, plugins adding to a role, demo accounts."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from wagtail.models import WorkflowContentType

from siteshell.groups import sync_staff_groups
from siteshell.review.demo import ensure_role_accounts
from siteshell.review.workflow import assign_workflow_to_snippets

pytestmark = pytest.mark.django_db

roles_migration = importlib.import_module("siteshell.review.migrations.0002_roles_and_workflow")


def test_members_of_wagtails_stock_groups_move_to_the_roles(django_user_model):
    editor = django_user_model.objects.create_user("editor", "e@example.gov.cn", "pw")
    moderator = django_user_model.objects.create_user("moderator", "m@example.gov.cn", "pw")
    editor.groups.add(Group.objects.create(name="Editors"))
    moderator.groups.add(Group.objects.create(name="Moderators"))
    roles = {group.name: group for group in Group.objects.filter(name__in=["宣传干事", "初审员", "终审员"])}

    roles_migration.replace_stock_groups(apps, "default", roles)

    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert [group.name for group in editor.groups.all()] == ["宣传干事"]
    assert sorted(group.name for group in moderator.groups.all()) == ["初审员", "终审员"]


def test_a_plugin_naming_a_role_adds_its_permissions_to_it():
    sync_staff_groups()
    writers = Group.objects.get(name="宣传干事")
    codenames = set(writers.permissions.values_list("content_type__app_label", "codename"))
    assert ("wagtailadmin", "access_admin") in codenames
    if apps.is_installed("memorials"):
        assert ("memorials", "add_martyrrecord") in codenames
        assert ("memorials", "publish_martyrrecord") not in codenames
    assert Group.objects.filter(name="宣传干事").count() == 1


def test_every_snippet_with_a_workflow_gets_the_default_one_after_migrate():
    from wagtail.snippets.models import get_workflow_enabled_models

    WorkflowContentType.objects.all().delete()
    assigned = assign_workflow_to_snippets()
    assert set(assigned) == set(get_workflow_enabled_models())
    assert all(model.get_default_workflow().name == "内容审核" for model in assigned)
    assert assign_workflow_to_snippets() == []  # kept, never doubled


def test_the_demo_makes_one_account_per_role():
    line = ensure_role_accounts(password="demo-password-1")
    assert "demo-password-1" in line
    for username, role in [("xuanchuan", "宣传干事"), ("chushen", "初审员"), ("guanli", "站点管理员")]:
        user = authenticate(username=username, password="demo-password-1")
        assert user is not None and [group.name for group in user.groups.all()] == [role]
