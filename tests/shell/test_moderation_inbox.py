"""The inbox (待办) with the sample plugin's two kinds: landing, lists, filters, pages, bulk."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from siteshell.moderation import registry
from siteshell.moderation.models import ModerationStatus
from tests.sampleplugin.moderation_fixtures import *  # noqa: F403  (fixtures)

pytestmark = [pytest.mark.plugin("sampleplugin"), pytest.mark.django_db]

MESSAGES = reverse("moderation_admin:kind", args=["sampleplugin.guestbookmessage"])
LETTERS = reverse("moderation_admin:kind", args=["sampleplugin.letter"])


def test_both_kinds_are_registered_in_order():
    kinds = [kind for kind in registry.kinds() if kind.plugin == "sampleplugin"]
    assert [(kind.slug, str(kind.label), kind.bulk) for kind in kinds] == [
        ("sampleplugin.guestbookmessage", "留言", True),
        ("sampleplugin.letter", "来信", False),
    ]


def test_a_plugin_registering_something_else_is_skipped(monkeypatch, caplog):
    from django.apps import apps

    from siteshell.plugins import ModeratedKind

    config = apps.get_app_config("sampleplugin")
    monkeypatch.setattr(config, "moderated_submissions", lambda: [ModeratedKind("sampleplugin.SampleStoryPage")])
    assert not [kind for kind in registry.kinds() if kind.plugin == "sampleplugin"]
    assert "failed in moderated_submissions" in caplog.text


def test_the_landing_lists_every_kind_with_counts(client, moderator, make_message, make_letter):
    make_message()
    make_message()
    make_letter()
    client.force_login(moderator)
    response = client.get(reverse("moderation_admin:inbox"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "留言" in html and "来信" in html and "举报" in html
    rows = {row.label: row for row in response.context["table"].data}
    assert rows["留言"].pending == 2 and rows["来信"].pending == 1
    assert rows["留言"].today == 2


def refused(response):
    """Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_staff_without_the_permission_are_refused(client, editor, make_message):
    message = make_message()
    client.force_login(editor)
    assert refused(client.get(reverse("moderation_admin:inbox")))
    assert refused(client.get(MESSAGES))
    assert refused(client.post(MESSAGES, {"action": "approve", "items": [str(message.pk)]}))
    message.refresh_from_db()
    assert message.is_pending


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(MESSAGES)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_list_shows_pending_oldest_first_with_the_words_found(client, moderator, make_message, sensitive_word):
    sensitive_word("测试广告词", "spam")
    older = make_message("第一条", submitted_at=timezone.now() - datetime.timedelta(hours=2))
    newer = make_message("第二条有测试广告词")
    client.force_login(moderator)
    response = client.get(MESSAGES)
    assert [item.pk for item in response.context["page"].items] == [older.pk, newer.pk]
    assert "测试广告词" in response.content.decode()
    response = client.get(MESSAGES, {"order": "newest"})
    assert [item.pk for item in response.context["page"].items] == [newer.pk, older.pk]
    response = client.get(MESSAGES, {"flagged": "on"})
    assert [item.pk for item in response.context["page"].items] == [newer.pk]


def test_filters_by_status_date_text_and_reports(client, moderator, make_message):
    from siteshell.moderation import service
    from siteshell.moderation.reports import file_report

    approved = make_message("已经通过的留言")
    service.approve(approved, moderator)
    old = make_message("去年的留言", submitted_at=timezone.now() - datetime.timedelta(days=400))
    make_message("今天的留言")
    file_report(approved, "spam", "", "10.0.0.1")
    client.force_login(moderator)

    def listed(**query):
        return [item.pk for item in client.get(MESSAGES, query).context["page"].items]

    assert listed(status="approved") == [approved.pk]
    assert listed(status="approved", reported="on") == [approved.pk]
    assert listed(reported="on") == []
    last_year = (timezone.localdate() - datetime.timedelta(days=400)).isoformat()
    assert listed(date_from=last_year, date_to=last_year) == [old.pk]
    assert listed(q="去年") == [old.pk]
    assert len(listed(status="all")) == 3


