"""A school books a talk on a phone, and a visitor moves through the talks calendar with the
keyboard alone."""

import datetime

import pytest
from django.utils import timezone

from tests.talks.conftest import at, make_speaker, make_talk, sms_outbox, talks_page  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.plugin("talks")]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def test_a_school_books_a_talk_on_a_phone(open_page, talks_page, make_speaker, sms_outbox):  # noqa: F811
    from campaigns.talks.models import TalkBooking

    make_speaker("陈国栋", role="抗美援朝老战士")
    page = open_page("/talks/", **PHONE)
    page.get_by_role("link", name="学校预约宣讲").click()
    page.wait_for_url("**/talks/book/")
    # Nothing wider than the phone: no sideways scrolling on the form.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_label("学校（单位）名称").fill("南湖区实验小学")
    page.get_by_label("所在区县").fill("南湖区")
    page.get_by_label("联系人", exact=False).first.fill("王老师")
    page.get_by_label("联系人手机号").fill("13900138000")
    page.get_by_role("combobox", name="听众").select_option(label="小学")
    page.get_by_label("预计听众人数").fill("120")
    page.get_by_label("希望日期").fill((timezone.localdate() + datetime.timedelta(days=14)).isoformat())
    page.get_by_label("上午", exact=True).check()
    page.get_by_label("希望的宣讲人（选填）").select_option(label="陈国栋（抗美援朝老战士）")
    page.get_by_label("我已阅读并同意《个人信息处理说明》").check()
    page.get_by_role("button", name="提交预约").click()

    code = page.locator(".tracking-code")
    code.wait_for()
    assert len(code.inner_text().replace("-", "")) == 11
    assert page.get_by_role("heading", level=1).inner_text() == "预约已提交"
    booking = TalkBooking.objects.get()
    assert booking.school == "南湖区实验小学" and booking.speaker.name == "陈国栋"
    assert booking.contact_phone == "13900138000" and booking.preferred_time == "morning"


def tab_to(page, predicate, limit=80):
    """Press Tab until the focused element satisfies ``predicate`` (a JS function of it)."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"({predicate})(document.activeElement)"):
            return
    raise AssertionError("never reached with Tab")


def test_the_calendar_works_with_the_keyboard_alone(open_page, talks_page, make_talk):  # noqa: F811
    talk = make_talk(title="五月十二日的宣讲", start=at(2031, 5, 12, 14, 30))
    page = open_page("/talks/calendar/2031/5/", viewport={"width": 1280, "height": 900})

    tab_to(page, "el => el.textContent.includes('下一月')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/talks/calendar/2031/6/")
    tab_to(page, "el => el.textContent.includes('上一月')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/talks/calendar/2031/5/")

    # The talk is a link inside its day's cell, reached by Tab and shown focused.
    tab_to(page, "el => el.closest('.talks-calendar') && el.textContent.includes('五月十二日的宣讲')")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/talks/{talk.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "五月十二日的宣讲"
