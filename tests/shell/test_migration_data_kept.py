"""After a transactional test (which empties every table) what the migrations made is back: the
staff groups with their rights, the review workflow. (pytest-django runs the transactional test
first, then the test without a database marker; tests/migration_data.py restores between.)"""

import pytest


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_writes_and_leaves(django_user_model):
    django_user_model.objects.create_user("passer-by", "p@example.gov.cn", "correct-horse-battery")


def test_the_groups_rights_and_the_workflow_are_back_after_it(django_db_blocker):
    from django.contrib.auth.models import Group, User
    from wagtail.models import Workflow

    with django_db_blocker.unblock():
        managers = Group.objects.get(name="站点管理员")
        assert managers.permissions.filter(content_type__app_label="accounts", codename="unlock_logins").exists()
        assert managers.permissions.filter(content_type__app_label="review", codename="export_audit").exists()
        assert Workflow.objects.filter(name="内容审核", active=True).exists()
        assert not User.objects.filter(username="passer-by").exists()
