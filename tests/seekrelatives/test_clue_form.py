"""The public clue form: no account; which martyr (from the list, or one not listed), what the
sender knows, who they are, consent; Chinese messages for what is wrong; protected as every
public form is; the answer is a tracking code, shown once, never in an address."""

import pytest

from tests.seekrelatives.conftest import CLUE

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("seekrelatives")]


def test_the_form_offers_the_martyrs_sought_and_preselects_the_one_asked_for(client, campaign, sought):
    page = client.get(campaign.url + f"clue/?martyr={sought.pk}").content.decode()
    assert "您正在为" in page and "王德胜" in page
    assert f'<option value="{sought.pk}" selected>' in page
    assert "名单之外的烈士" in page and "我已阅读并同意《个人信息处理说明》" in page
    # A number that is no entry (or garbage) preselects nothing, and is no error.
    for value in ("999999", "abc", "99999999999999999999999"):
        response = client.get(campaign.url + f"clue/?martyr={value}")
        assert response.status_code == 200 and f'<option value="{sought.pk}" selected>' not in response.content.decode()


def test_a_clue_about_a_listed_martyr_is_stored_encrypted_with_consent(client, send_clue, sought, martyr):
    from django.db import connection

    from campaigns.seekrelatives.models import Clue

    response, code = send_clue(sought=sought.pk)
    assert code and code not in response.get("Location", "")
    clue = Clue.objects.get()
    assert clue.record == martyr and clue.martyr_name == ""
    assert (clue.mobile, clue.id_number) == ("13912345678", "110101195003070021")
    assert clue.consent is not None and clue.consent.key == "seekrelatives.clue"
    with connection.cursor() as cursor:
        cursor.execute("SELECT mobile, id_number, address FROM seekrelatives_clue")
        stored = " ".join(cursor.fetchone())
    for plain in ("13912345678", "110101195003070021", "幸福村"):
        assert plain not in stored


def test_a_clue_about_a_martyr_not_listed_names_him(client, send_clue, campaign):
    from campaigns.seekrelatives.models import Clue

    response, _code = send_clue(martyr_name="")
    assert response.status_code == 200
    assert "请从名单中选择烈士，或填写名单之外的烈士的姓名" in response.content.decode()
    _response, code = send_clue(martyr_name="郑长生")
    assert code and Clue.objects.get().case.martyr_name == "郑长生"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("mobile", "12345", "请输入11位手机号码"),
        ("id_number", "110101195003070022", "身份证号码不正确"),
        ("knowledge", "", "请写下您了解的情况"),
        ("relationship", "", "请选择您与烈士的关系"),
        ("consent", "", "请阅读《个人信息处理说明》并勾选同意"),
        ("knowledge", "线索\x00内容", "含有无法识别的字符"),
    ],
)
def test_what_is_wrong_is_said_in_chinese_and_nothing_is_stored(send_clue, sought, field, value, message):
    from campaigns.seekrelatives.models import Clue

    response, code = send_clue(sought=sought.pk, **{field: value})
    assert response.status_code == 200 and code is None
    assert message in response.content.decode()
    assert not Clue.objects.exists()


def test_a_filled_honeypot_gets_the_same_answer_and_nothing_is_stored(send_clue, sought):
    from campaigns.seekrelatives.models import Clue

    response, code = send_clue(sought=sought.pk, website="http://spam.example")
    assert response.status_code == 200 and code
    assert not Clue.objects.exists()


def test_a_flood_from_one_visitor_is_stopped(client, campaign, sought, settings):
    settings.PUBLIC_FORM_RATES = {"seekrelatives.clue": {"visitor": "2/10m", "captcha_visitor": "100/h"}}
    url = campaign.url + "clue/"
    client.get(url)
    data = {**CLUE, "sought": sought.pk}
    assert [client.post(url, data).status_code for _ in range(2)] == [200, 200]
    response = client.post(url, data)
    assert response.status_code == 429 and "提交过于频繁" in response.content.decode()


def test_the_sender_gets_the_code_by_sms_in_their_language(client, send_clue, sought, sms_outbox):
    from siteshell.notifications.models import Notification

    client.cookies["django_language"] = "en"
    _response, code = send_clue(sought=sought.pk)
    (message,) = sms_outbox
    assert code in message.text and message.phone == "13912345678"
    assert set(Notification.objects.values_list("language", flat=True)) == {"en"}
