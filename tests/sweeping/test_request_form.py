"""The public request form: the martyr picked from the archive by name (the search service) or
typed, the requester's identity checked and kept encrypted, the services and dates, the consent;
protected as every public form is."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from .conftest import valid_id

pytestmark = pytest.mark.django_db


def errors(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [p.get_text(strip=True) for p in soup.select(".form-error")]


def test_a_family_finds_the_martyr_by_name_and_picks_him(client, record):
    page = client.get("/sweeping/", {"q": "黄继光"}).content.decode()
    assert f'href="?record={record.pk}"' in page and "四川省中江县" in page
    picked = client.get("/sweeping/", {"record": record.pk}).content.decode()
    assert "黄继光" in picked and "A区3排12号" in picked and f'name="record" value="{record.pk}"' in picked
    # The martyr's fields are not asked again.
    assert 'name="martyr_name"' not in picked


def test_a_name_the_archive_does_not_have_asks_for_it_to_be_typed(client, archive):
    page = client.get("/sweeping/", {"q": "无此人名"}).content.decode()
    assert "英名录中没有找到" in page and 'name="martyr_name"' in page


def test_a_request_for_a_martyr_typed_by_hand(submit, form_data, cemetery):
    from memorials.sweeping.models import SweepingRequest

    data = {**form_data, "martyr_name": "李  大山", "facility": str(cemetery.pk), "grave": "B区2排5号"}
    response, code = submit(data)
    assert response.status_code == 200 and code
    stored = SweepingRequest.objects.get()
    assert stored.record is None and stored.martyr_name == "李 大山" and stored.facility == cemetery
    assert stored.grave == "B区2排5号"


def test_a_typed_martyr_needs_a_facility_or_a_burial_place(submit, form_data, archive):
    response, code = submit({**form_data, "martyr_name": "李大山"})
    assert code is None and "请选择纪念设施，或填写烈士安葬的地点" in errors(response)
    response, code = submit({**form_data, "martyr_name": "李大山", "burial_place": "某县烈士陵园"})
    assert code is not None


def test_what_the_family_gives_is_kept_encrypted_and_shown_masked(submitted):
    from django.db import connection

    sweeping_request, _code = submitted
    assert sweeping_request.phone == "13900138000" and sweeping_request.id_number == valid_id()
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, id_number, email FROM sweeping_sweepingrequest")
        row = cursor.fetchone()
    assert "13900138000" not in row[0] and valid_id() not in row[1] and "hjg@" not in row[2]
    from siteshell.privacy.masking import mask

    assert mask(sweeping_request.id_number, "id_number") == "1101**********" + valid_id()[-4:]
    assert mask(sweeping_request.phone, "mobile") == "139****8000"
    assert sweeping_request.consent.key == "sweeping.request"
    assert sweeping_request.language == "zh-hans" and sweeping_request.requester_initials == "黄某"


@pytest.mark.parametrize(
    ("id_number", "message"),
    [
        ("11010119600101001", "身份证号码应为18位"),
        ("11010119600101001A", "最后一位为数字或X"),
        (valid_id()[:-1] + ("1" if valid_id()[-1] != "1" else "2"), "校验位不正确"),
        ("110101196013010016", "出生日期或地区码不正确"),  # month 13 (check digit fits)
        ("990101196001010010", "出生日期或地区码不正确"),  # no such region
    ],
)
def test_a_wrong_id_number_gets_a_message_that_says_what_is_wrong(submit, form_data, record, id_number, message):
    from stdnum.cn import ric

    if message.startswith("出生"):  # give these a right check digit so the date/region is judged
        id_number = id_number[:17] + ric.calc_check_digit(id_number[:17] + "0")
    response, code = submit({**form_data, "id_number": id_number}, record=record)
    assert code is None and response.status_code == 200
    assert any(message in error for error in errors(response)), errors(response)


def test_an_id_number_is_taken_with_spaces_full_width_digits_and_a_small_x(submit, form_data, record):
    from memorials.sweeping.models import SweepingRequest

    number = "11010119650101051X"
    typed = "１１０１０１ 1965 0101 051x"
    response, code = submit({**form_data, "id_number": typed}, record=record)
    assert code, errors(response)
    assert SweepingRequest.objects.get().id_number == number


def test_a_mobile_number_is_required_for_the_progress_messages(submit, form_data, record):
    response, code = submit({**form_data, "phone": "010-12345678"}, record=record)
    assert code is None and "请填写11位手机号码，用于接收办理进度短信" in errors(response)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (-1, 3, "希望日期不能早于今天"),
        (5, 2, "结束日期不能早于开始日期"),
        (1, 40, "日期范围最长31天"),
        (200, 201, "只能申请180天以内的日期"),
    ],
)
def test_the_date_window_must_make_sense(submit, form_data, record, start, end, message):
    today = timezone.localdate()
    data = {
        **form_data,
        "preferred_from": (today + datetime.timedelta(days=start)).isoformat(),
        "preferred_until": (today + datetime.timedelta(days=end)).isoformat(),
    }
    response, code = submit(data, record=record)
    assert code is None and message in errors(response)


def test_a_message_to_read_is_needed_when_reading_one_is_asked_for(submit, form_data, record):
    response, code = submit({**form_data, "message": ""}, record=record)
    assert code is None and "选择了“宣读寄语”，请填写寄语内容" in errors(response)


def test_a_message_without_reading_it_is_not_kept(submit, form_data, record):
    from memorials.sweeping.models import SweepingRequest

    _response, code = submit({**form_data, "services": ["wipe", "flowers"]}, record=record)
    assert code and SweepingRequest.objects.get().message == ""


def test_without_consent_nothing_is_sent(submit, form_data, record):
    from memorials.sweeping.models import SweepingRequest

    data = dict(form_data)
    del data["consent"]
    response, code = submit(data, record=record)
    assert code is None and SweepingRequest.objects.count() == 0
    assert "请阅读《个人信息处理说明》并勾选同意" in " ".join(errors(response))


def test_the_message_is_screened_and_waits_in_the_inbox(submit, form_data, record):
    from memorials.sweeping.models import SweepingRequest
    from siteshell.moderation.registry import kind_for_model

    submit(form_data, record=record)
    stored = SweepingRequest.objects.get()
    assert stored.is_pending and kind_for_model(SweepingRequest) is not None
    assert "爷爷，我们来看您了。" in stored.moderation_text()
    assert all("139" not in str(value) for _label, value in stored.moderation_details())


def test_a_bot_that_fills_the_honeypot_gets_a_code_that_opens_nothing(submit, form_data, record):
    from django.test import Client

    from memorials.sweeping.models import SweepingRequest

    response, code = submit({**form_data, "website": "http://spam.example"}, record=record)
    assert response.status_code == 200 and code and SweepingRequest.objects.count() == 0
    # (someone else looks the code up: the bot's own browser is asked for a CAPTCHA from now on)
    looked_up = Client(REMOTE_ADDR="10.1.1.1").post("/sweeping/status/", {"code": code, "factor": "8000"})
    assert "查询码或验证信息不正确" in looked_up.content.decode()


def test_a_flood_of_requests_is_stopped_and_keeps_what_was_typed(submit, form_data, record, settings):
    settings.PUBLIC_FORM_RATES = {"default": {"captcha_visitor": "100/h", "captcha_address": "100/h"}}
    statuses = [submit(form_data, record=record)[0].status_code for _ in range(6)]
    assert statuses == [200] * 6
    response, code = submit({**form_data, "message": "第七次提交的寄语"}, record=record)
    assert response.status_code == 429 and code is None and "第七次提交的寄语" in response.content.decode()


def test_the_confirmation_and_the_form_are_never_cached(client, submit, form_data, record):
    response, _code = submit(form_data, record=record)
    assert "no-store" in response["Cache-Control"]
    assert "no-store" in client.get("/sweeping/")["Cache-Control"]


@pytest.mark.parametrize(
    "params",
    [{"record": "abc"}, {"record": "99999999999999999999"}, {"facility": "x"}, {"q": "黄" * 500}, {"q": "\x00"}],
)
def test_odd_addresses_show_the_form_not_an_error(client, archive, params):
    assert client.get("/sweeping/", params).status_code == 200
