"""The shared protection on the shell's own public forms: the report form (举报) and the status
page (/track/). The correction form's tests are in tests/memorials/test_correction_protection.py."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from siteshell.moderation.models import Report
from tests.sampleplugin.moderation_fixtures import *  # noqa: F403  (fixtures)

pytestmark = pytest.mark.django_db


def honeypot_of(html):
    soup = BeautifulSoup(html, "html.parser")
    trap = soup.find("input", attrs={"name": "website"})
    assert trap is not None and trap["type"] == "text" and trap["tabindex"] == "-1"
    assert trap.find_parent(class_="publicforms-hp")["aria-hidden"] == "true"
    assert soup.find("link", href=re.compile(r"publicforms/publicforms\.css$"))
    return trap


@pytest.mark.plugin("sampleplugin")
class TestReportForm:
    @pytest.fixture
    def url(self, client, home_page, make_message, moderator):
        from siteshell.moderation import service

        message = make_message("永远怀念英雄")
        service.approve(message, moderator)
        html = client.get(reverse("sampleplugin:guestbook")).content.decode()
        article = html.split(f'id="message-{message.pk}"', 1)[1]
        return re.search(r'href="(/report/[^"]+)"', article).group(1)

    def test_the_honeypot_is_a_hidden_text_field_and_files_nothing(self, client, url):
        honeypot_of(client.get(url).content.decode())
        response = client.post(url, {"reason": "spam", "website": "http://spam.example"})
        assert response.status_code == 302 and not Report.objects.exists()

    def test_a_report_too_long_or_unreadable_is_explained_in_chinese(self, client, url):
        page = client.post(url, {"reason": "other", "text": "长" * 1001}).content.decode()
        assert "补充说明过长，请控制在1000字以内" in page
        page = client.post(url, {"reason": "other", "text": "内容\x00不实"}).content.decode()
        assert "含有无法识别的字符，请删除后再提交" in page
        assert not Report.objects.exists()

    def test_too_many_reports_keep_the_text_and_say_when(self, client, url, settings):
        settings.MODERATION_REPORT_RATE = "1/h"
        assert client.post(url, {"reason": "other", "text": "第一次"}).status_code == 302
        response = client.post(url, {"reason": "other", "text": "内容不实，请核查"})
        assert response.status_code == 429 and "Retry-After" in response
        page = response.content.decode()
        assert "提交过于频繁" in page and "分钟后再试" in page and "内容不实，请核查" in page


class TestStatusPage:
    URL = "/track/"

    def test_the_honeypot_is_not_one_of_the_fields_shown(self, client, home_page):
        html = client.get(self.URL).content.decode()
        trap = honeypot_of(html)
        rows = BeautifulSoup(html, "html.parser").find_all(class_="track-form__row")
        assert len(rows) == 2 and all(trap not in row.find_all("input") for row in rows)

    def test_a_filled_honeypot_gets_the_wrong_pair_answer(self, client, home_page):
        response = client.post(self.URL, {"code": "2345-6789-ACD", "factor": "1111", "website": "x"})
        assert response.status_code == 200 and "查询码或验证信息不正确" in response.content.decode()

    def test_a_captcha_after_three_wrong_pairs(self, client, home_page):
        from captcha.models import CaptchaStore

        assert "captcha_1" not in client.get(self.URL).content.decode()  # the visitor gets their cookie
        for _ in range(3):
            assert (
                "captcha_1" not in client.post(self.URL, {"code": "2345-6789-ACD", "factor": "1111"}).content.decode()
            )
        page = client.get(self.URL).content.decode()
        assert "captcha_1" in page and "验证码" in page
        response = client.post(self.URL, {"code": "2345-6789-ACD", "factor": "1111", "captcha_1": "0"})
        assert "请输入验证码" in response.content.decode() or "验证码不正确" in response.content.decode()
        key = BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "captcha_0"})["value"]
        right = CaptchaStore.objects.get(hashkey=key).response
        response = client.post(
            self.URL, {"code": "2345-6789-ACD", "factor": "1111", "captcha_0": key, "captcha_1": right}
        )
        assert "查询码或验证信息不正确" in response.content.decode()

    def test_limits_and_characters_in_chinese(self, client, home_page):
        page = client.post(self.URL, {"code": "K" * 41, "factor": "1\x001"}).content.decode()
        assert "查询码过长，请控制在40字以内" in page
        assert "含有无法识别的字符，请删除后再提交" in page

    def test_the_page_with_a_captcha_reads_in_english(self, client, home_page):
        from tests.utils import english_page_problems

        client.post(self.URL, {"code": "2345-6789-ACD", "factor": "1111", "website": "x"})  # CAPTCHA from now
        assert "captcha_1" in client.get(self.URL).content.decode()
        assert english_page_problems(client, self.URL) == []