def test_bad_filter_values_show_a_message_not_an_error(client, moderator, make_message):
    make_message()
    client.force_login(moderator)
    for query in (
        {"status": "removed"},  # not allowed without view_removed_submissions
        {"status": "nonsense", "order": "sideways"},
        {"date_from": "2025-13-45", "date_to": "x"},
        {"date_from": "2025-05-01", "date_to": "2025-04-01"},
        {"after": "not-a-cursor"},
        {"before": "2025-01-01T00:00:00~abc"},
        {"q": "x" * 500},
    ):
        response = client.get(MESSAGES, query)
        assert response.status_code == 200, query
        assert len(response.context["page"].items) == 1, query
    assert "没有这个状态，或您无权查看" in client.get(MESSAGES, {"status": "removed"}).content.decode()
    assert client.get(reverse("moderation_admin:kind", args=["nothing.here"])).status_code == 404


def test_removed_items_are_listed_only_for_those_allowed(client, moderator, site_manager, make_message):
    from siteshell.moderation import service

    message = make_message()
    service.approve(message, site_manager)
    service.remove(message, site_manager, "经核实撤下")
    client.force_login(site_manager)
    assert [item.pk for item in client.get(MESSAGES, {"status": "removed"}).context["page"].items] == [message.pk]
    client.force_login(moderator)
    assert client.get(MESSAGES, {"status": "all"}).context["page"].items == []


def test_keyset_pages_walk_forwards_and_back(client, moderator, make_message):
    start = timezone.now() - datetime.timedelta(days=1)
    items = [make_message(f"第{n}条", submitted_at=start + datetime.timedelta(minutes=n)) for n in range(120)]
    client.force_login(moderator)
    first = client.get(MESSAGES).context
    assert [item.pk for item in first["page"].items] == [item.pk for item in items[:50]]
    assert not first["previous_url"]
    second = client.get(MESSAGES + first["next_url"]).context
    assert [item.pk for item in second["page"].items] == [item.pk for item in items[50:100]]
    third = client.get(MESSAGES + second["next_url"]).context
    assert [item.pk for item in third["page"].items] == [item.pk for item in items[100:]]
    assert not third["next_url"]
    back = client.get(MESSAGES + third["previous_url"]).context
    assert [item.pk for item in back["page"].items] == [item.pk for item in items[50:100]]


def test_bulk_approve_from_the_list_skips_what_must_be_read_alone(client, moderator, make_message, sensitive_word):
    from tests.sampleplugin.models import GuestbookMessage

    sensitive_word("某辱词", "insult")
    plain = [make_message(), make_message()]
    flagged = make_message("某辱词")
    client.force_login(moderator)
    response = client.post(
        MESSAGES, {"action": "approve", "items": [str(m.pk) for m in [*plain, flagged]] + ["junk"]}, follow=True
    )
    assert response.status_code == 200
    statuses = dict(GuestbookMessage.objects.values_list("pk", "moderation_status"))
    assert [statuses[m.pk] for m in plain] == [ModerationStatus.APPROVED] * 2
    assert statuses[flagged.pk] == ModerationStatus.PENDING
    html = response.content.decode()
    assert "已通过 2 条" in html and "含需逐条审核的敏感词" in html


def test_bulk_reject_needs_a_reason(client, moderator, make_message):
    message = make_message()
    client.force_login(moderator)
    response = client.post(MESSAGES, {"action": "reject", "items": [str(message.pk)]}, follow=True)
    assert "请填写不通过的理由" in response.content.decode()
    message.refresh_from_db()
    assert message.is_pending
    client.post(MESSAGES, {"action": "reject", "items": [str(message.pk)], "reason": "广告"})
    message.refresh_from_db()
    assert message.moderation_status == ModerationStatus.REJECTED and message.decision_reason == "广告"


def test_letters_have_no_bulk_actions(client, moderator, make_letter):
    letter = make_letter()
    client.force_login(moderator)
    response = client.get(LETTERS)
    assert 'name="items"' not in response.content.decode()
    response = client.post(LETTERS, {"action": "approve", "items": [str(letter.pk)]}, follow=True)
    assert "长篇内容需逐条审核" in response.content.decode()
    letter.refresh_from_db()
    assert letter.is_pending


def test_bulk_without_a_selection_or_action_is_explained(client, moderator, make_message):
    make_message()
    client.force_login(moderator)
    assert "请先勾选" in client.post(MESSAGES, {"action": "approve"}, follow=True).content.decode()
    assert "请选择操作" in client.post(MESSAGES, {"items": ["1"]}, follow=True).content.decode()
    assert "不支持的操作" in client.post(MESSAGES, {"action": "delete", "items": ["1"]}, follow=True).content.decode()
