"""Demo content: the 老兵宣讲团's next month — talks in schools, communities, offices and at
the memorial — and schools' bookings at each stage (received, date proposed, confirmed,
declined). Activities follow the bureau reports (追寻英烈足迹、聆听烈士事迹、红星班、少年军校、
国防教育月); people, schools and places are invented.

Idempotent: speakers, talks and bookings are looked up by name, title and school before they
are created. Dates are counted from the day the demo is loaded, so the calendar is never empty.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.talks.choices import Audience, BookingStatus, PreferredTime, Topic
from campaigns.talks.models import Speaker, Talk, TalkBooking, TalksIndexPage, when_text
from siteshell.moderation.models import ModerationStatus
from siteshell.privacy.consent import record_consent

INDEX = {
    "title": "老兵宣讲",
    "slug": "talks",
    "intro": "<p>老兵宣讲团走进学校、社区、机关和烈士纪念设施，讲述英烈事迹和军旅故事。学校可以在线预约宣讲。</p>",
    "booking_intro": "<p>请至少提前一周预约；每场宣讲约一个半小时，听众一般不超过三百人。</p>",
}

SPEAKERS = [
    ("马振华", "参战老兵、市老兵宣讲团成员", "曾参加边境作战，荣立二等功，退役后坚持走进校园讲述战斗故事。"),
    ("黄德明", "最美退役军人、国防教育讲师", "退役后在社区开设国防教育课堂十余年。"),
    ("何振东", "退役军人志愿者", "组织老兵志愿服务队，常年为学校讲授军事常识。"),
    ("张卫东", "抗洪抢险英雄连老兵", "讲述部队抗洪抢险的亲身经历。"),
    ("李秀英", "烈士亲属", "烈士李长山之女，讲述父亲的生平和家书。"),
    ("陈国栋", "抗美援朝老战士", "九十高龄仍坚持宣讲，讲述上甘岭前线的日日夜夜。"),
]

# (days from today, start hour:minute, minutes, title, topic, audience, place, address, district,
#  capacity, school, speakers, summary)
TALKS = [
    (
        2,
        "09:00",
        90,
        "追寻英烈足迹 传承红色基因",
        Topic.HEROES,
        Audience.PRIMARY,
        "示范市第三小学",
        "南湖区育才路12号",
        "南湖区",
        300,
        "",
        ["马振华", "李秀英"],
        "烈士亲属和参战老兵讲述英烈故事，同学们为烈士写一封信。",
    ),
    (
        4,
        "14:30",
        90,
        "老兵讲述：我的军营生活",
        Topic.SERVICE,
        Audience.JUNIOR,
        "东城区实验中学",
        "东城区和平街8号",
        "东城区",
        400,
        "",
        ["何振东"],
        "内务、队列和训练：老兵带同学们了解真实的军营。",
    ),
    (
        6,
        "09:30",
        60,
        "红星班主题班会：英雄就在身边",
        Topic.VETERANS,
        Audience.PRIMARY,
        "西山区红星小学",
        "西山区红星路3号",
        "西山区",
        60,
        "西山区红星小学",
        ["黄德明"],
        "双拥和国防教育特色红星班的主题班会。",
    ),
    (
        8,
        "15:00",
        90,
        "聆听烈士事迹 感悟英烈精神",
        Topic.HEROES,
        Audience.COMMUNITY,
        "示范市烈士陵园纪念馆",
        "示范市英雄路1号",
        "南湖区",
        150,
        "",
        ["陈国栋"],
        "在烈士纪念馆里听老战士讲上甘岭战役。",
    ),
    (
        10,
        "09:00",
        90,
        "少年军校开学第一课",
        Topic.DEFENCE,
        Audience.PRIMARY,
        "青河县少年军校",
        "青河县新华路21号",
        "青河县",
        200,
        "青河县第一小学",
        ["张卫东"],
        "少年军校新学员的第一堂国防教育课。",
    ),
    (
        12,
        "19:00",
        90,
        "最美退役军人事迹报告会",
        Topic.VETERANS,
        Audience.COMMUNITY,
        "北塘县人民广场社区文化中心",
        "北塘县人民广场东侧",
        "北塘县",
        250,
        "",
        ["黄德明", "何振东"],
        "最美退役军人讲述退役不褪色的故事。",
    ),
    (
        14,
        "14:30",
        90,
        "国防教育进校园：国家安全与我",
        Topic.DEFENCE,
        Audience.SENIOR,
        "示范市第一高级中学",
        "南湖区学府路1号",
        "南湖区",
        500,
        "",
        ["张卫东"],
        "国防知识讲座和问答。",
    ),
    (
        15,
        "10:00",
        60,
        "家书里的英雄",
        Topic.HEROES,
        Audience.JUNIOR,
        "石门县第二中学",
        "石门县解放路45号",
        "石门县",
        300,
        "",
        ["李秀英"],
        "一封封家书，讲述烈士和家人的故事。",
    ),
    (
        17,
        "09:00",
        90,
        "抗美援朝老战士讲党课",
        Topic.TRADITION,
        Audience.OFFICE,
        "市直机关会议中心",
        "南湖区人民路88号",
        "南湖区",
        200,
        "",
        ["陈国栋"],
        "市直机关党员干部聆听老战士讲述革命传统。",
    ),
    (
        19,
        "14:30",
        90,
        "喜迎国防教育月 共筑强军梦",
        Topic.DEFENCE,
        Audience.UNIVERSITY,
        "示范学院报告厅",
        "东城区大学城路6号",
        "东城区",
        600,
        "",
        ["马振华", "张卫东"],
        "国防教育月主题报告会，介绍大学生参军入伍政策。",
    ),
    (
        22,
        "09:30",
        60,
        "红星班：老兵和我们一起升国旗",
        Topic.TRADITION,
        Audience.PRIMARY,
        "东城区红星小学",
        "东城区光明路9号",
        "东城区",
        800,
        "东城区红星小学",
        ["何振东"],
        "升旗仪式后，老兵讲述国旗背后的故事。",
    ),
    (
        24,
        "15:00",
        90,
        "退役不褪色：抗洪抢险的日子",
        Topic.VETERANS,
        Audience.JUNIOR,
        "西山区第一中学",
        "西山区中山路30号",
        "西山区",
        350,
        "",
        ["张卫东"],
        "讲述部队抗洪抢险的亲身经历。",
    ),
    (
        26,
        "09:00",
        90,
        "烈士纪念日前的一堂课",
        Topic.HEROES,
        Audience.PRIMARY,
        "北塘县实验小学",
        "北塘县文化路2号",
        "北塘县",
        400,
        "",
        ["马振华"],
        "为什么设立烈士纪念日？老兵和同学们一起寻找身边的英烈故事。",
    ),
    (
        28,
        "14:30",
        90,
        "军营开放日前的准备课",
        Topic.SERVICE,
        Audience.SENIOR,
        "青河县第一高级中学",
        "青河县新华路1号",
        "青河县",
        450,
        "",
        ["何振东"],
        "参观军营前的准备：纪律、礼仪和安全。",
    ),
]
#: Cancelled, to show how the calendar and the feeds mark it.
CANCELLED = ("家书里的英雄", "因学校临时安排考试，本场宣讲取消，另行安排。")

BOOKINGS = [
    # (school, district, status, days ahead, audience, grade, expected, topic, speaker)
    (
        "南湖区实验小学",
        "南湖区",
        BookingStatus.RECEIVED,
        20,
        Audience.PRIMARY,
        "四至六年级",
        240,
        Topic.HEROES,
        "马振华",
    ),
    ("东城区第二中学", "东城区", BookingStatus.PROPOSED, 9, Audience.JUNIOR, "初一", 320, Topic.SERVICE, ""),
    (
        "西山区育英小学",
        "西山区",
        BookingStatus.CONFIRMED,
        16,
        Audience.PRIMARY,
        "红星班",
        45,
        Topic.TRADITION,
        "黄德明",
    ),
    ("石门县第一中学", "石门县", BookingStatus.DECLINED, 3, Audience.SENIOR, "高二", 900, Topic.DEFENCE, ""),
]


def _at(day: datetime.date, clock: str, minutes: int = 0) -> datetime.datetime:
    hour, minute = (int(part) for part in clock.split(":"))
    start = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_current_timezone())
    return start + datetime.timedelta(minutes=minutes)


def load_demo(context):
    index = _ensure_index(context.home_page)
    speakers = _ensure_speakers()
    today = timezone.localdate()
    created = [_create_talk(spec, today, speakers) for spec in TALKS if not Talk.objects.filter(title=spec[3]).exists()]
    bookings = [
        _create_booking(spec, today, speakers)
        for spec in BOOKINGS
        if not TalkBooking.objects.filter(school=spec[0]).exists()
    ]
    context.log(
        "  "
        + _("老兵宣讲：%(index)s，新建 %(talks)d 场宣讲、%(bookings)d 条学校预约")
        % {"index": index.title, "talks": len(created), "bookings": len(bookings)}
    )


def _ensure_index(home):
    index = TalksIndexPage.objects.child_of(home).first()
    if index is None:
        index = TalksIndexPage(**INDEX)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _ensure_speakers():
    speakers = {}
    for name, role, bio in SPEAKERS:
        speakers[name], _created = Speaker.objects.get_or_create(name=name, defaults={"role": role, "bio": bio})
    return speakers


def _publish(talk, speakers):
    talk.speakers.set(speakers)
    talk.save()
    talk.save_revision().publish()
    return talk


def _create_talk(spec, today, speakers):
    days, clock, minutes, title, topic, audience, place, address, district, capacity, school, names, summary = spec
    day = today + datetime.timedelta(days=days)
    talk = Talk(
        title=title,
        topic=topic,
        audience=audience,
        summary=summary,
        place=place,
        address=address,
        district=district,
        start=_at(day, clock),
        end=_at(day, clock, minutes),
        capacity=capacity,
        school=school,
    )
    if title == CANCELLED[0]:
        talk.cancelled, talk.cancel_reason = True, CANCELLED[1]
    return _publish(talk, [speakers[name] for name in names])


def _create_booking(spec, today, speakers):
    school, district, status, days, audience, grade, expected, topic, speaker = spec
    preferred = today + datetime.timedelta(days=days)
    booking = TalkBooking(
        school=school,
        district=district,
        address=f"{district}示例路1号",
        contact_name="王老师",
        contact_phone="13800000000",
        audience=audience,
        grade=grade,
        expected_audience=expected,
        preferred_date=preferred,
        preferred_time=PreferredTime.MORNING,
        topic=topic,
        speaker=speakers.get(speaker),
        note="示例数据：希望结合学校的主题活动安排。",
        submitted_at=timezone.now() - datetime.timedelta(days=2),
    )
    record_consent(booking)
    booking.save()
    now = timezone.now()
    if status == BookingStatus.PROPOSED:
        booking.proposed_start = _at(preferred + datetime.timedelta(days=1), "14:30")
        booking.proposed_end = _at(preferred + datetime.timedelta(days=1), "14:30", 90)
        booking.save()
        booking.move_to(status, note=when_text(booking.proposed_start, booking.proposed_end))
    elif status == BookingStatus.CONFIRMED:
        talk = Talk(
            title="红星班主题队会：老兵讲革命传统",
            topic=topic,
            audience=audience,
            place=school,
            address=booking.address,
            district=district,
            start=_at(preferred, "09:30"),
            end=_at(preferred, "09:30", 60),
            capacity=60,
            school=school,
        )
        booking.talk = _publish(talk, [speakers[speaker]])
        booking.moderation_status, booking.decided_at = ModerationStatus.APPROVED, now
        booking.save()
        booking.move_to(status)
    elif status == BookingStatus.DECLINED:
        reason = "预计听众超过九百人，宣讲团近期没有能容纳这么多人的场地，建议分年级预约。"
        booking.moderation_status, booking.decided_at, booking.decision_reason = ModerationStatus.REJECTED, now, reason
        booking.save()
        booking.move_to(status, note=reason)
    return booking
