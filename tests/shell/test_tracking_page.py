"""The public status page (/track/): asks for the code and the factor, looks up by POST only,
answers every wrong pair alike, is rate limited and never cached, and reads well in English."""

from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from siteshell.notifications.tracking import TrackingStatus, issue_tracking_code
from tests.utils import english_page_problems

pytestmark = pytest.mark.django_db

URL = "/track/"
WRONG = "查询码或验证信息不正确"


@pytest.fixture
def submission(monkeypatch, home_page):
    """A trackable object (auth's Group, made trackable here: the shell's tests use no plugin)."""
    when = timezone.make_aware(datetime(2025, 4, 3, 9, 30))
    status = TrackingStatus(
        title="代为祭扫申请",
        status_label="已安排",
        updated_at=when,
        events=[(when, "已收到您的申请"), (when, "已安排工作人员")],
        next_step="清明节当天代为献花",
    )
    monkeypatch.setattr(Group, "tracking_status", lambda self: status, raising=False)
    group = Group.objects.create(name="张三的申请")
    return group, issue_tracking_code(group, "8000")


def lookup(client, code, factor, **extra):
    return client.post(URL, {"code": code, "factor": factor}, **extra)


def test_the_url_is_in_the_shells_namespace():
    assert reverse("notifications:track") == URL


def test_the_form_asks_for_the_code_and_the_last_four_digits(client, home_page):
    response = client.get(URL)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "zh-hans" and soup.h1.get_text() == "查询办理进度"
    form = soup.find("form", class_="track-form")
    assert form["method"] == "post"
    code, factor = form.find("input", attrs={"name": "code"}), form.find("input", attrs={"name": "factor"})
    assert soup.find("label", attrs={"for": code["id"]}).get_text() == "查询码"
    assert soup.find("label", attrs={"for": factor["id"]}).get_text() == "手机号后四位"
    assert code["autocomplete"] == factor["autocomplete"] == "off"
    assert factor["inputmode"] == "numeric"
    assert "_helptext" in factor["aria-describedby"]


def test_the_page_is_never_cached(client, submission):
    for response in (client.get(URL), lookup(client, submission[1], "8000"), lookup(client, "x", "1")):
        assert set(response["Cache-Control"].replace(" ", "").split(",")) == {"private", "no-store"}


def test_the_right_pair_shows_the_status_and_nothing_personal(client, submission):
    group, code = submission
    response = lookup(client, code, "8000")
    page = response.content.decode()
    assert response.status_code == 200
    for text in ("代为祭扫申请", "已安排", "已安排工作人员", "清明节当天代为献花", "2025-04-03 09:30"):
        assert text in page
    assert group.name not in page
    # The form is shown empty again: neither the code nor the factor is repeated.
    assert code not in page and 'value="8000"' not in page


def test_a_code_in_the_address_looks_nothing_up(client, submission):
    response = client.get(URL, {"code": submission[1], "factor": "8000"})
    assert "代为祭扫申请" not in response.content.decode()


@pytest.mark.parametrize("kind", ["wrong factor", "unknown code", "malformed code"])
def test_every_wrong_pair_gets_the_same_answer(client, submission, kind):
    code = submission[1]
    typed = {
        "wrong factor": (code, "0008"),
        "unknown code": ("2345-6789-ACD", "8000"),
        "malformed code": ("hello", "8000"),
    }[kind]
    response = lookup(client, *typed)
    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert soup.find(role="alert").get_text(strip=True) == "查询码或验证信息不正确，请核对后重新输入。"
    assert "代为祭扫申请" not in response.content.decode()


def test_empty_fields_are_asked_for_in_chinese(client, home_page):
    page = lookup(client, "", "").content.decode()
    assert "请输入查询码" in page and "请输入手机号后四位" in page


def test_too_many_lookups_from_one_address_get_a_clear_429(client, submission, settings):
    settings.NOTIFICATIONS_TRACK_RATE = "3/10m"
    for _ in range(3):
        assert lookup(client, "2345-6789-ACD", "1111").status_code == 200
    response = lookup(client, submission[1], "8000")  # even the right pair waits now
    assert response.status_code == 429
    page = response.content.decode()
    assert "查询次数过多" in page and "分钟后再试" in page and "代为祭扫申请" not in page
    assert 0 < int(response["Retry-After"]) <= 600
    assert "no-store" in response["Cache-Control"]
    # Another address is not affected.
    assert lookup(client, submission[1], "8000", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_the_default_limit_is_ten_lookups(client, home_page):
    statuses = [lookup(client, "2345-6789-ACD", "1111").status_code for _ in range(11)]
    assert statuses == [200] * 10 + [429]


def test_too_many_wrong_pairs_for_one_code_stop_it_from_any_address(client, submission, settings):
    settings.NOTIFICATIONS_TRACK_CODE_RATE = "2/h"
    code = submission[1]
    for number in range(2):
        assert lookup(client, code, "1111", REMOTE_ADDR=f"10.0.1.{number}").status_code == 200
    assert lookup(client, code, "8000", REMOTE_ADDR="10.0.1.9").status_code == 429
    # Other codes are not affected.
    assert lookup(client, "2345-6789-ACD", "1111", REMOTE_ADDR="10.0.1.9").status_code == 200


def test_another_kind_of_factor_is_asked_for_by_name(client, home_page):
    from siteshell.notifications.factors import FactorKind, register_factor_kind
    from siteshell.notifications.urls import tracking_page_url

    register_factor_kind(FactorKind("booking_date", "预约日期", "如 0405", inputmode="numeric", pattern=r"\d{4}"))
    url = tracking_page_url("booking_date")
    assert url == "/track/?factor=booking_date"
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.find("label", attrs={"for": "id_factor"}).get_text() == "预约日期"


def test_the_page_reads_in_english(client, submission):
    assert english_page_problems(client, URL) == []
    client.cookies["django_language"] = "en"
    response = lookup(client, "2345-6789-ACD", "1111")
    page = response.content.decode()
    assert "Tracking code" in page and "incorrect" in page
    from tests.utils import cjk_outside_user_content

    assert cjk_outside_user_content(page) == []


def test_the_limited_page_reads_in_english(client, home_page, settings):
    from tests.utils import cjk_outside_user_content

    settings.NOTIFICATIONS_TRACK_RATE = "1/m"
    client.cookies["django_language"] = "en"
    lookup(client, "2345-6789-ACD", "1111")
    response = lookup(client, "2345-6789-ACD", "1111")
    assert response.status_code == 429
    assert cjk_outside_user_content(response.content.decode()) == []
