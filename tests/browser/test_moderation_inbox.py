"""A reviewer works through the inbox (待办) with the keyboard, in a real browser."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.sampleplugin.moderation_fixtures import *  # noqa: F403  (fixtures)

pytestmark = [pytest.mark.plugin("sampleplugin"), pytest.mark.django_db(transaction=True)]


def log_in(page, username):
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("form button[type=submit]").click()


def test_a_reviewer_works_through_the_inbox_with_the_keyboard(home_page, open_page, moderator, make_message):
    from playwright.sync_api import expect

    from siteshell.moderation.models import ModerationStatus
    from tests.sampleplugin.models import GuestbookMessage

    start = timezone.now() - datetime.timedelta(hours=1)
    first, second, third = (
        make_message(f"第{n}条：缅怀先烈", submitted_at=start + datetime.timedelta(minutes=n)) for n in (1, 2, 3)
    )

    page = open_page("/admin/login/?next=/admin/")
    log_in(page, "moderator")
    expect(page.locator("#moderation-inbox-heading, [id^=moderation-inbox]").first).to_be_visible()
    page.get_by_role("link", name="打开待办").click()
    page.get_by_role("link", name="留言", exact=True).click()
    expect(page.get_by_role("table")).to_contain_text("第1条：缅怀先烈")
    page.get_by_role("link", name=first.moderation_title()).click()
    expect(page.locator(".moderation-text")).to_contain_text("第1条")
    expect(page.locator("#moderation-keys")).to_contain_text("j 下一条")

    def keys_ready():
        # review.js marks the form once its keys listen: a key pressed before is lost.
        expect(page.locator("[data-moderation-decision][data-keys-ready]")).to_have_count(1)

    keys_ready()
    page.keyboard.press("a")  # approve: the next pending item opens
    expect(page).to_have_url(re.compile(rf"/{second.pk}/"))
    expect(page.get_by_role("status").or_(page.locator(".messages")).first).to_contain_text("已通过")

    keys_ready()
    page.keyboard.press("r")  # reject: the reason field takes the focus
    reason = page.get_by_label("理由（不通过、撤下、恢复时必填）")
    expect(reason).to_be_focused()
    reason.type("与纪念无关 a j k")  # letters typed in a field are text, not shortcuts
    expect(page).to_have_url(re.compile(rf"/{second.pk}/"))
    reason.press("Control+Enter")
    expect(page).to_have_url(re.compile(rf"/{third.pk}/"))

    keys_ready()
    page.keyboard.press("k")  # nothing pending before the third: no previous link
    expect(page).to_have_url(re.compile(rf"/{third.pk}/"))
    page.keyboard.press("a")
    expect(page.locator(".messages")).to_contain_text("全部处理完毕")

    statuses = dict(GuestbookMessage.objects.values_list("pk", "moderation_status"))
    assert statuses == {
        first.pk: ModerationStatus.APPROVED,
        second.pk: ModerationStatus.REJECTED,
        third.pk: ModerationStatus.APPROVED,
    }
    second.refresh_from_db()
    assert second.decision_reason == "与纪念无关 a j k"
