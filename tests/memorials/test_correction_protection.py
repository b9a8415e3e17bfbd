"""The public correction form (纠错) under the shared protection (siteshell.publicforms): rate
limits per visitor and per address, the honeypot, a CAPTCHA after a threshold, field limits and
unreadable characters, and a valid correction stored before anything else can fail."""

import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

VALID = {"field": "unit", "proposed_value": "第15军第45师", "evidence": "部队史料"}


@pytest.fixture(autouse=True)
def one_rate_window(monkeypatch):
    """django-ratelimit counts in fixed windows; a slow test must not cross into the next."""
    import time

    start = int(time.time())
    monkeypatch.setattr("django_ratelimit.core._get_window", lambda value, period: start + period)


@pytest.fixture
def url(archive, make_record):
    record = make_record(name="黄继光", unit="第15军")
    return f"{archive.url}{record.pk}/correction/"


def stored():
    from memorials.models import MartyrCorrection

    return MartyrCorrection.objects.count()


def captcha_answer(html):
    """The answer of the CAPTCHA the page shows, read from simple-captcha's store."""
    from captcha.models import CaptchaStore

    key = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "captcha_0"})["value"]
    return key, CaptchaStore.objects.get(hashkey=key).response


def test_a_flood_from_one_visitor_is_stopped_and_the_text_is_kept(client, url, settings):
    settings.PUBLIC_FORM_RATES = {"default": {"captcha_visitor": "100/h", "captcha_address": "100/h"}}
    client.get(url)  # the form is shown first: the visitor has their cookie
    statuses = [client.post(url, VALID).status_code for _ in range(6)]
    assert statuses == [302] * 6 and stored() == 6
    text = "第15军第45师第135团（刚才提交的内容）"
    response = client.post(url, {**VALID, "proposed_value": text})
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    page = response.content.decode()
    assert "提交过于频繁" in page and "分钟后再试" in page
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("textarea", attrs={"name": "proposed_value"}).get_text().strip() == text
    assert soup.find("textarea", attrs={"name": "evidence"}).get_text().strip() == "部队史料"
    assert stored() == 6
    # Someone else, elsewhere, is not affected.
    from django.test import Client

    assert Client().post(url, VALID, REMOTE_ADDR="10.9.9.9").status_code == 302


def test_fifty_posts_in_a_row_store_at_most_three_without_a_captcha(client, url):
    client.get(url)
    responses = [client.post(url, VALID) for _ in range(50)]
    assert stored() == 3
    assert [response.status_code for response in responses] == [302] * 3 + [200] * 3 + [429] * 44
    # Posts 4 to 6 were asked for the CAPTCHA (in Chinese) and not stored.
    assert all("请输入验证码" in response.content.decode() for response in responses[3:6])


def test_a_family_behind_one_address_is_not_blocked(client, url):
    from django.test import Client

    for _ in range(3):  # three relatives, three browsers, one home address
        assert Client().post(url, VALID).status_code == 302
    assert stored() == 3


def test_the_address_limit_holds_against_new_cookies(url, settings):
    from django.test import Client

    settings.PUBLIC_FORM_RATES = {
        "memorials.correction": {"address": "4/h", "captcha_visitor": None, "captcha_address": None}
    }
    statuses = [Client().post(url, VALID).status_code for _ in range(5)]
    assert statuses == [302] * 4 + [429]


def test_the_captcha_appears_after_the_threshold_and_is_checked(client, url):
    first = client.get(url).content.decode()
    assert "captcha_1" not in first
    for _ in range(3):
        assert client.post(url, VALID).status_code == 302
    page = client.get(url).content.decode()
    soup = BeautifulSoup(page, "html.parser")
    answer = soup.find("input", attrs={"name": "captcha_1"})
    assert answer is not None and soup.find("label", attrs={"for": answer["id"]}) is not None
    assert soup.find("img", class_="publicforms-captcha__image")["alt"].startswith("验证码图片")
    assert "换一张" in page
    key, right = captcha_answer(page)
    wrong = client.post(url, {**VALID, "captcha_0": key, "captcha_1": str(int(right) + 1)})
    assert wrong.status_code == 200 and "验证码不正确，请重新输入" in wrong.content.decode()
    assert stored() == 3
    key, right = captcha_answer(wrong.content.decode())  # a new picture with the error
    assert client.post(url, {**VALID, "captcha_0": key, "captcha_1": right}).status_code == 302
    assert stored() == 4


def test_the_captcha_offers_the_bureaus_phone_and_no_inline_script(client, url, home_page):
    from siteshell.models import BureauSettings

    bureau = BureauSettings.for_site(home_page.get_site())
    bureau.phone = "0311-12345678"
    bureau.save()
    client.post(url, {**VALID, "website": "http://spam.example"})  # a honeypot hit: CAPTCHA next
    page = client.get(url).content.decode()
    assert "0311-12345678" in page and "captcha_1" in page
    soup = BeautifulSoup(page, "html.parser")
    form = soup.find("form", method="post")
    assert not form.find("script", src=False)
    assert not form.find(attrs={"style": True})
    assert not [tag for tag in form.find_all(True) if any(name.startswith("on") for name in tag.attrs)]
    assert form.find("script", src=re.compile(r"publicforms/captcha\.js$"))


