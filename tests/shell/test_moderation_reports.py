"""Reports (举报): the link on the sample plugin's guestbook, the public form, hiding after N
distinct reporters, rate limits, and the moderator's decision."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from siteshell.moderation import service
from siteshell.moderation.models import ModerationStatus, Report
from tests.sampleplugin.moderation_fixtures import *  # noqa: F403  (fixtures)

pytestmark = [pytest.mark.plugin("sampleplugin"), pytest.mark.django_db]


@pytest.fixture
def published(make_message, moderator):
    message = make_message("永远怀念英雄")
    service.approve(message, moderator)
    return message


def report_url_on_guestbook(client, message):
    html = client.get(reverse("sampleplugin:guestbook")).content.decode()
    article = html.split(f'id="message-{message.pk}"', 1)[1]
    return re.search(r'href="(/report/[^"]+)"', article).group(1)


def send(client, url, ip, reason="insult", text=""):
    return client.post(url, {"reason": reason, "text": text}, REMOTE_ADDR=ip)


def test_the_guestbook_shows_a_report_link_leading_to_the_form(client, home_page, published):
    url = report_url_on_guestbook(client, published)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "举报不当内容" in html and published.moderation_title() in html
    assert "侮辱英烈/歪曲历史" in html and "<legend>" in html


def test_reports_from_distinct_reporters_hide_the_message_at_the_threshold(client, home_page, published):
    from wagtail.models import ModelLogEntry

    url = report_url_on_guestbook(client, published)
    assert send(client, url, "10.0.0.1")["Location"] == reverse("moderation:report_thanks")
    send(client, url, "10.0.0.1", reason="spam")  # the same reporter again: counted once
    send(client, url, "10.0.0.2")
    published.refresh_from_db()
    assert published.report_count == 2 and published.is_public
    send(client, url, "10.0.0.3")
    published.refresh_from_db()
    assert published.report_count == 3 and published.hidden_by_reports
    assert published.moderation_status == ModerationStatus.APPROVED
    assert f'id="message-{published.pk}"' not in client.get(reverse("sampleplugin:guestbook")).content.decode()
    assert ModelLogEntry.objects.for_instance(published).filter(action="moderation.hide").exists()
    assert Report.objects.count() == 3
    assert all("10.0.0" not in report.reporter_key for report in Report.objects.all())


@override_settings(MODERATION_REPORTS_TO_HIDE=1)
def test_the_threshold_is_a_setting(client, home_page, published):
    send(client, report_url_on_guestbook(client, published), "10.0.0.9")
    published.refresh_from_db()
    assert published.hidden_by_reports


def test_a_forged_or_broken_token_is_refused_in_chinese(client, home_page, published):
    from django.core import signing

    forged = signing.dumps([1, published.pk], salt="something else")
    for token in (forged, "garbage", "a:b:c"):
        response = client.get(reverse("moderation:report", args=[token]))
        assert response.status_code == 404
        assert "举报链接无效" in response.content.decode()


def test_the_form_explains_what_is_missing(client, home_page, published):
    url = report_url_on_guestbook(client, published)
    html = client.post(url, {"reason": ""}).content.decode()
    assert "请选择举报原因" in html
    html = client.post(url, {"reason": "other", "text": " "}).content.decode()
    assert "请简单说明原因" in html
    html = client.post(url, {"reason": "hack"}).content.decode()
    assert "请选择列表中的举报原因" in html
    assert not Report.objects.exists()


def test_the_honeypot_files_nothing(client, home_page, published):
    url = report_url_on_guestbook(client, published)
    response = client.post(url, {"reason": "spam", "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Report.objects.exists()


@override_settings(MODERATION_REPORT_RATE="2/h")
def test_reports_are_rate_limited_per_address(client, home_page, published, make_message, moderator):
    url = report_url_on_guestbook(client, published)
    assert send(client, url, "10.1.1.1").status_code == 302
    assert send(client, url, "10.1.1.1").status_code == 302
    response = send(client, url, "10.1.1.1")
    assert response.status_code == 429
    assert "提交过于频繁" in response.content.decode()
    assert send(client, url, "10.1.1.2").status_code == 302


def test_a_message_no_longer_public_needs_no_report(client, home_page, published, moderator):
    url = report_url_on_guestbook(client, published)
    service.remove(published, moderator, "已撤下")
    response = client.get(url)
    assert response.status_code == 200 and "无需再举报" in response.content.decode()
    assert client.post(url, {"reason": "spam"}).status_code == 200
    assert not Report.objects.exists()


def test_upholding_removes_the_message_and_keeps_it(client, home_page, published, moderator):
    url = report_url_on_guestbook(client, published)
    for ip in ("10.0.0.1", "10.0.0.2"):
        send(client, url, ip)
    report = Report.objects.first()
    client.force_login(moderator)
    page = client.get(reverse("moderation_admin:report", args=[report.pk]))
    assert page.status_code == 200 and "永远怀念英雄" in page.content.decode()
    response = client.post(reverse("moderation_admin:report", args=[report.pk]), {"decision": "uphold"})
    assert "请填写处理理由" in response.content.decode()
    client.post(reverse("moderation_admin:report", args=[report.pk]), {"decision": "uphold", "reason": "确有侮辱"})
    published.refresh_from_db()
    assert published.moderation_status == ModerationStatus.REMOVED
    assert "举报属实" in published.decision_reason
    assert set(Report.objects.values_list("status", flat=True)) == {Report.Status.UPHELD}


@override_settings(MODERATION_REPORTS_TO_HIDE=1)
def test_dismissing_shows_the_message_again(client, home_page, published, moderator):
    send(client, report_url_on_guestbook(client, published), "10.0.0.1")
    report = Report.objects.get()
    client.force_login(moderator)
    client.post(reverse("moderation_admin:report", args=[report.pk]), {"decision": "dismiss"})
    published.refresh_from_db()
    assert published.is_public
    report.refresh_from_db()
    assert report.status == Report.Status.DISMISSED and report.decided_by == moderator
    response = client.post(reverse("moderation_admin:report", args=[report.pk]), {"decision": "dismiss"})
    assert "已经处理过了" in response.content.decode()


def test_the_report_list_shows_open_reports(client, home_page, published, moderator):
    send(client, report_url_on_guestbook(client, published), "10.0.0.1", text="内容不实")
    client.force_login(moderator)
    html = client.get(reverse("moderation_admin:reports")).content.decode()
    assert published.moderation_title() in html and "内容不实" in html
    assert client.get(reverse("moderation_admin:reports"), {"status": "bogus"}).status_code == 200
    assert client.get(reverse("moderation_admin:report", args=[999999])).status_code == 404
