"""A school books a talk: the form (protected, with consent), the moderation inbox, the talks
group arranging it — proposing another date, catching conflicts, accepting (a talk on the
calendar for that school) or declining — and the school following it with its tracking code."""

import datetime
import re

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from tests.talks.conftest import at

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("talks")]

BOOK = "/talks/book/"
PHONE = "13900138000"


def form_data(**overrides):
    preferred = timezone.localdate() + datetime.timedelta(days=14)
    return {
        "school": "南湖区实验小学",
        "district": "南湖区",
        "address": "南湖区育才路1号",
        "contact_name": "王老师",
        "contact_phone": "139 0013 8000",
        "contact_email": "wang@example.edu.cn",
        "audience": "primary",
        "grade": "五年级",
        "expected_audience": "120",
        "preferred_date": preferred.isoformat(),
        "alternative_date": "",
        "preferred_time": "morning",
        "topic": "heroes",
        "speaker": "",
        "note": "希望结合烈士纪念日主题",
        "consent": "on",
        **overrides,
    }


def staff(django_user_model, username="xuanjiang", group="宣讲活动管理员"):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username, f"{username}@example.gov.cn", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def track(client, code, factor="8000"):
    return client.post("/track/", {"code": code, "factor": factor}).content.decode()


@pytest.fixture
def booked(client, talks_page, sms_outbox, django_capture_on_commit_callbacks):
    """A school's booking sent; the booking and the code on the answer page."""
    from campaigns.talks.models import TalkBooking

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(BOOK, form_data())
    assert response.status_code == 200
    code = re.search(r'<strong class="tracking-code">([\w-]+)</strong>', response.content.decode()).group(1)
    return TalkBooking.objects.get(), code


def arrange_data(speaker, start, *, capacity=200, action="accept"):
    return {
        "action": action,
        "arrange-title": "英雄烈士事迹专题宣讲",
        "arrange-topic": "heroes",
        "arrange-speakers": [speaker.pk],
        "arrange-start": start.strftime("%Y-%m-%dT%H:%M"),
        "arrange-end": (start + datetime.timedelta(minutes=90)).strftime("%Y-%m-%dT%H:%M"),
        "arrange-place": "南湖区实验小学",
        "arrange-address": "南湖区育才路1号",
        "arrange-district": "南湖区",
        "arrange-capacity": str(capacity),
        "arrange-summary": "",
    }


def test_a_school_books_a_talk_and_gets_a_tracking_code(booked, sms_outbox):
    from campaigns.talks.models.bookings import CONSENT_NOTICE
    from siteshell.moderation.models import ModerationStatus
    from siteshell.privacy.fields import hash_for

    booking, code = booked
    assert booking.moderation_status == ModerationStatus.PENDING and booking.status == "received"
    assert booking.contact_phone == PHONE and booking.language == "zh-hans"
    # The mobile is encrypted at rest, with a lookup hash beside it; the consent is recorded.
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact_phone FROM talks_talkbooking WHERE id = %s", [booking.pk])
        assert PHONE not in cursor.fetchone()[0]
    assert booking.contact_phone_hash == hash_for(PHONE, "mobile")
    assert booking.consent.key == CONSENT_NOTICE
    (message,) = sms_outbox
    assert message.phone == PHONE and code in message.text and len(message.text) <= 70
    assert mail.outbox[0].to == ["wang@example.edu.cn"] and code in mail.outbox[0].body


def test_the_booking_waits_in_the_inbox_with_the_contact_masked(booked, client, django_user_model):
    booking, _code = booked
    client.force_login(staff(django_user_model))
    inbox = client.get("/admin/moderation/talks.talkbooking/").content.decode()
    assert "南湖区实验小学预约宣讲" in inbox
    review = client.get(f"/admin/moderation/talks.talkbooking/{booking.pk}/").content.decode()
    assert "139****8000" in review and PHONE not in review
    assert f"/admin/talks/bookings/{booking.pk}/" in review  # 在模块中打开: the arrangement page
    page = client.get(f"/admin/talks/bookings/{booking.pk}/").content.decode()
    assert "139****8000" in page and PHONE not in page and "确认安排" in page


def test_the_school_follows_its_booking_with_code_and_last_four_digits(booked, client):
    _booking, code = booked
    page = track(client, code)
    assert "宣讲预约" in page and "已收到，等待安排" in page
    for personal in ("王老师", PHONE, "南湖区实验小学", "wang@example.edu.cn"):
        assert personal not in page
    assert "查询码或验证信息不正确" in track(client, code, "0000")


