"""Idle timeout of staff sessions; password rules (等保 2.0)."""

import time

import pytest
from django.contrib.auth.password_validation import password_validators_help_texts, validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings

from siteshell.accounts.middleware import LAST_ACTIVITY_KEY
from siteshell.accounts.models import LoginEvent
from siteshell.accounts.passwords import CharacterClassesValidator, character_classes
from tests.shell.accounts_helpers import make_staff, sign_in

pytestmark = pytest.mark.django_db


def age_session(client, seconds):
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - seconds
    session.save()


@override_settings(ACCOUNTS_IDLE_TIMEOUT_MINUTES=30)
def test_an_idle_staff_session_is_signed_out_with_a_chinese_message(client, django_user_model, home_page):
    make_staff(django_user_model)
    sign_in(client, "writer")
    assert client.get("/admin/").status_code == 200
    age_session(client, 29 * 60)
    assert client.get("/admin/").status_code == 200  # activity moves the clock on

    age_session(client, 31 * 60)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[0][0] == "/admin/login/?next=%2Fadmin%2F"
    assert "长时间未操作，已自动退出，请重新登录" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert LoginEvent.objects.filter(result="timeout", username="writer").exists()


@override_settings(ACCOUNTS_IDLE_TIMEOUT_MINUTES=5)
def test_the_timeout_follows_the_setting_and_also_ends_the_session_on_public_pages(
    client, django_user_model, home_page
):
    make_staff(django_user_model)
    sign_in(client, "writer")
    client.get("/admin/")
    age_session(client, 6 * 60)
    assert client.get("/").status_code == 200  # the public page, now as a visitor
    assert "_auth_user_id" not in client.session


def test_public_visitors_are_unaffected(client, home_page):
    assert client.get("/").status_code == 200
    assert LAST_ACTIVITY_KEY not in client.session


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("Abcdefghijkl", False),  # two classes
        ("abcdefgh1234", False),
        ("Abcdefgh1234", True),
        ("abcdefgh12#$", True),
        ("老兵之家abcd1234", True),  # Chinese characters count as symbols
        ("Ab1#", False),  # too short
    ],
)
def test_password_rules(password, ok):
    if ok:
        validate_password(password)
    else:
        with pytest.raises(ValidationError):
            validate_password(password)


def test_password_messages_are_chinese():
    with pytest.raises(ValidationError) as raised:
        validate_password("abcdefghijkl")
    assert "至少包含大写字母、小写字母、数字、符号中的 3 类" in " ".join(raised.value.messages)
    assert any("3 类" in text for text in password_validators_help_texts())
    assert character_classes("aA1 ") == {"lower", "upper", "digit", "symbol"}
    assert CharacterClassesValidator(min_classes=9).min_classes == 4
