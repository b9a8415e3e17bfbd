"""The review page, the audit export and the dashboard panel."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from siteshell.moderation import service
from siteshell.moderation.models import ModerationStatus
from tests.sampleplugin.moderation_fixtures import *  # noqa: F403  (fixtures)

pytestmark = [pytest.mark.plugin("sampleplugin"), pytest.mark.django_db]


def review_url(item, kind="sampleplugin.guestbookmessage"):
    return reverse("moderation_admin:review", args=[kind, item.pk])


def test_the_review_page_marks_the_words_and_documents_the_keys(client, moderator, make_message, sensitive_word):
    sensitive_word("某辱词", "insult")
    message = make_message("这里<有>某辱词")
    client.force_login(moderator)
    html = client.get(review_url(message)).content.decode()
    assert "这里&lt;有&gt;<mark>某辱词</mark>" in html
    assert "某辱词（侮辱英烈）" in html
    assert "不能批量通过" in html
    assert "j 下一条" in html and 'data-key="a"' in html


def test_a_decision_opens_the_next_pending_item(client, moderator, make_message):
    start = timezone.now() - datetime.timedelta(hours=1)
    first, second, third = (make_message(submitted_at=start + datetime.timedelta(minutes=n)) for n in range(3))
    client.force_login(moderator)
    response = client.post(review_url(second), {"decision": "approve"})
    assert response["Location"].startswith(review_url(third))
    response = client.post(review_url(third), {"decision": "reject", "reason": "与纪念无关"})
    assert response["Location"].startswith(review_url(first))  # wraps round to what is left
    response = client.post(review_url(first), {"decision": "approve"})
    assert response["Location"] == reverse("moderation_admin:kind", args=["sampleplugin.guestbookmessage"])


def test_reject_without_reason_and_a_second_decision_are_explained(client, moderator, make_message):
    message = make_message()
    client.force_login(moderator)
    html = client.post(review_url(message), {"decision": "reject"}).content.decode()
    assert "请填写理由" in html
    service.approve(message, moderator)
    html = client.post(review_url(message), {"decision": "reject", "reason": "晚了"}).content.decode()
    assert "状态已经改变" in html
    html = client.post(review_url(message), {"decision": "destroy"}).content.decode()
    assert "不支持的处理方式" in html
    message.refresh_from_db()
    assert message.moderation_status == ModerationStatus.APPROVED


def test_the_history_lists_every_decision(client, moderator, site_manager, make_message):
    message = make_message()
    service.approve(message, moderator, "得体")
    service.remove(message, moderator, "经核实撤下")
    client.force_login(site_manager)
    html = client.get(review_url(message)).content.decode()
    assert html.index("已撤下：经核实撤下") < html.index("审核通过：得体")


def test_removed_items_are_open_only_to_those_allowed(client, moderator, site_manager, make_message):
    message = make_message()
    service.approve(message, moderator)
    service.remove(message, moderator, "撤下")
    client.force_login(moderator)
    assert client.get(review_url(message)).status_code == 302  # Wagtail's refusal
    client.force_login(site_manager)
    assert client.get(review_url(message)).status_code == 200
    client.post(review_url(message), {"decision": "restore", "reason": "误撤"})
    message.refresh_from_db()
    assert message.is_public


def test_letters_are_reviewed_with_their_details_but_no_personal_data(client, moderator, make_letter):
    letter = make_letter(sender_phone="13800000000")
    client.force_login(moderator)
    html = client.get(review_url(letter, "sampleplugin.letter")).content.decode()
    assert letter.title in html and "字数" in html
    assert "13800000000" not in html


def test_unknown_items_are_not_found(client, moderator):
    client.force_login(moderator)
    assert client.get(reverse("moderation_admin:review", args=["sampleplugin.letter", 999])).status_code == 404
    assert client.get(reverse("moderation_admin:review", args=["auth.user", 1])).status_code == 404


def test_the_export_holds_rejected_and_removed_items_and_is_logged(client, moderator, site_manager, make_message):
    from openpyxl import load_workbook
    from wagtail.models import ModelLogEntry

    rejected, removed, approved = make_message("广告留言"), make_message("撤下的留言"), make_message("好留言")
    service.reject(rejected, moderator, "广告")
    service.approve(removed, moderator)
    service.remove(removed, moderator, "侮辱英烈")
    service.approve(approved, moderator)
    client.force_login(moderator)
    assert client.get(reverse("moderation_admin:export")).status_code == 302  # no export_audit
    client.force_login(site_manager)
    response = client.get(reverse("moderation_admin:export"), {"kind": "sampleplugin.guestbookmessage"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["留言"]
    rows = list(sheet.values)
    assert rows[0][:4] == ("编号", "标题", "内容", "状态")
    texts = {row[2].split("\n")[1]: (row[3], row[7]) for row in rows[1:]}
    assert texts == {"广告留言": ("未通过", "广告"), "撤下的留言": ("已撤下", "侮辱英烈")}
    assert "举报属实" in workbook.sheetnames
    assert ModelLogEntry.objects.filter(action="moderation.export", user=site_manager).count() == 1
    assert client.get(reverse("moderation_admin:export"), {"kind": "nope"}).status_code == 404


def test_the_dashboard_greets_moderators_with_what_waits(client, moderator, editor, make_message, make_letter):
    make_message()
    make_letter()
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="moderation-inbox' in html
    assert "待审核 2 条" in html and "今日公众共提交 2 条" in html
    assert menu_label(moderator) == "待办（2）"  # the badge
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "moderation-inbox" not in html
    assert menu_label(editor) is None


def menu_label(user):
    from django.test import RequestFactory
    from wagtail.admin.menu import admin_menu

    request = RequestFactory().get("/admin/")
    request.user = user
    items = {item.name: item for item in admin_menu.render_component(request)}
    return str(items["moderation-inbox"].label) if "moderation-inbox" in items else None


def test_counts_follow_decisions_at_once(client, moderator, make_message):
    from siteshell.moderation import counts, registry

    message = make_message()
    kind = registry.get_kind("sampleplugin.guestbookmessage")
    assert counts.kind_counts(kind)["pending"] == 1
    service.approve(message, moderator)
    assert counts.kind_counts(kind)["pending"] == 0