def test_staff_propose_another_date_and_the_school_is_told(
    booked, client, django_user_model, sms_outbox, django_capture_on_commit_callbacks
):
    booking, code = booked
    client.force_login(staff(django_user_model))
    sms_outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/talks/bookings/{booking.pk}/",
            {
                "action": "propose",
                "propose-proposed_start": "2031-05-13T14:30",
                "propose-proposed_end": "2031-05-13T16:00",
                "propose-note": "宣讲人上午另有安排",
            },
        )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "proposed" and booking.is_pending
    (message,) = sms_outbox
    assert "2031年5月13日 14:30" in message.text
    client.logout()
    page = track(client, code)
    assert "建议改期" in page and "2031年5月13日 14:30—16:00" in page


def test_a_speaker_already_booked_is_caught_before_confirmation(
    booked, client, django_user_model, make_talk, make_speaker, sms_outbox
):
    from campaigns.talks.models import Talk

    booking, _code = booked
    speaker = make_speaker("马振华")
    make_talk(title="马振华的另一场宣讲", speakers=[speaker], start=at(2031, 5, 12, 9, 0))
    client.force_login(staff(django_user_model))
    sms_outbox.clear()
    response = client.post(f"/admin/talks/bookings/{booking.pk}/", arrange_data(speaker, at(2031, 5, 12, 10, 0)))
    assert response.status_code == 200
    page = response.content.decode()
    assert "存在冲突，未能确认" in page and "马振华在2031年5月12日 09:00—10:30已有宣讲“马振华的另一场宣讲”" in page
    booking.refresh_from_db()
    assert booking.is_pending and booking.talk is None
    assert Talk.objects.count() == 1 and sms_outbox == []


def test_an_audience_larger_than_the_place_is_caught_before_confirmation(
    booked, client, django_user_model, make_speaker
):
    booking, _code = booked
    client.force_login(staff(django_user_model))
    response = client.post(
        f"/admin/talks/bookings/{booking.pk}/", arrange_data(make_speaker(), at(2031, 5, 12), capacity=80)
    )
    assert "预计听众 120 人，超过场地可容纳的 80 人" in response.content.decode()
    booking.refresh_from_db()
    assert booking.is_pending


def test_accepting_puts_the_talk_on_the_calendar_for_that_school(
    booked, client, django_user_model, make_speaker, sms_outbox, django_capture_on_commit_callbacks
):
    from campaigns.talks.models import Talk
    from siteshell.moderation.models import ModerationStatus

    booking, code = booked
    speaker = make_speaker("陈国栋")
    client.force_login(staff(django_user_model))
    sms_outbox.clear()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/talks/bookings/{booking.pk}/", arrange_data(speaker, at(2031, 5, 12, 9, 30)))
    assert response.status_code == 302
    booking.refresh_from_db()
    talk = Talk.objects.get()
    assert booking.talk == talk and booking.status == "confirmed"
    assert booking.moderation_status == ModerationStatus.APPROVED
    assert talk.live and talk.school == "南湖区实验小学" and list(talk.speakers.all()) == [speaker]
    assert talk.audience == "primary"
    (message,) = sms_outbox
    assert "宣讲已确认" in message.text and "2031年5月12日 09:30" in message.text
    assert f"/talks/{talk.pk}.ics" in mail.outbox[0].body
    client.logout()
    # On the public calendar, marked for the school; the school gets the .ics on its status page.
    detail = client.get(f"/talks/{talk.pk}/").content.decode()
    assert "南湖区实验小学" in detail and "专场" in detail
    page = track(client, code)
    assert "已确认" in page and f"/talks/{talk.pk}.ics" in page
    assert client.get(f"/talks/{talk.pk}.ics").status_code == 200


def test_approving_in_the_inbox_without_an_arrangement_is_refused(booked, client, django_user_model):
    booking, _code = booked
    client.force_login(staff(django_user_model))
    response = client.post(f"/admin/moderation/talks.talkbooking/{booking.pk}/", {"decision": "approve", "reason": ""})
    assert "请先在“学校预约”中安排宣讲人、时间和地点" in response.content.decode()
    booking.refresh_from_db()
    assert booking.is_pending