def test_the_honeypot_is_a_visually_hidden_text_field(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    trap = soup.find("input", attrs={"name": "website"})
    assert trap["type"] == "text" and trap["tabindex"] == "-1" and trap["autocomplete"] == "off"
    box = trap.find_parent(class_="publicforms-hp")
    assert box is not None and box["aria-hidden"] == "true" and "style" not in trap.attrs
    assert "不要填写" in soup.find("label", attrs={"for": trap["id"]}).get_text()
    assert soup.find("link", href=re.compile(r"publicforms/publicforms\.css$"))
    from django.contrib.staticfiles import finders

    assert ".publicforms-hp" in open(finders.find("publicforms/publicforms.css"), encoding="utf-8").read()


def test_a_filled_honeypot_is_thanked_but_not_stored(client, url, caplog):
    caplog.set_level("INFO", logger="siteshell.publicforms")
    response = client.post(url, {**VALID, "website": "http://spam.example"}, REMOTE_ADDR="10.7.7.7")
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    assert stored() == 0
    assert any("honeypot" in record.getMessage() for record in caplog.records)
    assert all("10.7.7.7" not in record.getMessage() for record in caplog.records)


def test_a_post_faster_than_a_person_is_taken_but_asks_for_a_captcha_next(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    started = soup.find("input", attrs={"name": "publicforms_started"})["value"]
    assert client.post(url, {**VALID, "publicforms_started": started}).status_code == 302
    assert stored() == 1
    assert "captcha_1" in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("field", "limit", "message"),
    [
        ("evidence", 2000, "依据或说明过长，请控制在2000字以内"),
        ("proposed_value", 5000, "建议更正的内容过长，请控制在5000字以内"),
        ("submitter_name", 50, "您的称呼过长，请控制在50字以内"),
        ("submitter_contact", 100, "联系电话或邮箱过长，请控制在100字以内"),
    ],
)
def test_every_field_has_a_limit_with_a_chinese_message(client, url, field, limit, message):
    response = client.post(url, {**VALID, field: "长" * (limit + 1)})
    assert response.status_code == 200 and message in response.content.decode()
    assert stored() == 0
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.find(attrs={"name": field})["maxlength"] == str(limit)


def test_a_body_too_large_is_refused_with_a_notice(client, url):
    response = client.post(url, {**VALID, "evidence": "长" * 60_000})
    assert response.status_code == 413
    assert "提交的内容过多" in response.content.decode()
    assert stored() == 0


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b[31m", "\x85", "\ufffd", "\ufffe"])
def test_unreadable_characters_get_a_correct_chinese_message(client, url, bad):
    response = client.post(url, {**VALID, "evidence": f"史{bad}料"})
    page = response.content.decode()
    assert response.status_code == 200 and "含有无法识别的字符，请删除后再提交" in page
    assert "Null characters" not in page and "空字符" not in page
    assert stored() == 0


def test_lone_surrogates_are_unreadable_too():
    # A form-encoded body cannot carry one (invalid UTF-8 arrives as U+FFFD); JSON can.
    from django.core.exceptions import ValidationError

    from siteshell.publicforms.text import ReadableText

    with pytest.raises(ValidationError) as error:
        ReadableText()("史料\ud800")
    assert error.value.messages == ["含有无法识别的字符，请删除后再提交"]
    ReadableText()("第一行\n第二行 😀 ا")


def test_invalid_utf8_gets_the_same_message(client, url):
    body = "field=unit&proposed_value=%E7%AC%AC15%E5%86%9B&evidence=%FF%FE%ED%A0%80"
    response = client.post(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200 and "含有无法识别的字符" in response.content.decode()
    assert stored() == 0


def test_line_breaks_and_tabs_are_fine(client, url):
    assert client.post(url, {**VALID, "evidence": "第一行\r\n第二行\t注"}).status_code == 302
    assert stored() == 1


def test_the_correction_is_stored_even_when_a_later_step_fails(client, url, monkeypatch):
    from siteshell.publicforms.protection import Guard

    def broken(self, *args):
        raise RuntimeError("the cache is down")

    monkeypatch.setattr(Guard, "record_submission", broken)
    response = client.post(url, VALID)
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    assert stored() == 1
    assert "已收到您的纠错意见" in client.get(response["Location"]).content.decode()


def test_the_form_page_sets_a_visitor_cookie_and_no_session(client, url):
    response = client.get(url)
    assert "publicforms_visitor" in response.cookies
    assert response.cookies["publicforms_visitor"]["httponly"]
    assert "sessionid" not in response.cookies
