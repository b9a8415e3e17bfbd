"""Demo accounts: one per staff role, to try the two-step review (``manage.py load_demo``)."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext as _

from siteshell.groups import group_name
from siteshell.review import roles

#: username -> role
DEMO_ACCOUNTS = {
    "xuanchuan": roles.WRITERS,
    "chushen": roles.FIRST_REVIEWERS,
    "zhongshen": roles.FINAL_APPROVERS,
    "liuyan": roles.SUBMISSION_MODERATORS,
    "guanli": roles.SITE_MANAGERS,
}


def ensure_role_accounts(password=""):
    """Create (or reset) the demo accounts in their groups; returns the line to print."""
    password = password or secrets.token_urlsafe(12)
    User = get_user_model()
    for username, role in DEMO_ACCOUNTS.items():
        user, _created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.gov.cn"})
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.add(*Group.objects.filter(name=group_name(role)))
    accounts = "、".join(f"{username}（{role}）" for username, role in DEMO_ACCOUNTS.items())
    return _("各角色演示账号: %(accounts)s  密码: %(password)s") % {"accounts": accounts, "password": password}