def test_declining_tells_the_school_why(
    booked, client, django_user_model, sms_outbox, django_capture_on_commit_callbacks
):
    booking, code = booked
    client.force_login(staff(django_user_model))
    sms_outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/talks/bookings/{booking.pk}/",
            {"action": "decline", "decline-reason": "所选日期宣讲团已全部排满"},
        )
    booking.refresh_from_db()
    assert booking.status == "declined" and booking.moderation_status == "rejected"
    (message,) = sms_outbox
    assert "未能安排" in message.text
    client.logout()
    page = track(client, code)
    assert "未能安排" in page and "所选日期宣讲团已全部排满" in page


def test_only_the_talks_group_arranges_bookings(booked, client, django_user_model):
    booking, _code = booked
    client.force_login(staff(django_user_model, "writer", "宣传干事"))
    # Wagtail answers a refusal in the admin with a redirect to the dashboard and a message.
    assert client.get(f"/admin/talks/bookings/{booking.pk}/").url == "/admin/"
    client.post(f"/admin/talks/bookings/{booking.pk}/", {"action": "decline", "decline-reason": "x"})
    booking.refresh_from_db()
    assert booking.is_pending
    moderator = staff(django_user_model, "liuyan", "留言审核员")
    client.force_login(moderator)
    page = client.get(f"/admin/talks/bookings/{booking.pk}/")
    assert page.status_code == 200 and "确认安排" not in page.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("contact_phone", "12345", "请输入11位手机号码"),
        ("preferred_date", "2020-01-01", "请选择今天以后的日期"),
        ("preferred_date", "明天", "日期格式不正确"),
        ("expected_audience", "九十", "预计听众人数请填写数字"),
        ("expected_audience", "100000", "预计听众人数不能超过5000人"),
        ("expected_audience", "0", "预计听众人数至少为1人"),
        ("consent", "", "请阅读《个人信息处理说明》并勾选同意"),
        ("school", "", "请填写学校（单位）名称"),
    ],
)
def test_the_booking_form_says_what_is_wrong_in_chinese(client, talks_page, field, value, message):
    from campaigns.talks.models import TalkBooking

    response = client.post(BOOK, form_data(**{field: value}))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "提交未成功" in page
    assert TalkBooking.objects.count() == 0


def test_a_filled_honeypot_gets_the_same_thanks_and_nothing_is_stored(client, talks_page, sms_outbox):
    from campaigns.talks.models import TalkBooking

    response = client.post(BOOK, form_data(website="http://spam.example"))
    assert response.status_code == 200 and "tracking-code" in response.content.decode()
    assert TalkBooking.objects.count() == 0 and sms_outbox == []


def test_a_speaker_can_be_asked_for_from_their_talk(client, talks_page, make_speaker):
    speaker = make_speaker("黄德明")
    make_speaker("不接受预约的宣讲人", accepts_bookings=False)
    page = client.get(BOOK, {"speaker": speaker.pk}).content.decode()
    assert f'<option value="{speaker.pk}" selected>' in page
    assert "不接受预约的宣讲人" not in page


def test_the_contact_is_erased_a_year_after_the_decision(booked):
    from campaigns.talks.models import TalkBooking
    from siteshell.privacy.lifecycle import erase_expired

    booking, _code = booked
    TalkBooking.objects.filter(pk=booking.pk).update(
        moderation_status="rejected", decided_at=timezone.now() - datetime.timedelta(days=366)
    )
    assert erase_expired(TalkBooking) == 1
    booking.refresh_from_db()
    assert booking.contact_phone == "" and booking.contact_name == "" and booking.contact_phone_hash == ""
    assert booking.school == "南湖区实验小学"  # what the school asked for stays for the record


def test_a_speaker_cannot_be_put_on_two_talks_at_once_in_the_admin(admin_client, make_talk, make_speaker):
    speaker = make_speaker("何振东")
    make_talk(title="已排的宣讲", speakers=[speaker], start=at(2031, 5, 12, 9, 0))
    response = admin_client.post(
        "/admin/snippets/talks/talk/add/",
        {
            "title": "同一时间的另一场",
            "topic": "defence",
            "audience": "junior",
            "speakers": [speaker.pk],
            "summary": "",
            "start": "2031-05-12 10:00",
            "end": "2031-05-12 11:30",
            "capacity": "100",
            "place": "东城区实验中学",
            "address": "",
            "district": "东城区",
            "school": "",
            "cancel_reason": "",
        },
    )
    assert response.status_code == 200
    assert "何振东在2031年5月12日 09:00—10:30已有宣讲“已排的宣讲”" in response.content.decode()
