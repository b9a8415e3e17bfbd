"""The moderation service: decisions, their log entries, screening on save, bulk decisions."""

import pytest

from siteshell.moderation import service
from siteshell.moderation.models import ModerationStatus
from tests.sampleplugin.moderation_fixtures import *  # noqa: F403  (fixtures)

pytestmark = [pytest.mark.plugin("sampleplugin"), pytest.mark.django_db]


def history(item):
    from wagtail.models import ModelLogEntry

    return list(ModelLogEntry.objects.for_instance(item).order_by("timestamp", "id"))


def test_a_new_submission_waits_and_is_not_public(make_message):
    from tests.sampleplugin.models import GuestbookMessage

    message = make_message()
    assert message.moderation_status == ModerationStatus.PENDING
    assert list(GuestbookMessage.objects.pending()) == [message]
    assert list(GuestbookMessage.objects.public()) == []


def test_approve_records_who_when_and_logs(make_message, moderator):
    from tests.sampleplugin.models import GuestbookMessage

    message = make_message()
    service.approve(message, moderator, "内容得体")
    message.refresh_from_db()
    assert message.moderation_status == ModerationStatus.APPROVED
    assert message.decided_by == moderator
    assert message.decided_at is not None
    assert message.decision_reason == "内容得体"
    assert list(GuestbookMessage.objects.public()) == [message]
    [entry] = history(message)
    assert entry.action == "moderation.approve"
    assert entry.user_id == moderator.pk
    assert entry.data == {"reason": "内容得体"}
    assert str(entry.formatter.label) == "审核：通过"
    assert entry.formatter.format_comment(entry) == "内容得体"


def test_reject_needs_a_reason_and_keeps_the_row(make_message, moderator):
    from tests.sampleplugin.models import GuestbookMessage

    message = make_message()
    with pytest.raises(service.ModerationError, match="理由"):
        service.reject(message, moderator, "  ")
    service.reject(message, moderator, "与纪念无关")
    assert GuestbookMessage.objects.get(pk=message.pk).moderation_status == ModerationStatus.REJECTED


def test_remove_and_restore(make_message, moderator):
    message = make_message()
    with pytest.raises(service.ModerationError):
        service.remove(message, moderator, "未通过的不能撤下")
    service.approve(message, moderator)
    service.remove(message, moderator, "经举报核实")
    message.refresh_from_db()
    assert message.moderation_status == ModerationStatus.REMOVED
    assert message.text  # the content stays for the audit record
    service.restore(message, moderator, "误撤，恢复")
    message.refresh_from_db()
    assert message.is_public
    assert [entry.action for entry in history(message)] == [
        "moderation.approve",
        "moderation.remove",
        "moderation.restore",
    ]


def test_a_decision_taken_by_someone_else_first_is_refused(make_message, moderator, editor):
    from tests.sampleplugin.models import GuestbookMessage

    message = make_message()
    stale = GuestbookMessage.objects.get(pk=message.pk)
    service.approve(message, moderator)
    with pytest.raises(service.ModerationError, match="状态已经改变"):
        service.reject(stale, editor, "晚了一步")
    message.refresh_from_db()
    assert message.moderation_status == ModerationStatus.APPROVED
    assert len(history(message)) == 1


def test_the_hook_hears_every_decision(make_message, moderator, monkeypatch):
    from tests.sampleplugin.models import GuestbookMessage

    heard = []
    monkeypatch.setattr(
        GuestbookMessage, "on_moderation_decision", lambda self, decision, user: heard.append((decision, user))
    )
    message = make_message()
    service.approve(message, moderator)
    service.remove(message, moderator, "理由")
    assert heard == [("approve", moderator), ("remove", moderator)]


def test_screening_marks_but_never_drops(make_message, sensitive_word):
    sensitive_word("测试广告词", "spam")
    sensitive_word("某辱词", "insult")
    spam = make_message("想了解详情请看测试广告词")
    insult = make_message("这是某辱词的留言")
    clean = make_message("永远怀念")
    assert spam.moderation_status == insult.moderation_status == ModerationStatus.PENDING
    assert spam.screening_matches == [{"word": "测试广告词", "category": "spam"}]
    assert spam.screening_flagged and spam.bulk_approvable
    assert insult.screening_flagged and not insult.bulk_approvable
    assert not clean.screening_flagged and clean.bulk_approvable and clean.screening_matches == []


def test_screening_runs_only_when_the_item_is_new(make_message, sensitive_word):
    message = make_message("永远怀念")
    sensitive_word("怀念", "spam")
    message.save()
    message.refresh_from_db()
    assert message.screening_matches == []


def test_bulk_approve_refuses_what_must_be_read_alone(make_message, make_letter, moderator, sensitive_word):
    sensitive_word("某辱词", "insult")
    ok = [make_message(), make_message()]
    flagged = make_message("某辱词")
    letter = make_letter()
    decided = make_message()
    service.reject(decided, moderator, "理由")
    result = service.bulk_approve([*ok, flagged, letter, decided], moderator)
    assert result.done == ok
    skipped = {item.pk if item is not letter else "letter": str(why) for item, why in result.skipped}
    assert skipped[flagged.pk] == "含需逐条审核的敏感词，请打开逐条审核"
    assert skipped["letter"] == "长篇内容需逐条审核"
    assert "状态已经改变" in skipped[decided.pk]
    flagged.refresh_from_db()
    letter.refresh_from_db()
    assert flagged.is_pending and letter.is_pending


def test_bulk_reject_needs_a_reason_and_may_reject_flagged_items(make_message, moderator, sensitive_word):
    sensitive_word("某辱词", "insult")
    items = [make_message(), make_message("某辱词")]
    with pytest.raises(service.ModerationError):
        service.bulk_reject(items, moderator, "")
    result = service.bulk_reject(items, moderator, "广告")
    assert result.done == items and not result.skipped
