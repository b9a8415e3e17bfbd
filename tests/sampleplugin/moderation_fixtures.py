"""Fixtures for the moderation tests: staff with the ``review.*`` permissions, the sample
plugin's two kinds (留言, short and bulk; 书信, long and one at a time) and sensitive words.

Test modules import what they use from here; the models are imported inside the fixtures, so a
module stays collectable with the sample plugin switched off.
"""

from __future__ import annotations

import itertools

import pytest

#: The ``review.*`` permissions the moderation service checks (siteshell.review.StaffPermission).
PERMISSIONS = ("moderate_submissions", "view_removed_submissions", "export_audit", "view_personal_data")

_numbers = itertools.count(1)

__all__ = ["editor", "make_letter", "make_message", "moderator", "sensitive_word", "site_manager"]


def permission(codename):
    """The ``review.<codename>`` permission, which siteshell.review's migration creates."""
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="review", codename=codename)


def staff_user(username, *codenames):
    """A staff member who may use the admin, with the given ``review.*`` permissions."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user(username, f"{username}@example.gov.cn", "correct-horse-battery")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(permission(codename))
    return get_user_model().objects.get(pk=user.pk)  # no cached permissions


@pytest.fixture
def moderator(db):
    return staff_user("moderator", "moderate_submissions")


@pytest.fixture
def site_manager(db):
    """站点管理员: every moderation permission."""
    return staff_user("manager", *PERMISSIONS)


@pytest.fixture
def editor(db):
    """Staff without the moderation permission."""
    return staff_user("editor")


@pytest.fixture
def make_message(db):
    def _make(text="缅怀先烈，致敬英雄。", name=None, **fields):
        from tests.sampleplugin.models import GuestbookMessage

        return GuestbookMessage.objects.create(name=name or f"访客{next(_numbers)}", text=text, **fields)

    return _make


@pytest.fixture
def make_letter(db):
    def _make(title=None, body="敬爱的烈士：\n" + "我们会永远记住您。" * 40, **fields):
        from tests.sampleplugin.models import Letter

        return Letter.objects.create(title=title or f"致烈士的信{next(_numbers)}", body=body, **fields)

    return _make


@pytest.fixture
def sensitive_word(db):
    """``sensitive_word("某词", "insult")`` adds a word to the screening list."""

    def _add(word, category):
        from siteshell.screening import invalidate
        from siteshell.screening.models import SensitiveWord

        created = SensitiveWord.objects.create(word=word, category=category)
        invalidate()
        return created

    yield _add
    from siteshell.screening import invalidate

    invalidate()
